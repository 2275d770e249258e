import type { AccountContext, EntityName, UnavailablePart } from '@kizuna/model';
import type { UseQueryResult } from '@tanstack/react-query';
import { frameStaleOf } from '../frame/queryStatus';
import type { FrameStale, FrameStatus } from '../frame/WidgetFrame';

/** What an account widget's frame needs from the account's context read. */
export interface AccountFrame {
  readonly status: FrameStatus;
  readonly unavailable: readonly UnavailablePart[];
  readonly rejectedCount: number;
  readonly stale: FrameStale | undefined;
  readonly busy: boolean;
}

/**
 * The frame state of a widget that reads `needs` from the account context. When every part it
 * needs could not be read, that is an error in words with a retry (nothing honest to show); when
 * some could not, it shows what it has and lists the rest (partial data). Rejected records count
 * only for the entities the widget reads.
 */
export function accountFrame(
  query: UseQueryResult<AccountContext>,
  needs: readonly EntityName[],
  isEmpty: (context: AccountContext) => boolean,
  emptyMessage: string,
): AccountFrame {
  const retry = () => void query.refetch();
  const busy = query.isFetching;
  const context = query.data;
  if (context === undefined) {
    const status: FrameStatus = query.isError ? { kind: 'error', error: query.error, onRetry: retry } : { kind: 'loading' };
    return { status, unavailable: [], rejectedCount: 0, stale: undefined, busy };
  }
  const unavailable = context.unavailable.filter((part) => needs.includes(part.entity));
  const rejectedCount = context.rejected.filter((record) => needs.includes(record.entity)).length;
  const stale = frameStaleOf(query);
  const first = unavailable[0];
  if (first !== undefined && needs.every((entity) => unavailable.some((part) => part.entity === entity))) {
    return { status: { kind: 'error', error: first, onRetry: retry }, unavailable: [], rejectedCount, stale, busy };
  }
  const status: FrameStatus = isEmpty(context) ? { kind: 'empty', message: emptyMessage, onRetry: retry } : { kind: 'ready', onRetry: retry };
  return { status, unavailable, rejectedCount, stale, busy };
}
