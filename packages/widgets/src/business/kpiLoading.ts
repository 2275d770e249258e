import {
  buildFactTables,
  compileKpi,
  finishKpi,
  groupKeyOf,
  kpiBatch,
  kpiCatalogue,
  type AggregatePlan,
  type Dimension,
  type GroupTotals,
  type KpiEvaluation,
  type KpiId,
  type KpiScope,
} from '@kizuna/metrics';
import type { CxDataSource, DatasetRead, EntityName, FactSource, ReadOptions } from '@kizuna/model';

/**
 * Loads KPIs cheaply: each KPI is compiled once, on the finest cut the view needs, into an
 * aggregate plan the data source pushes down into the CRM (SOQL GROUP BY, COQL); every coarser cut
 * (company, unit, product line, segment) is then finished from those group totals added up here —
 * counts and sums add, minima and maxima take the extreme — with no further round trip. KPIs the
 * CRM cannot aggregate (medians, date arithmetic) or a source that cannot push plans down fall back
 * to one record read for all of them and the same definitions evaluated in memory.
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
  /** Records read for the in-memory KPIs: their rejected records and unreadable parts. */
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

/** Loads the request's KPIs on every cut: pushed down where possible, else in memory from one read. */
export async function loadKpis(dataSource: CxDataSource, request: KpiLoadRequest, options: ReadOptions = {}): Promise<KpiLoad> {
  for (const cut of request.cuts) {
    if (!subsetOf(cut, request.finest)) throw new RangeError(`cut ${cutKey(cut)} is not within the finest cut ${cutKey(request.finest)}`);
  }
  const evaluations: Partial<Record<KpiId, Record<string, KpiEvaluation>>> = {};
  const pushed: KpiId[] = [];
  const inMemory: KpiId[] = [];
  const attempts = request.kpis.map(async (id) => {
    const definition = kpiCatalogue[id];
    const finest = request.finestFor?.[id] ?? request.finest;
    const fineRequest = { ...request.scope, groupBy: finest };
    const plan = compileKpi(definition, fineRequest);
    if ('unsupported' in plan) return { id, pushedDown: false as const };
    const answer = await dataSource.runAggregatePlan(plan, options);
    if (!answer.pushed) return { id, pushedDown: false as const };
    const byCut: Record<string, KpiEvaluation> = {};
    for (const cut of [...request.cuts, finest]) {
      const cutRequest = { ...request.scope, groupBy: cut };
      const cutPlan = compileKpi(definition, cutRequest);
      if ('unsupported' in cutPlan) continue;
      const usable = Object.values(cutPlan.queries)[0]?.groupBy ?? cut;
      byCut[cutKey(cut)] = finishKpi(definition, cutRequest, cutPlan, rollUpTotals(plan, answer.totals, usable));
    }
    return { id, pushedDown: true as const, byCut };
  });
  for (const attempt of await Promise.all(attempts)) {
    if (attempt.pushedDown) {
      evaluations[attempt.id] = attempt.byCut;
      pushed.push(attempt.id);
    } else inMemory.push(attempt.id);
  }
  let read: KpiLoad['read'] = { rejected: [], unavailable: [] };
  if (inMemory.length > 0) {
    const entities = [...new Set(inMemory.flatMap((id) => entitiesOf[kpiCatalogue[id].source]))];
    const records = await dataSource.readDataset({ from: request.scope.window.from, to: request.scope.window.to, entities }, options);
    read = { rejected: records.rejected, unavailable: records.unavailable };
    const batch = kpiBatch(buildFactTables(records.dataset), request.scope);
    for (const id of inMemory) {
      const finest = request.finestFor?.[id] ?? request.finest;
      evaluations[id] = Object.fromEntries([...request.cuts, finest].map((cut) => [cutKey(cut), batch.evaluate(kpiCatalogue[id], cut)]));
    }
  }
  return { evaluations, pushed, inMemory, read };
}
