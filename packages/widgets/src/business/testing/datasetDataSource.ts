import { createDatasetDataSource } from '@kizuna/metrics';
import type { AggregatePlan, AggregatePlanResult, CanonicalDataset, CxDataSource, DatasetRead, DatasetScope, RejectedRecord, UnavailablePart } from '@kizuna/model';

/** How the source behaves: as a CRM that pushes plans down, one that cannot, or one that fails. */
export interface DatasetSourceOptions {
  /** `false`: every plan comes back `{ pushed: false }`, as from a CRM without aggregate queries. */
  readonly pushdown?: boolean;
  /** Rejects every call of the `failing` methods with this error (a CRM error carries a `code`). */
  readonly failWith?: Error;
  readonly failing?: ReadonlyArray<'runAggregatePlan' | 'readDataset'>;
  /** These methods never settle (the loading state). */
  readonly pending?: ReadonlyArray<'runAggregatePlan' | 'readDataset'>;
  /** Records reported as rejected, and parts reported as unreadable, by every `readDataset`. */
  readonly rejected?: readonly RejectedRecord[];
  readonly unavailable?: readonly UnavailablePart[];
}

/** Calls received, for assertions on cost (how many plans, how many record reads). */
export interface DatasetSourceCalls {
  readonly plans: AggregatePlan[];
  readonly reads: DatasetScope[];
}

/**
 * The metrics core's in-memory data source (`createDatasetDataSource`: plans run by its own
 * engine, reads cut by scope as an adapter's) with knobs for the states a CRM can put a widget in,
 * and call accounting. For tests and stories.
 */
export function datasetDataSource(dataset: CanonicalDataset, options: DatasetSourceOptions = {}): CxDataSource & { readonly calls: DatasetSourceCalls } {
  const inner = createDatasetDataSource(dataset, { user: { id: 'user-1', name: 'Leader', locale: 'en-US' } });
  const calls: DatasetSourceCalls = { plans: [], reads: [] };
  const gate = <TValue>(method: 'runAggregatePlan' | 'readDataset', answer: () => Promise<TValue>): Promise<TValue> => {
    if (options.pending?.includes(method) === true) return new Promise<TValue>(() => undefined);
    if (options.failing?.includes(method) === true) return Promise.reject(options.failWith ?? new Error(`${method} failed`));
    return answer();
  };
  return {
    kind: inner.kind,
    calls,
    getAccountContext: (accountId, readOptions) => inner.getAccountContext(accountId, readOptions),
    listAccounts: (readOptions) => inner.listAccounts(readOptions),
    writeActions: (actions, readOptions) => inner.writeActions(actions, readOptions),
    currentUser: (readOptions) => inner.currentUser(readOptions),
    runAggregatePlan: (plan, readOptions): Promise<AggregatePlanResult> =>
      gate('runAggregatePlan', () => {
        calls.plans.push(plan);
        if (options.pushdown === false) return Promise.resolve({ pushed: false, unsupported: 'this source has no aggregate queries' });
        return inner.runAggregatePlan(plan, readOptions);
      }),
    readDataset: (scope, readOptions): Promise<DatasetRead> =>
      gate('readDataset', async () => {
        calls.reads.push(scope);
        const read = await inner.readDataset(scope, readOptions);
        return { ...read, rejected: options.rejected ?? read.rejected, unavailable: options.unavailable ?? read.unavailable };
      }),
  };
}
