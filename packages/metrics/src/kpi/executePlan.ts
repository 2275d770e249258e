import { allConditions } from './conditions';
import type { FactTables } from './buildFactTables';
import { groupRows } from './groupRows';
import type { FactTable } from './factTable';
import type { AggregatePlan, AggregateQuery, GroupTotals, PlanValue } from '@kizuna/model';

/** A fact field's value in a row, as a breakdown reports it: text, number, or null when empty. */
function fieldReader(table: FactTable, field: string): (row: number) => PlanValue | null {
  const column = table.categorical[field];
  if (column !== undefined) return (row) => column.dictionary[column.codes[row] ?? -1] ?? null;
  const values = table.numeric[field];
  if (values === undefined) throw new Error(`no field ${field} in this fact table`);
  return (row) => {
    const value = values[row] ?? Number.NaN;
    return Number.isNaN(value) ? null : value;
  };
}

/** Splits the groups of `groupRows` further by the values of the breakdown fields (rows keep their order of appearance). */
function splitByBreakdown(table: FactTable, fields: readonly string[], grouped: ReturnType<typeof groupRows>) {
  const readers = fields.map((field) => fieldReader(table, field));
  const groupOf = new Int32Array(table.length).fill(-1);
  const index = new Map<string, number>();
  const keys: GroupTotals['keys'][] = [];
  const breakdowns: Array<Record<string, PlanValue | null>> = [];
  for (let row = 0; row < table.length; row += 1) {
    const group = grouped.groupOf[row] ?? -1;
    if (group < 0) continue;
    const values = readers.map((read) => read(row));
    const key = JSON.stringify([group, values]);
    let split = index.get(key);
    if (split === undefined) {
      split = keys.length;
      index.set(key, split);
      keys.push(grouped.keys[group] ?? {});
      breakdowns.push(Object.fromEntries(fields.map((field, f) => [field, values[f] ?? null])));
    }
    groupOf[row] = split;
  }
  return { groupOf, keys, breakdowns };
}

function executeQuery(query: AggregateQuery, tables: FactTables): GroupTotals[] {
  const table = tables[query.source];
  const grouped = groupRows(table, query.groupBy, allConditions(table, query.where));
  const breakdown = query.breakdown ?? [];
  const { groupOf, keys, breakdowns } = breakdown.length === 0 ? { ...grouped, breakdowns: undefined } : splitByBreakdown(table, breakdown, grouped);
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
  return keys.map((groupKeys, group) => {
    const values = Object.fromEntries(totals[group] ?? []);
    const rowBreakdown = breakdowns?.[group];
    return rowBreakdown === undefined ? { keys: groupKeys, values } : { keys: groupKeys, values, breakdown: rowBreakdown };
  });
}

/**
 * Runs a plan on in-memory facts, as a CRM's aggregate query would: one list of group totals
 * per named query. The reference engine for pushdown: adapters must return the same totals.
 */
export function executePlan(plan: AggregatePlan, tables: FactTables): Record<string, GroupTotals[]> {
  return Object.fromEntries(Object.entries(plan.queries).map(([name, query]) => [name, executeQuery(query, tables)]));
}
