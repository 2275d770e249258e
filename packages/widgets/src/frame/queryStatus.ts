import type { UseQueryResult } from '@tanstack/react-query';
import type { FrameStale, FrameStatus } from './WidgetFrame';

/**
 * The frame's state for a react-query read: loading until the first answer, error with a retry
 * when there is nothing to show, empty when `isEmpty` says so, else ready. A failed refresh over
 * data already shown is not an error: the data stays, marked stale (see {@link frameStaleOf}).
 */
export function frameStatusOf<TData>(query: UseQueryResult<TData>, isEmpty: (data: TData) => boolean, emptyMessage?: string): FrameStatus {
  const onRetry = () => void query.refetch();
  if (query.data !== undefined) {
    if (!isEmpty(query.data)) return { kind: 'ready', onRetry };
    return emptyMessage === undefined ? { kind: 'empty', onRetry } : { kind: 'empty', message: emptyMessage, onRetry };
  }
  if (query.isError) return { kind: 'error', error: query.error, onRetry };
  return { kind: 'loading' };
}

/**
 * Whether shown data is stale: the last refresh failed, or it was read more than `maxAgeMs` ago
 * (default 30 minutes; `now` is injected for reproducible tests).
 */
export function frameStaleOf(
  query: UseQueryResult<unknown>,
  options: { maxAgeMs?: number; now?: number } = {},
): FrameStale | undefined {
  if (query.data === undefined || query.dataUpdatedAt === 0) return undefined;
  const readAt = new Date(query.dataUpdatedAt).toISOString();
  const onRefresh = () => void query.refetch();
  if (query.isRefetchError) return { readAt, refreshFailed: true, onRefresh };
  const age = (options.now ?? Date.now()) - query.dataUpdatedAt;
  return age > (options.maxAgeMs ?? 30 * 60_000) ? { readAt, onRefresh } : undefined;
}
