import type { CxDataSource } from '@kizuna/model';
import { isPlanAnswer, isWorkerReady, type PlanAnswer, type SourceMethod, type WorkerReady } from './planProtocol';

/** A failure the worker reported, with the data source's error code. */
export class WorkerSourceError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'WorkerSourceError';
  }
}

/** A `CxDataSource` whose every call is answered by the plan worker; resolves once the worker is ready. */
export function workerDataSource(worker: Worker): Promise<{ readonly source: CxDataSource; readonly ready: WorkerReady }> {
  let next = 0;
  const pending = new Map<number, (answer: PlanAnswer) => void>();
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (isWorkerReady(data)) {
        resolve({ source, ready: data });
        return;
      }
      if (!isPlanAnswer(data)) return;
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    });
    const call = <TValue>(method: SourceMethod, ...args: unknown[]): Promise<TValue> =>
      new Promise<TValue>((settle, reject) => {
        const id = (next += 1);
        pending.set(id, (answer) => (answer.ok ? settle(answer.value as TValue) : reject(new WorkerSourceError(answer.code, answer.message))));
        // Signals do not cross to the worker: a superseded read just finishes there.
        worker.postMessage({ id, method, args: args.filter((arg) => !(arg instanceof AbortSignal) && typeof arg !== 'function').map((arg) => (isReadOptions(arg) ? undefined : arg)) });
      });
    const source: CxDataSource = {
      kind: 'web',
      getAccountContext: (accountId) => call('getAccountContext', accountId),
      listAccounts: () => call('listAccounts'),
      writeActions: (actions) => call('writeActions', actions),
      runAggregatePlan: (plan) => call('runAggregatePlan', plan),
      readDataset: (scope) => call('readDataset', scope),
      currentUser: () => call('currentUser'),
    };
  });
}

function isReadOptions(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'signal' in value;
}
