import type { ObjectMapping } from '@kizuna/crm-core';
import type { AggregatePlan, AggregatePlanResult, AggregateQuery, Dimension, GroupTotals, PlanValue } from '@kizuna/model';
import { coqlLimits, coqlSelect, type CoqlCondition } from '../coql/coqlText';
import type { ZohoMapping } from '../defaultMapping';
import type { ZohoGateway, ZohoRecord } from '../gateway';
import { compileAggregateCoql, NotPushable, timeLiteral, type CompiledAggregate } from './compileAggregateCoql';
import { canonicalBreakdownValue, coqlFieldOf, sourceLayouts, type SourceLayout } from './planFields';

export interface PushdownContext {
  readonly gateway: ZohoGateway;
  readonly mapping: ZohoMapping;
  readonly signal?: AbortSignal;
}

function keyValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  // A grouped lookup comes back as `{name, id}`: the group is the id.
  if (typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** An aggregate row as group totals: groups by their columns, measures by their literal expression keys, breakdown values as canonical values. */
export function aggregateTotalsOf(row: ZohoRecord, compiled: Pick<CompiledAggregate, 'groups' | 'measures'> & Partial<Pick<CompiledAggregate, 'breakdown'>>, mapping?: ObjectMapping): GroupTotals {
  const keys: Partial<Record<Dimension, string>> = {};
  for (const { column, dimension } of compiled.groups) {
    const value = keyValue(row[column]);
    if (value !== undefined) keys[dimension] = value;
  }
  const values: Record<string, number> = {};
  for (const { key, id } of compiled.measures) {
    const value = row[key];
    if (typeof value === 'number') values[id] = value;
    else if (typeof value === 'string' && value !== '' && Number.isFinite(Number(value))) values[id] = Number(value);
  }
  const split = compiled.breakdown ?? [];
  if (split.length === 0 || mapping === undefined) return { keys, values };
  const breakdown: Record<string, PlanValue | null> = {};
  for (const { column, field, kind } of split) breakdown[field] = canonicalBreakdownValue(mapping, field, kind, row[column]);
  return { keys, values, breakdown };
}

const groupKey = (totals: GroupTotals, dimensions: readonly Dimension[]) => JSON.stringify(dimensions.map((dimension) => totals.keys[dimension] ?? null));

/** One aggregate select (≤ 5 distinct aggregates, ≤ 4 groups), paged by OFFSET to the end. */
async function runSelect(compiled: CompiledAggregate, where: readonly CoqlCondition[], context: PushdownContext): Promise<GroupTotals[]> {
  // The same expression twice is DUPLICATE_DATA in COQL: select it once, read it for every measure.
  const aggregates = [...new Map(compiled.measures.map(({ fn, field, key }) => [key, { fn, field }])).values()];
  const rows: GroupTotals[] = [];
  const columns = [...compiled.groups.map((group) => group.column), ...compiled.breakdown.map((field) => field.column)];
  for (let offset = 0; ; offset += coqlLimits.rowsPerCall) {
    const query = coqlSelect({
      module: compiled.module,
      fields: columns,
      aggregates,
      where,
      groupBy: columns,
      limit: coqlLimits.rowsPerCall,
      offset,
    });
    const page = await context.gateway.coql(query, context.signal);
    rows.push(...page.rows.map((row) => aggregateTotalsOf(row, compiled, compiled.mapping)));
    if (!page.more) return rows;
  }
}

/** Aggregates in sets of five distinct expressions (COQL's limit), joined on the group key. */
async function runMeasures(compiled: CompiledAggregate, where: readonly CoqlCondition[], context: PushdownContext): Promise<GroupTotals[]> {
  const dimensions = compiled.groups.map((group) => group.dimension);
  const keys = [...new Set(compiled.measures.map((measure) => measure.key))];
  const merged = new Map<string, GroupTotals & { values: Record<string, number> }>();
  for (let start = 0; start < Math.max(keys.length, 1); start += coqlLimits.aggregates) {
    const chunk = new Set(keys.slice(start, start + coqlLimits.aggregates));
    const part = { ...compiled, measures: compiled.measures.filter((measure) => chunk.has(measure.key)) };
    for (const totals of await runSelect(part, where, context)) {
      const key = `${groupKey(totals, dimensions)}${JSON.stringify(totals.breakdown ?? null)}`;
      const known = merged.get(key);
      if (known === undefined) merged.set(key, { ...totals, values: { ...totals.values } });
      else Object.assign(known.values, totals.values);
    }
  }
  return [...merged.values()];
}

/** More than four group fields (dimensions and breakdown): one query per value of the first dimension, which is then a condition, not a group. */
async function runGroups(compiled: CompiledAggregate, where: readonly CoqlCondition[], context: PushdownContext): Promise<GroupTotals[]> {
  const [first, ...rest] = compiled.groups;
  if (first === undefined || compiled.groups.length + compiled.breakdown.length <= coqlLimits.groupBy) return runMeasures(compiled, where, context);
  const distinct = await runMeasures({ ...compiled, groups: [first], breakdown: [], measures: [{ fn: 'COUNT', field: 'id', key: 'COUNT(id)', id: 'n' }] }, where, context);
  const results: GroupTotals[] = [];
  for (const row of distinct) {
    const value = row.keys[first.dimension];
    const condition: CoqlCondition = value === undefined ? { field: first.column, op: 'is null' } : { field: first.column, op: '=', value };
    for (const totals of await runGroups({ ...compiled, groups: rest }, [...where, condition], context)) {
      results.push({ ...totals, keys: value === undefined ? totals.keys : { ...totals.keys, [first.dimension]: value } });
    }
  }
  return results;
}

const quarterStart = (time: number) => {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1);
};
const nextQuarter = (start: number) => {
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1);
};
const quarterName = (start: number) => {
  const date = new Date(start);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
};

