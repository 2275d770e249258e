import '../../../packages/embed-web/src/cspSafeZod';
import { createDatasetDataSource } from '@kizuna/metrics';
import type { AggregatePlan, CxDataSource, DatasetScope } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { sourceMethods, type PlanAnswer, type PlanCall, type WorkerReady } from './planProtocol';

/**
 * A CRM stand-in in a worker: it generates the organisation itself (so a million rows never cross
 * to the page), and answers the dashboard's calls as an adapter would — aggregate plans pushed
 * down (run by the metrics core's engine on its fact tables), record reads cut by scope.
 */
let source: CxDataSource | undefined;

/** Generates the organisation the page asked for (`accounts=N`) and builds its fact tables. */
async function prepare(query: string): Promise<WorkerReady> {
  const params = new URLSearchParams(query);
  const accounts = Number(params.get('accounts') ?? '1000');
  const asOf = params.get('asOf') ?? '2026-10-01T00:00:00.000Z';
  const generating = performance.now();
  const dataset = generateOrganisation({ seed: 1, accounts, asOf });
  const generateMs = performance.now() - generating;
  source = createDatasetDataSource(dataset, { user: { id: 'u-bench', name: 'Leader', locale: 'en-US' }, kind: 'web' });
  const building = performance.now();
  // The first plan builds the fact tables: done before the page starts timing.
  await source.runAggregatePlan({ kpi: 'warm-up', queries: {} });
  return { ready: true, accounts: dataset.accounts.length, feedback: dataset.feedback.length, generateMs, factTablesMs: performance.now() - building };
}

function isCall(value: unknown): value is PlanCall {
  return (
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' && 'method' in value &&
    sourceMethods.some((method) => method === value.method) && 'args' in value && Array.isArray(value.args)
  );
}

async function answer(call: PlanCall): Promise<unknown> {
  if (source === undefined) throw new Error('The worker has not been configured.');
  const [first] = call.args;
  switch (call.method) {
    case 'runAggregatePlan':
      return source.runAggregatePlan(first as AggregatePlan);
    case 'readDataset':
      return source.readDataset(first as DatasetScope);
    case 'currentUser':
      return source.currentUser();
    case 'listAccounts':
      return source.listAccounts();
    case 'getAccountContext':
      return source.getAccountContext(String(first));
    case 'writeActions':
      return [];
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const call = event.data;
  if (typeof call === 'object' && call !== null && 'configure' in call && typeof call.configure === 'string') {
    void prepare(call.configure).then((ready) => self.postMessage(ready));
    return;
  }
  if (!isCall(call)) return;
  answer(call).then(
    (value) => self.postMessage({ id: call.id, ok: true, value } satisfies PlanAnswer),
    (error: unknown) =>
      self.postMessage({
        id: call.id,
        ok: false,
        code: typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN',
        message: error instanceof Error ? error.message : String(error),
      } satisfies PlanAnswer),
  );
});
