import { isCrmError, type HttpRequest } from '@kizuna/crm-core';
import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createSalesforceOrg, createZohoOrg } from '@kizuna/crm-sim';
import { startSalesforceServer, startZohoServer } from '@kizuna/crm-sim/node';
import { createZohoDataSource } from '@kizuna/crm-zoho';
import { batchPlans, compileKpi, kpiCatalogue, type AggregatePlan, type KpiRequest } from '@kizuna/metrics';
import type { CanonicalDataset, CxDataSource, DatasetScope } from '@kizuna/model';
import fc from 'fast-check';
import { answerChange, fuzzedTransport, recordingTransport, statusChange, type RecordedAnswer } from './crmAnswers';
import type { FuzzTarget, Verdict } from './fuzzTarget';

/**
 * The adapters' aggregate and portfolio parsing end to end: a lone pushed-down query (a plain
 * REST query or COQL call), a batch of them (a Salesforce composite request, several COQL calls),
 * and a portfolio read page by page. Each is recorded once against the simulator; each input
 * then changes those answers (as crmAnswers does) and the data source must resolve or reject
 * with a CrmError.
 */
const methods = ['aggregate', 'aggregateBatch', 'dataset'] as const;
type Method = (typeof methods)[number];

const request: KpiRequest = { groupBy: ['businessUnitId', 'period'], window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } };
export const scope: DatasetScope = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };

function planOf(id: keyof typeof kpiCatalogue): AggregatePlan {
  const plan = compileKpi(kpiCatalogue[id], request);
  if ('unsupported' in plan) throw new Error(`${id} compiles to an aggregate plan`);
  return plan;
}

export const lonePlan = planOf('nps');
export const batchPlan = batchPlans([planOf('nps'), planOf('csat'), planOf('escalationRate'), planOf('renewalRate')]).plan;

async function exercise(dataSource: CxDataSource, method: Method): Promise<unknown> {
  switch (method) {
    case 'aggregate':
      return dataSource.runAggregatePlan(lonePlan);
    case 'aggregateBatch':
      return dataSource.runAggregatePlan(batchPlan);
    case 'dataset':
      return dataSource.readDataset(scope);
  }
}

/** Kinds per method: an aggregate answer and a record page are different shapes of the same endpoint. */
const fromObject = (text: string): string => /\bfrom\s+(\w+)/i.exec(text)?.[1] ?? '?';

const salesforceKind = (request: HttpRequest): string => {
  if (request.url.endsWith('/composite')) return 'composite';
  if (request.url.includes('/query/')) return 'next-page';
  if (request.url.includes('/query')) return `query ${fromObject(decodeURIComponent(request.url))}`;
  return `${request.method} ${new URL(request.url).pathname}`;
};

const zohoKind = (request: HttpRequest): string => {
  if (request.url.includes('/coql')) return `coql ${fromObject(request.body ?? '')}`;
  if (request.url.includes('/users')) return 'users';
  if (request.method === 'GET') return 'records';
  return `${request.method} ${new URL(request.url).pathname}`;
};

type Recordings = ReadonlyMap<Method, ReadonlyMap<string, RecordedAnswer>>;

async function recordEach(kindOf: (request: HttpRequest) => string, sourceOver: (transport: ReturnType<typeof recordingTransport>['transport']) => CxDataSource): Promise<Recordings> {
  const recordings = new Map<Method, ReadonlyMap<string, RecordedAnswer>>();
  for (const method of methods) {
    const { transport, answers } = recordingTransport(kindOf);
    await exercise(sourceOver(transport), method);
    recordings.set(method, answers);
  }
  return recordings;
}

const instanceUrl = 'https://fuzz.my.salesforce.com';

export async function recordSalesforcePlans(dataset: CanonicalDataset): Promise<Recordings> {
  const sim = startSalesforceServer(createSalesforceOrg(dataset), { instanceUrl, accessTokens: ['fuzz-token'] });
  try {
    return await recordEach(salesforceKind, (transport) => createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'fuzz-token', transport }));
  } finally {
    sim.close();
  }
}

export async function recordZohoPlans(dataset: CanonicalDataset): Promise<Recordings & { readonly apiDomain: string }> {
  const org = createZohoOrg(dataset, { dataCentre: 'AU' });
  const sim = startZohoServer(org, { accessTokens: ['fuzz-token'] });
  try {
    const recordings = await recordEach(zohoKind, (transport) => createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => 'fuzz-token', transport }));
    return Object.assign(recordings, { apiDomain: org.apiDomain });
  } finally {
    sim.close();
  }
}

const noWait = { sleep: () => Promise.resolve() };
const inputs = fc.record({ method: fc.constantFrom(...methods), change: answerChange, status: statusChange });
type PlanInput = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function answersFor(recordings: Recordings, method: Method): ReadonlyMap<string, RecordedAnswer> {
  const answers = recordings.get(method);
  if (answers === undefined) throw new Error(`${method} was recorded`);
  return answers;
}

export function salesforcePlansTarget(recordings: Recordings, runs: number): FuzzTarget<PlanInput> {
  return {
    name: 'Salesforce adapter: mutated aggregate query/composite and dataset pages',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change, status }): Promise<Verdict> => {
      const transport = fuzzedTransport(salesforceKind, answersFor(recordings, method), change, status);
      await exercise(createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'fuzz-token', transport, retry: noWait }), method);
      return 'accepted';
    },
  };
}

export function zohoPlansTarget(recordings: Recordings & { readonly apiDomain: string }, runs: number): FuzzTarget<PlanInput> {
  return {
    name: 'Zoho adapter: mutated COQL aggregate answers and dataset pages',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change, status }): Promise<Verdict> => {
      const transport = fuzzedTransport(zohoKind, answersFor(recordings, method), change, status);
      await exercise(createZohoDataSource({ connection: { apiDomain: recordings.apiDomain }, tokens: () => 'fuzz-token', transport, retry: noWait }), method);
      return 'accepted';
    },
  };
}
