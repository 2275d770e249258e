import type {
  AccountContext,
  AccountSummary,
  Action,
  ActionWriteResult,
  AggregatePlan,
  AggregatePlanResult,
  CanonicalDataset,
  CrmUser,
  CxDataSource,
  DatasetRead,
  DatasetScope,
  EntityName,
  Feedback,
} from '@kizuna/model';

/**
 * What one call answers: a value, a rejection (an `Error`, typed by its `code` as a CRM error
 * would be), or `'pending'` — a promise that never settles (the loading state).
 */
export type Outcome<TValue> = TValue | Error | 'pending';

/**
 * What one `writeActions` call does: `'write'` stores the tasks as a CRM would (keyed by idempotency
 * key: the second write of a key updates the one task, `created: false`); `{ refuse }` answers a
 * per-action failure for every action (the CRM said no, e.g. a validation rule); an `Error` rejects
 * the whole call (a network failure); `'pending'` never settles.
 */
export type WriteOutcome = 'write' | { readonly refuse: { readonly code: string; readonly message: string } } | Error | 'pending';

/**
 * A script per method. Each list is consumed one outcome per call; the last outcome repeats.
 * `dataset` answers `readDataset` by filtering a whole organisation by the scope, as a CRM would.
 */
export interface DataSourceScript {
  readonly kind?: CxDataSource['kind'];
  readonly accountContext?: readonly Outcome<AccountContext>[];
  readonly accounts?: readonly Outcome<readonly AccountSummary[]>[];
  readonly writes?: readonly WriteOutcome[];
  readonly aggregatePlans?: readonly Outcome<AggregatePlanResult>[];
  readonly dataset?: CanonicalDataset | readonly Outcome<DatasetRead>[];
  readonly currentUser?: readonly Outcome<CrmUser>[];
}

/** Which calls a scripted source received, in order, for assertions (like the simulator's call accounting). */
export interface ScriptedCalls {
  getAccountContext: string[];
  listAccounts: number;
  writeActions: Action[][];
  runAggregatePlan: AggregatePlan[];
  readDataset: DatasetScope[];
  currentUser: number;
}

export interface ScriptedDataSource extends CxDataSource {
  readonly calls: ScriptedCalls;
  /** The CRM tasks written so far, by idempotency key (one per key, however often it was written). */
  readonly tasks: ReadonlyMap<string, { readonly crmTaskId: string; readonly action: Action; readonly writes: number }>;
}

const neverSettles = <TValue>() => new Promise<TValue>(() => undefined);

/** Hands out the next outcome of a list; the last one repeats. */
function sequence<TOutcome>(outcomes: readonly TOutcome[], method: string): () => TOutcome {
  const queue = [...outcomes];
  return () => {
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (next === undefined) throw new Error(`the script has no outcome for ${method}`);
    return next;
  };
}

function settle<TValue>(outcome: Outcome<TValue>, signal: AbortSignal | undefined): Promise<TValue> {
  if (signal?.aborted === true) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  if (outcome === 'pending') return neverSettles<TValue>();
  return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
}

function isOutcomeList(
  dataset: CanonicalDataset | readonly Outcome<DatasetRead>[] | undefined,
): dataset is readonly Outcome<DatasetRead>[] {
  return Array.isArray(dataset);
}

const defaultUser: CrmUser = { id: 'user-1', name: 'Aiko Tanaka', locale: 'en-US', timeZone: 'Asia/Tokyo' };

/** A data source that answers from a script per method; see {@link DataSourceScript}. */
export function scriptedSource(script: DataSourceScript = {}): ScriptedDataSource {
  const calls: ScriptedCalls = {
    getAccountContext: [],
    listAccounts: 0,
    writeActions: [],
    runAggregatePlan: [],
    readDataset: [],
    currentUser: 0,
  };
  const tasks = new Map<string, { crmTaskId: string; action: Action; writes: number }>();
  const nextContext = sequence(script.accountContext ?? [new Error('no account context in the script')], 'getAccountContext');
  const nextAccounts = sequence(script.accounts ?? [[]], 'listAccounts');
  const nextWrite = sequence<WriteOutcome>(script.writes ?? ['write'], 'writeActions');
  const nextPlan = sequence<Outcome<AggregatePlanResult>>(
    script.aggregatePlans ?? [{ pushed: false, unsupported: 'This source reads records; KPIs are evaluated in memory.' }],
    'runAggregatePlan',
  );
  const dataset = script.dataset;
  const nextDataset = isOutcomeList(dataset) ? sequence(dataset, 'readDataset') : undefined;
  const nextUser = sequence(script.currentUser ?? [defaultUser], 'currentUser');

  const write = (action: Action): ActionWriteResult => {
    const existing = tasks.get(action.idempotencyKey);
    if (existing !== undefined) {
      tasks.set(action.idempotencyKey, { ...existing, action, writes: existing.writes + 1 });
      return { idempotencyKey: action.idempotencyKey, ok: true, crmTaskId: existing.crmTaskId, created: false };
    }
    const crmTaskId = `task-${String(tasks.size + 1).padStart(4, '0')}`;
    tasks.set(action.idempotencyKey, { crmTaskId, action, writes: 1 });
    return { idempotencyKey: action.idempotencyKey, ok: true, crmTaskId, created: true };
  };

  return {
    kind: script.kind ?? 'file',
    calls,
    tasks,
    getAccountContext: (accountId, options) => {
      calls.getAccountContext.push(accountId);
      return settle(nextContext(), options?.signal);
    },
    listAccounts: (options) => {
      calls.listAccounts += 1;
      return settle(nextAccounts(), options?.signal);
    },
    writeActions: (actions, options) => {
      calls.writeActions.push([...actions]);
      const outcome = nextWrite();
      if (outcome === 'write') return settle(actions.map(write), options?.signal);
      if (outcome === 'pending' || outcome instanceof Error) return settle<readonly ActionWriteResult[]>(outcome, options?.signal);
      const { code, message } = outcome.refuse;
      return settle(actions.map((action) => ({ idempotencyKey: action.idempotencyKey, ok: false as const, code, message })), options?.signal);
    },
    runAggregatePlan: (plan, options) => {
      calls.runAggregatePlan.push(plan);
      return settle(nextPlan(), options?.signal);
    },
    readDataset: (scope, options) => {
      calls.readDataset.push(scope);
      if (nextDataset !== undefined) return settle(nextDataset(), options?.signal);
      if (dataset === undefined || isOutcomeList(dataset)) return settle<DatasetRead>(new Error('no dataset in the script'), options?.signal);
      return settle({ dataset: datasetInScope(dataset, scope), rejected: [], unavailable: [] }, options?.signal);
    },
    currentUser: (options) => {
      calls.currentUser += 1;
      return settle(nextUser(), options?.signal);
    },
  };
}

