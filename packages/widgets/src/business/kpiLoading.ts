import {
  batchPlans,
  buildFactTables,
  compileKpi,
  finishKpi,
  groupKeyOf,
  kpiBatch,
  kpiCatalogue,
  type AggregatePlan,
  type Dimension,
  type GroupTotals,
  type KpiDefinition,
  type KpiEvaluation,
  type KpiId,
  type KpiScope,
} from '@kizuna/metrics';
import type { AggregatePlanResult, CxDataSource, DatasetRead, EntityName, FactSource, ReadOptions } from '@kizuna/model';
import { recordReads, type RecordReads } from './recordReads';

/**
 * Loads KPIs cheaply: each KPI is compiled once, on the finest cut the view needs, into an
 * aggregate plan the data source pushes down into the CRM (SOQL GROUP BY, COQL); every coarser cut
 * (company, unit, product line, segment) is then finished from those group totals added up here —
 * counts and sums add, minima and maxima take the extreme — with no further round trip. The plans
 * of all the KPIs go as one batch. KPIs the CRM cannot aggregate (medians, date arithmetic) or a
 * source that cannot push plans down fall back to the same definitions evaluated in memory, from
 * records read once per load (`recordReads`), shared with the view's own read when it passes one.
 */

/** Which records a fact source's in-memory evaluation needs. */
const entitiesOf: Readonly<Record<FactSource, readonly EntityName[]>> = {
  feedback: ['feedback'],
  supportCase: ['supportCase'],
  opportunity: ['opportunity'],
  account: [],
  contact: [],
  employeePulse: ['employeePulse'],
};

export interface KpiLoadRequest {
  readonly kpis: readonly KpiId[];
  /** Window and filters every KPI and cut shares. */
  readonly scope: KpiScope & { readonly window: { readonly from: string; readonly to: string } };
  /** The finest cut: every cut in `cuts` must be a subset of it. */
  readonly finest: readonly Dimension[];
  /** The cuts to finish, e.g. `[]` (the company), `['businessUnitId']` … */
  readonly cuts: ReadonlyArray<readonly Dimension[]>;
  /** Per KPI, a finer cut than `finest` (e.g. adding `accountId` for NPS to estimate clustering). */
  readonly finestFor?: Partial<Record<KpiId, readonly Dimension[]>>;
}

export interface KpiLoad {
  /** `evaluations[kpi][cutKey(cut)]`. */
  readonly evaluations: Readonly<Partial<Record<KpiId, Readonly<Record<string, KpiEvaluation>>>>>;
  /** KPIs computed from pushed-down totals, and those evaluated in memory from records. */
  readonly pushed: readonly KpiId[];
  readonly inMemory: readonly KpiId[];
  /** Records read for the in-memory KPIs: their rejected records and unreadable parts (with the accounts'). */
  readonly read: Pick<DatasetRead, 'rejected' | 'unavailable'>;
}

/** The key of a cut in {@link KpiLoad.evaluations}: its dimensions joined by `+` (`''` for the company). */
export function cutKey(cut: readonly Dimension[]): string {
  return cut.join('+');
}

/**
 * Adds group totals up to a coarser cut. Every plan measure is a count, sum, minimum or maximum,
 * and the finer groups partition the coarser ones, so the coarse totals are exact.
 */
export function rollUpTotals(
  plan: AggregatePlan,
  totals: Readonly<Record<string, readonly GroupTotals[]>>,
  groupBy: readonly Dimension[],
): Record<string, GroupTotals[]> {
  const rolled: Record<string, GroupTotals[]> = {};
  for (const [name, query] of Object.entries(plan.queries)) {
    const groups = new Map<string, { keys: Partial<Record<Dimension, string>>; values: Record<string, number> }>();
    for (const row of totals[name] ?? []) {
      const keys: Partial<Record<Dimension, string>> = {};
      for (const dimension of groupBy) {
        const value = row.keys[dimension];
        if (value !== undefined) keys[dimension] = value;
      }
      const key = groupKeyOf(keys, groupBy);
      let group = groups.get(key);
      if (group === undefined) {
        group = { keys, values: {} };
        groups.set(key, group);
      }
      for (const measure of query.measures) {
        const value = row.values[measure.id];
        if (value === undefined) continue;
        const current = group.values[measure.id];
        group.values[measure.id] =
          current === undefined
            ? value
            : measure.op === 'min'
              ? Math.min(current, value)
              : measure.op === 'max'
                ? Math.max(current, value)
                : current + value;
      }
    }
    rolled[name] = [...groups.values()];
  }
  return rolled;
}

function subsetOf(cut: readonly Dimension[], of: readonly Dimension[]): boolean {
  return cut.every((dimension) => of.includes(dimension));
}

/** What a KPI load may share with the rest of its view. */
export interface KpiLoadOptions extends ReadOptions {
  /**
   * The view's record reads (over the request's window): the KPIs evaluated in memory take their
   * records from the read the view makes anyway, so each object is read once per load. A load of
   * its own when absent.
   */
  readonly reads?: RecordReads;
}

interface Attempt {
  readonly id: KpiId;
  readonly definition: KpiDefinition;
  /** The cut the KPI is compiled on (the request's finest, or its own finer one). */
  readonly finest: readonly Dimension[];
  readonly plan: AggregatePlan | { readonly unsupported: string };
}
type Outcome =
  | { readonly id: KpiId; readonly pushedDown: true; readonly byCut: Record<string, KpiEvaluation> }
  | { readonly id: KpiId; readonly pushedDown: false };

