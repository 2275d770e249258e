import type { FactTables } from './buildFactTables';
import { kpiBatch } from './kpiBatch';
import type { KpiDefinition, Pushdown } from './kpiDefinition';
import { unsupportedCuts, usableFilters, type KpiEvaluation, type KpiRequest } from './kpiRequest';
import { joinQueryTotals, type AggregatePlan, type GroupTotals, type PlanCondition } from '@kizuna/model';

export type { KpiEvaluation, KpiGroup, KpiRequest } from './kpiRequest';

/**
 * The request's filters and window as plan conditions, for the plan. (The direct evaluation applies
 * the same request as code over the columns: `rowSelection`.)
 */
export function requestConditions(definition: KpiDefinition, request: KpiRequest): PlanCondition[] {
  const conditions: PlanCondition[] = (request.filters ?? []).map(({ dimension, values }) => ({ field: dimension, op: 'in', values }));
  if (request.window !== undefined && definition.windowRule !== 'own') {
    conditions.push({ field: definition.timeField, op: 'gte', value: request.window.from });
    conditions.push({ field: definition.timeField, op: 'lt', value: request.window.to });
  }
  return conditions;
}

/**
 * (a) Evaluates a KPI in memory, directly from the rows of each group. For several KPIs on the same
 * request use `evaluateKpis` or `kpiBatch`: they share the selection of rows.
 */
export function evaluateKpi(definition: KpiDefinition, tables: FactTables, request: KpiRequest): KpiEvaluation {
  return kpiBatch(tables, request).evaluate(definition, request.groupBy);
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