/** The span of the time field the query covers: from its bounds, else from MIN/MAX in the CRM (one query). */
async function timeSpan(query: AggregateQuery, timeField: string, column: string, compiled: CompiledAggregate, context: PushdownContext): Promise<{ from: number; to: number } | undefined> {
  const bound = (ops: readonly string[]) => {
    const found = query.where.find((condition) => condition.field === timeField && ops.includes(condition.op));
    return found !== undefined && 'value' in found ? Date.parse(String(found.value)) : undefined;
  };
  let from = bound(['gte', 'gt']);
  let to = bound(['lt', 'lte']);
  if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) {
    const page = await context.gateway.coql(
      coqlSelect({ module: compiled.module, fields: [], aggregates: [{ fn: 'MIN', field: column }, { fn: 'MAX', field: column }], where: compiled.where, limit: 1 }),
      context.signal,
    );
    const row = page.rows[0];
    const min = row?.[`MIN(${column})`];
    const max = row?.[`MAX(${column})`];
    if (typeof min !== 'string' || typeof max !== 'string') return undefined;
    from = from ?? Date.parse(min);
    to = to ?? Date.parse(max) + 1;
  }
  return Number.isNaN(from) || Number.isNaN(to) || to <= from ? undefined : { from, to };
}

/** `period`: grouped by the stored quarter where the module has one; else (COQL has no calendar functions) each calendar quarter (UTC) of the span is its own query. */
async function runQuery(query: AggregateQuery, layout: SourceLayout, context: PushdownContext): Promise<GroupTotals[]> {
  const compiled = compileAggregateCoql(query, layout, context.mapping.account);
  if (!query.groupBy.includes('period') || layout.timeField === null || layout.periodField !== undefined) return runGroups(compiled, compiled.where, context);
  const timeField = layout.timeField;
  const column = coqlFieldOf(layout, context.mapping.account, timeField);
  if (column === undefined) throw new NotPushable(`no Zoho field holds ${timeField}`);
  const span = await timeSpan(query, timeField, column, compiled, context);
  if (span === undefined) return [];
  const results: GroupTotals[] = [];
  for (let start = quarterStart(span.from); start < span.to; start = nextQuarter(start)) {
    const where: CoqlCondition[] = [
      ...compiled.where,
      { field: column, op: '>=', value: timeLiteral(timeField, start) },
      { field: column, op: '<', value: timeLiteral(timeField, nextQuarter(start)) },
    ];
    for (const totals of await runGroups(compiled, where, context)) results.push({ ...totals, keys: { ...totals.keys, period: quarterName(start) } });
  }
  return results;
}

/**
 * Pushes a metrics plan down into Zoho CRM as COQL aggregate queries (COUNT/SUM/MIN/MAX with GROUP
 * BY): over five aggregates or four group fields a query is split, a period cut becomes one query
 * per quarter, and results are read by their literal expression keys. Returns the group totals per
 * plan query (for `finishKpi`), or why this org's mapping cannot express the plan.
 */
export async function runAggregatePlan(plan: AggregatePlan, context: PushdownContext): Promise<AggregatePlanResult> {
  const layouts = sourceLayouts(context.mapping);
  const entries = Object.entries(plan.queries);
  const resolved: Array<[string, AggregateQuery, SourceLayout]> = [];
  try {
    for (const [name, query] of entries) {
      const layout = layouts[query.source];
      if (layout === undefined) throw new NotPushable(`no Zoho module holds ${query.source}`);
      compileAggregateCoql(query, layout, context.mapping.account);
      resolved.push([name, query, layout]);
    }
  } catch (error) {
    if (error instanceof NotPushable) return { pushed: false, unsupported: error.message };
    throw error;
  }
  const results = await Promise.all(resolved.map(async ([name, query, layout]) => [name, await runQuery(query, layout, context)] as const));
  return { pushed: true, totals: Object.fromEntries(results) };
}