/**
 * Pushes plans down together, one answer per plan: `batchPlans` merges the queries that can share
 * one, and the source sends the batch's queries at once (Salesforce: five to a composite request).
 * A source that refuses the batch — one plan it cannot express refuses them all — is asked plan by
 * plan, so only the plans it cannot express are evaluated in memory.
 */
function pushDownTogether(dataSource: CxDataSource, plans: readonly AggregatePlan[], options: ReadOptions): Array<Promise<AggregatePlanResult>> {
  if (plans.length < 2) return plans.map((plan) => dataSource.runAggregatePlan(plan, options));
  const batch = batchPlans(plans);
  const answers = dataSource.runAggregatePlan(batch.plan, options).then((answer): Array<Promise<AggregatePlanResult>> => {
    if (!answer.pushed) return plans.map((plan) => dataSource.runAggregatePlan(plan, options));
    return batch.totalsOf(answer.totals).map((totals) => Promise.resolve({ pushed: true, totals }));
  });
  return plans.map(async (plan, index) => {
    const answer = (await answers)[index];
    if (answer === undefined) throw new Error(`the batch has no answer for the plan of ${plan.kpi}`);
    return answer;
  });
}

/** Every cut of a KPI finished from the totals of its plan on the finest cut, rolled up. */
function finishCuts(attempt: Attempt, plan: AggregatePlan, totals: Readonly<Record<string, readonly GroupTotals[]>>, request: KpiLoadRequest): Record<string, KpiEvaluation> {
  const byCut: Record<string, KpiEvaluation> = {};
  for (const cut of [...request.cuts, attempt.finest]) {
    const cutRequest = { ...request.scope, groupBy: cut };
    const cutPlan = compileKpi(attempt.definition, cutRequest);
    if ('unsupported' in cutPlan) continue;
    const usable = Object.values(cutPlan.queries)[0]?.groupBy ?? cut;
    byCut[cutKey(cut)] = finishKpi(attempt.definition, cutRequest, cutPlan, rollUpTotals(plan, totals, usable));
  }
  return byCut;
}

const entitiesOfKpis = (ids: readonly KpiId[]) => [...new Set(ids.flatMap((id) => entitiesOf[kpiCatalogue[id].source]))];

/**
 * Loads the request's KPIs on every cut: their plans pushed down as one batch where possible; a
 * KPI whose plan cannot be pushed down is evaluated in memory, its records asked for as soon as
 * that is known (at once when the metrics core cannot compile it, else when the source refuses
 * it) — never after the other KPIs' answers — from the load's shared record reads.
 */
export async function loadKpis(dataSource: CxDataSource, request: KpiLoadRequest, options: KpiLoadOptions = {}): Promise<KpiLoad> {
  for (const cut of request.cuts) {
    if (!subsetOf(cut, request.finest)) throw new RangeError(`cut ${cutKey(cut)} is not within the finest cut ${cutKey(request.finest)}`);
  }
  const { reads: shared, ...readOptions } = options;
  const { window } = request.scope;
  if (shared !== undefined && (shared.window.from !== window.from || shared.window.to !== window.to)) {
    throw new RangeError(`the shared record reads cover ${shared.window.from} → ${shared.window.to}, not the request's window ${window.from} → ${window.to}`);
  }
  const reads = shared ?? recordReads(dataSource, window, readOptions);
  const attempts: Attempt[] = request.kpis.map((id) => {
    const definition = kpiCatalogue[id];
    const finest = request.finestFor?.[id] ?? request.finest;
    return { id, definition, finest, plan: compileKpi(definition, { ...request.scope, groupBy: finest }) };
  });
  const plans = new Map<KpiId, AggregatePlan>();
  for (const attempt of attempts) if (!('unsupported' in attempt.plan)) plans.set(attempt.id, attempt.plan);
  const answered = pushDownTogether(dataSource, [...plans.values()], readOptions);
  const answers = new Map([...plans.keys()].map((id, index) => [id, answered[index]]));
  const outcomes = attempts.map(async (attempt): Promise<Outcome> => {
    const plan = plans.get(attempt.id);
    const pending = answers.get(attempt.id);
    // No await before asking for the records of a KPI the core cannot compile: asked in this turn,
    // they join the view's first read.
    const answer = plan === undefined || pending === undefined ? undefined : await pending;
    if (plan === undefined || answer === undefined || !answer.pushed) {
      await reads.read(entitiesOfKpis([attempt.id]));
      return { id: attempt.id, pushedDown: false };
    }
    return { id: attempt.id, pushedDown: true, byCut: finishCuts(attempt, plan, answer.totals, request) };
  });
  const evaluations: Partial<Record<KpiId, Record<string, KpiEvaluation>>> = {};
  const pushed: KpiId[] = [];
  const inMemory: KpiId[] = [];
  for (const outcome of await Promise.all(outcomes)) {
    if (outcome.pushedDown) {
      evaluations[outcome.id] = outcome.byCut;
      pushed.push(outcome.id);
    } else inMemory.push(outcome.id);
  }
  let read: KpiLoad['read'] = { rejected: [], unavailable: [] };
  if (inMemory.length > 0) {
    // Every entity is covered by now: this composes the reads already made, it reads nothing.
    const records = await reads.read(entitiesOfKpis(inMemory));
    read = { rejected: records.rejected, unavailable: records.unavailable };
    const batch = kpiBatch(buildFactTables(records.dataset), request.scope);
    for (const id of inMemory) {
      const finest = request.finestFor?.[id] ?? request.finest;
      evaluations[id] = Object.fromEntries([...request.cuts, finest].map((cut) => [cutKey(cut), batch.evaluate(kpiCatalogue[id], cut)]));
    }
  }
  return { evaluations, pushed, inMemory, read };
}
