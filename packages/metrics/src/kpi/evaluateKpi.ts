import type { KpiWarning } from '../warnings';
import { allConditions } from './conditions';
import type { Dimension } from './dimensions';
import type { FactTables } from './buildFactTables';
import { groupRows } from './groupRows';
import type { KpiDefinition, KpiResult, Pushdown } from './kpiDefinition';
import { joinQueryTotals, type AggregatePlan, type GroupTotals, type PlanCondition } from '@kizuna/model';

/** What to evaluate: the cuts, the filters on dimensions, and the time window. */
export interface KpiRequest {
  readonly groupBy: readonly Dimension[];
  readonly filters?: ReadonlyArray<{ readonly dimension: Dimension; readonly values: readonly string[] }>;
  /** [from, to) as ISO instants, on the KPI's time field. */
  readonly window?: { readonly from: string; readonly to: string };
}

export interface KpiGroup {
  readonly keys: Readonly<Partial<Record<Dimension, string>>>;
  readonly result: KpiResult;
}

export interface KpiEvaluation {
  readonly kpi: string;
  readonly groups: readonly KpiGroup[];
  /** Problems with the request itself, e.g. a cut this KPI does not have. */
  readonly warnings: readonly KpiWarning[];
}

/** The request's filters and window as plan conditions (shared by both evaluations). */
export function requestConditions(definition: KpiDefinition, request: KpiRequest): PlanCondition[] {
  const conditions: PlanCondition[] = (request.filters ?? []).map(({ dimension, values }) => ({ field: dimension, op: 'in', values }));
  if (request.window !== undefined && definition.windowRule !== 'own') {
    conditions.push({ field: definition.timeField, op: 'gte', value: request.window.from });
    conditions.push({ field: definition.timeField, op: 'lt', value: request.window.to });
  }
  return conditions;
}

function usableFilters(definition: KpiDefinition, request: KpiRequest): KpiRequest {
  return { ...request, filters: (request.filters ?? []).filter((filter) => definition.dimensions.includes(filter.dimension)) };
}

function unsupportedCuts(definition: KpiDefinition, request: KpiRequest): { usable: Dimension[]; warnings: KpiWarning[] } {
  const wanted = [...request.groupBy, ...(request.filters ?? []).map((filter) => filter.dimension)];
  const missing = [...new Set(wanted.filter((dimension) => !definition.dimensions.includes(dimension)))];
  return {
    usable: request.groupBy.filter((dimension) => definition.dimensions.includes(dimension)),
    warnings: missing.map((dimension) => ({ code: 'unsupported_cut', detail: { kpi: definition.id, dimension } })),
  };
}

/** (a) Evaluates a KPI in memory, directly from the rows of each group. */
export function evaluateKpi(definition: KpiDefinition, tables: FactTables, request: KpiRequest): KpiEvaluation {
  const { usable, warnings } = unsupportedCuts(definition, request);
  const table = tables[definition.source];
  const context = {
    tables,
    window: request.window === undefined ? undefined : { from: Date.parse(request.window.from), to: Date.parse(request.window.to) },
  };
  const population = definition.direct.include(table, context);
  const filters = allConditions(table, requestConditions(definition, usableFilters(definition, request)));
  const { groupOf, keys } = groupRows(table, usable, (row) => population(row) && filters(row));
  const create = definition.direct.accumulator(table, context);
  const accumulators = keys.map(() => create());
  for (let row = 0; row < table.length; row += 1) {
    const group = groupOf[row] ?? -1;
    if (group >= 0) accumulators[group]?.add(row);
  }
  return {
    kpi: definition.id,
    groups: keys.map((groupKeys, group) => ({ keys: groupKeys, result: accumulators[group]?.result() ?? emptyResult() })),
    warnings,
  };
}

function emptyResult(): KpiResult {
  return { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }], detail: {} };
}

function pushdownOf(definition: KpiDefinition): Pushdown | undefined {
  return 'unsupported' in definition.pushdown ? undefined : definition.pushdown;
}

/**
 * (b) Compiles a KPI into an aggregate plan an adapter can push down into the CRM, or says why it
 * cannot (`{ unsupported }`, taken from the definition).
 */
export function compileKpi(definition: KpiDefinition, request: KpiRequest): AggregatePlan | { readonly unsupported: string } {
  const pushdown = pushdownOf(definition);
  if (pushdown === undefined) return { unsupported: 'unsupported' in definition.pushdown ? definition.pushdown.unsupported : '' };
  const { usable } = unsupportedCuts(definition, request);
  const shared = [...pushdown.where, ...requestConditions(definition, usableFilters(definition, request))];
  const ownQueries = typeof pushdown.queries === 'function' ? pushdown.queries(request.window) : pushdown.queries;
  const queries = Object.fromEntries(
    Object.entries(ownQueries).map(([name, query]) => [
      name,
      { source: definition.source, where: [...shared, ...query.where], groupBy: usable, measures: query.measures },
    ]),
  );
  return { kpi: definition.id, queries };
}

/** Finishes a pushed-down KPI from the group totals the engine returned for its plan. */
export function finishKpi(
  definition: KpiDefinition,
  request: KpiRequest,
  plan: AggregatePlan,
  results: Readonly<Record<string, readonly GroupTotals[]>>,
): KpiEvaluation {
  const pushdown = pushdownOf(definition);
  if (pushdown === undefined) throw new Error(`${definition.id} cannot be pushed down`);
  const { usable, warnings } = unsupportedCuts(definition, request);
  const groups = joinQueryTotals(plan, usable, results).map((group) => ({ keys: group.keys, result: pushdown.finish(group.values) }));
  return { kpi: definition.id, groups, warnings };
}
