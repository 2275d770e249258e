import { allConditions } from './conditions';
import type { FactTables } from './buildFactTables';
import { groupRows } from './groupRows';
import type { AggregatePlan, AggregateQuery, GroupTotals } from '@kizuna/model';

function executeQuery(query: AggregateQuery, tables: FactTables): GroupTotals[] {
  const table = tables[query.source];
  const { groupOf, keys } = groupRows(table, query.groupBy, allConditions(table, query.where));
  const totals = keys.map(() => new Map<string, number>());
  const measures = query.measures.map((measure) => ({
    ...measure,
    values: measure.field === undefined ? undefined : table.numeric[measure.field],
  }));
  for (const measure of measures) {
    if (measure.op !== 'count' && measure.values === undefined) throw new Error(`no numeric field ${measure.field ?? '?'} for ${measure.id}`);
  }
  for (let row = 0; row < table.length; row += 1) {
    const group = groupOf[row] ?? -1;
    if (group < 0) continue;
    const values = totals[group];
    if (values === undefined) continue;
    for (const measure of measures) {
      const previous = values.get(measure.id);
      if (measure.op === 'count') {
        values.set(measure.id, (previous ?? 0) + 1);
        continue;
      }
      const value = measure.values?.[row] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      if (measure.op === 'sum') values.set(measure.id, (previous ?? 0) + value);
      else if (measure.op === 'min') values.set(measure.id, previous === undefined ? value : Math.min(previous, value));
      else values.set(measure.id, previous === undefined ? value : Math.max(previous, value));
    }
  }
  return keys.map((groupKeys, group) => ({ keys: groupKeys, values: Object.fromEntries(totals[group] ?? []) }));
}

/**
 * Runs a plan on in-memory facts, as a CRM's aggregate query would: one list of group totals
 * per named query. The reference engine for pushdown: adapters must return the same totals.
 */
export function executePlan(plan: AggregatePlan, tables: FactTables): Record<string, GroupTotals[]> {
  return Object.fromEntries(Object.entries(plan.queries).map(([name, query]) => [name, executeQuery(query, tables)]));
}