/** The first instant of a period `YYYY-Qn` or `YYYY-MM`. */
function periodStart(period: string): string {
  const [year = '1970', part = '01'] = period.split('-');
  const month = part.startsWith('Q') ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part);
  return `${year}-${String(month).padStart(2, '0')}-01T00:00:00.000Z`;
}

/** A whole organisation narrowed to a scope: facts dated in `[from, to)` of accounts in the units. */
export function datasetInScope(dataset: CanonicalDataset, scope: DatasetScope): CanonicalDataset {
  const from = Date.parse(scope.from);
  const to = Date.parse(scope.to);
  const inWindow = (instant: string) => {
    const time = Date.parse(instant);
    return time >= from && time < to;
  };
  const units = scope.businessUnitIds === undefined ? undefined : new Set(scope.businessUnitIds);
  const accounts = dataset.accounts.filter((account) => units === undefined || units.has(account.businessUnitId));
  const accountIds = new Set(accounts.map((account) => account.id));
  const teamIds = new Set(accounts.map((account) => account.servingTeamId));
  const wanted = scope.entities === undefined ? undefined : new Set(scope.entities);
  const read = (entity: EntityName) => wanted === undefined || wanted.has(entity);
  const ofAccount = <TRecord extends { accountId: string }>(records: readonly TRecord[]) =>
    records.filter((record) => accountIds.has(record.accountId));
  return {
    businessUnits: dataset.businessUnits,
    productLines: dataset.productLines,
    segments: dataset.segments,
    teams: dataset.teams,
    accounts,
    contacts: ofAccount(dataset.contacts),
    touchpoints: read('touchpoint') ? ofAccount(dataset.touchpoints).filter((record) => inWindow(record.occurredAt)) : [],
    feedback: read('feedback') ? ofAccount(dataset.feedback).filter((record) => inWindow(record.respondedAt)) : [],
    supportCases: read('supportCase') ? ofAccount(dataset.supportCases).filter((record) => inWindow(record.openedAt)) : [],
    opportunities: read('opportunity') ? ofAccount(dataset.opportunities).filter((record) => inWindow(record.closeDate)) : [],
    employeePulses: read('employeePulse')
      ? dataset.employeePulses.filter((pulse) => (units === undefined || teamIds.has(pulse.teamId)) && inWindow(periodStart(pulse.period)))
      : [],
    actions: read('action') ? ofAccount(dataset.actions).filter((record) => inWindow(record.createdAt)) : [],
  };
}

/**
 * The account-context source most tests need: `getAccountContext` answers the outcomes in order
 * (the last repeats); the other methods behave as a small idempotent file source.
 */
export function scriptedDataSource(...outcomes: Array<Outcome<AccountContext>>): ScriptedDataSource {
  return scriptedSource({ accountContext: outcomes });
}

/** An NPS answer of account `acc-1`. */
export function npsAnswer(id: string, score: number, respondedAt = '2026-06-01T00:00:00.000Z'): Feedback {
  return {
    id,
    accountId: 'acc-1',
    kind: 'nps',
    programme: 'relationship',
    scale: 'nps_0_10',
    score,
    respondedAt,
    driverScores: {},
    followUp: { state: 'not_required' },
  };
}

/** The context of account `acc-1` with the given feedback. */
export function accountContextWith(
  feedback: readonly Feedback[],
  rejected: AccountContext['rejected'] = [],
  unavailable: AccountContext['unavailable'] = [],
): AccountContext {
  return {
    account: {
      id: 'acc-1',
      name: 'Acme',
      businessUnitId: 'bu-1',
      productLineId: 'pl-1',
      segmentId: 'seg-1',
      servingTeamId: 'team-1',
      arr: 1_000_000,
      currency: 'JPY',
      status: 'active',
      customerSince: '2024-01-01',
    },
    contacts: [],
    touchpoints: [],
    feedback,
    supportCases: [],
    opportunities: [],
    actions: [],
    rejected,
    unavailable,
  };
}

/** Ten answers: 5 promoters, 3 passives, 2 detractors → NPS 30. */
export const tenNpsAnswers: readonly Feedback[] = [10, 10, 9, 9, 9, 8, 7, 8, 3, 5].map((score, index) =>
  npsAnswer(`f${index}`, score),
);
