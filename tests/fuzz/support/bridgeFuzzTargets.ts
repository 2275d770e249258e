import { isCrmError } from '@kizuna/crm-core';
import { createLwcBridgeDataSource, createReferenceGateway, gatewayAllowlistOf, salesforceDefaultMapping, type ApexGateway } from '@kizuna/crm-salesforce';
import { createSalesforceOrg } from '@kizuna/crm-sim';
import type { Action, CanonicalDataset, CxDataSource } from '@kizuna/model';
import fc from 'fast-check';
import { mutateJson, mutation, nastyJson, type FuzzTarget, type Mutation, type Verdict } from './fuzzTarget';
import { batchPlan, lonePlan, scope } from './planFuzzTargets';

/**
 * The Salesforce LWC bridge: the gateway the LWC hands over (`KizunaGateway.read`/`.write`) is
 * recorded once as the reference gateway answers it over the simulated org; each input then
 * replays those JSON texts with one node changed, or other JSON (as text or as a value), or a
 * rejection with anything. The data source must resolve or reject with a CrmError.
 */
const methods = ['view', 'list', 'write', 'user', 'aggregate', 'aggregateBatch', 'dataset'] as const;
type Method = (typeof methods)[number];

type BridgeChange =
  | { readonly kind: 'mutate'; readonly mutation: Mutation; readonly asValue: boolean }
  | { readonly kind: 'json'; readonly value: unknown; readonly asValue: boolean }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'reject'; readonly value: unknown };

const bridgeChange: fc.Arbitrary<BridgeChange> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('mutate' as const), mutation, asValue: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: nastyJson, asValue: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), value: nastyJson }) },
);

const inputs = fc.record({ method: fc.constantFrom(...methods), change: bridgeChange });
type BridgeInput = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

/** The gateway's answers for one method, in the order they came. */
interface Recorded {
  readonly answers: ReadonlyMap<Method, readonly string[]>;
  readonly accountId: string;
  readonly actions: readonly Action[];
}

async function exercise(dataSource: CxDataSource, method: Method, recorded: Pick<Recorded, 'accountId' | 'actions'>): Promise<unknown> {
  switch (method) {
    case 'view':
      return dataSource.getAccountContext(recorded.accountId);
    case 'list':
      return dataSource.listAccounts();
    case 'write':
      return dataSource.writeActions(recorded.actions);
    case 'user':
      return dataSource.currentUser();
    case 'aggregate':
      return dataSource.runAggregatePlan(lonePlan);
    case 'aggregateBatch':
      return dataSource.runAggregatePlan(batchPlan);
    case 'dataset':
      return dataSource.readDataset(scope);
  }
}

export async function recordBridge(dataset: CanonicalDataset): Promise<Recorded> {
  const org = createSalesforceOrg(dataset);
  const reference = createReferenceGateway({
    query: (soql) => org.query(soql),
    upsert: (object, field, key, fields) => org.sobjects.upsert(object, field, key, fields),
    allowlist: gatewayAllowlistOf(salesforceDefaultMapping),
    currentUser: () => ({ id: '005xx000001Sv6AAAS', name: 'Aiko Tanaka', email: 'aiko@example.com', locale: 'ja_JP', language: 'ja', timeZone: 'Asia/Tokyo' }),
  });
  const account = dataset.accounts[0];
  if (account === undefined) throw new Error('the organisation has accounts');
  const accountId = org.salesforceIdOf('account', account.id);
  const actions: Action[] = [0, 1].map((index) => ({
    id: `fuzz-bridge-${index}`,
    idempotencyKey: `fuzz-bridge-${index}`,
    accountId,
    playbookId: 'detractor-recovery',
    title: 'Call back the detractor',
    reasons: ['NPS 3'],
    valueAtStake: 1000,
    expectedEffect: 0.3,
    urgency: 0.5,
    status: 'accepted',
    createdAt: '2026-10-01T00:00:00.000Z',
  }));
  const answers = new Map<Method, readonly string[]>();
  for (const method of methods) {
    const texts: string[] = [];
    const keep = async (answer: Promise<unknown>): Promise<unknown> => {
      const text = await answer;
      if (typeof text === 'string') texts.push(text);
      return text;
    };
    const gateway: ApexGateway = { read: (plan) => keep(reference.read(plan)), write: (plan) => keep(reference.write(plan)) };
    await exercise(createLwcBridgeDataSource({ gateway }), method, { accountId, actions });
    answers.set(method, texts);
  }
  return { answers, accountId, actions };
}

/**
 * What the gateway rejects with, as Lightning hands Apex errors over: plain JSON — including
 * objects whose own `toString`/`valueOf` keys are not functions, which once made `toCrmError`
 * throw a TypeError (fixed in @kizuna/crm-core; this target keeps feeding them).
 */
function rejection(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

/** More gateway calls than this for one input means the bridge loops on a bad answer. */
const MAX_CALLS_PER_INPUT = 60;

function fuzzedGateway(texts: readonly string[], change: BridgeChange): ApexGateway {
  let calls = 0;
  const answer = (): Promise<unknown> => {
    calls += 1;
    if (calls > MAX_CALLS_PER_INPUT) return Promise.reject(new Error(`The bridge made more than ${MAX_CALLS_PER_INPUT} gateway calls for one answer: it loops`));
    const text = texts[Math.min(calls, texts.length) - 1] ?? '""';
    switch (change.kind) {
      case 'mutate': {
        const value = mutateJson(JSON.parse(text) as unknown, change.mutation.at, change.mutation.replacement, change.mutation.mode);
        return Promise.resolve(change.asValue ? value : (JSON.stringify(value) ?? ''));
      }
      case 'json':
        return Promise.resolve(change.asValue ? change.value : (JSON.stringify(change.value) ?? ''));
      case 'text':
        return Promise.resolve(change.text);
      case 'reject':
        return Promise.reject(rejection(change.value) as Error);
    }
  };
  return { read: answer, write: answer };
}

export function salesforceBridgeTarget(recorded: Recorded, runs: number): FuzzTarget<BridgeInput> {
  return {
    name: 'Salesforce LWC bridge: mutated gateway read/write answers',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change }): Promise<Verdict> => {
      const texts = recorded.answers.get(method) ?? [];
      await exercise(createLwcBridgeDataSource({ gateway: fuzzedGateway(texts, change) }), method, recorded);
      return 'accepted';
    },
  };
}
