import { groupKeyOf, type AggregatePlan, type AggregateQuery, type Dimension, type FactSource, type GroupTotals, type PlanCondition, type PlanMeasure, type PlanValue } from '@kizuna/model';

export interface BatchOptions {
  /**
   * Per fact source, the fields the engine can group by as a breakdown (few values: a scale, a
   * score, a flag). Only conditions on these fields are lifted out of a query's WHERE.
   */
  readonly breakdownFields?: Readonly<Partial<Record<FactSource, readonly string[]>>>;
}

/** Several plans as one: fewer queries to send, and the way back to each plan's own totals. */
export interface PlanBatch {
  /** The queries to run, named `b0`, `b1` …: one per group of plan queries that could share one. */
  readonly plan: AggregatePlan;
  /** How many plan queries went in. */
  readonly plannedQueries: number;
  /** Each input plan's query totals (input order), cut back out of the batch's answer, as running it alone would give. */
  totalsOf(results: Readonly<Record<string, readonly GroupTotals[]>>): Array<Record<string, GroupTotals[]>>;
}

interface Member {
  readonly plan: number;
  readonly name: string;
  readonly query: AggregateQuery;
  /** Conditions answered from the breakdown values instead of the WHERE. */
  lifted: PlanCondition[];
  /** Member measure id → batch measure id. */
  measureIds: Map<string, string>;
}

const conditionKey = (condition: PlanCondition) => JSON.stringify(condition);

/** Booleans count as 1 and 0, as the fact tables keep them; a number and a numeric text compare as numbers. */
function comparable(value: PlanValue): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function same(value: PlanValue, operand: PlanValue): boolean {
  const a = comparable(value);
  const b = comparable(operand);
  return typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : a === b;
}

function order(value: PlanValue, operand: PlanValue): number {
  const a = comparable(value);
  const b = comparable(operand);
  const number = (x: string | number) => (typeof x === 'number' ? x : /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : Date.parse(x));
  return number(a) - number(b);
}

/** Whether a breakdown value meets a condition, with the in-memory engine's semantics (empty values fail all but isNull). */
export function breakdownHolds(condition: PlanCondition, value: PlanValue | null | undefined): boolean {
  if (condition.op === 'isNull') return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  switch (condition.op) {
    case 'notNull':
      return true;
    case 'eq':
      return same(value, condition.value);
    case 'neq':
      return !same(value, condition.value);
    case 'in':
      return condition.values.some((operand) => same(value, operand));
    case 'gt':
      return order(value, condition.value) > 0;
    case 'gte':
      return order(value, condition.value) >= 0;
    case 'lt':
      return order(value, condition.value) < 0;
    case 'lte':
      return order(value, condition.value) <= 0;
  }
}

function measureKey(measure: PlanMeasure): string {
  return `${measure.op}:${measure.field ?? ''}`;
}

/**
 * Merges the queries of several plans (e.g. every KPI of a view) into fewer queries an engine
 * runs at once. Plan queries over the same source and `groupBy`, whose conditions differ only on
 * breakdown fields, become one query: the conditions they share stay in its WHERE, the ones that
 * differ are answered from the breakdown (`GROUP BY` on those fields) — narrowed to the values
 * the members ask for when each lists them — and their measures are pooled. Members that share
 * no rows (they list disjoint values of a field) are not merged. `totalsOf` cuts the answer back
 * into each plan's totals — equal to running the plans one by one (counts and sums add up,
 * minima and maxima combine). Queries with a breakdown of their own are left alone.
 */
export function batchPlans(plans: readonly AggregatePlan[], options: BatchOptions = {}): PlanBatch {
  const groups = new Map<string, Member[]>();
  let plannedQueries = 0;
  plans.forEach((plan, index) => {
    for (const [name, query] of Object.entries(plan.queries)) {
      plannedQueries += 1;
      const liftable = new Set(options.breakdownFields?.[query.source] ?? []);
      const fixed = query.where.filter((condition) => !liftable.has(condition.field)).map(conditionKey).sort();
      const key = (query.breakdown?.length ?? 0) > 0 ? `own:${index}:${name}` : JSON.stringify([query.source, query.groupBy, fixed]);
      const member: Member = { plan: index, name, query, lifted: [], measureIds: new Map() };
      groups.set(key, [...(groups.get(key) ?? []), member]);
    }
  });
  const queries: Record<string, AggregateQuery> = {};
  const batched: Array<{ readonly name: string; readonly members: readonly Member[] }> = [];
  const parts = [...groups.values()].flatMap((members) => {
    const [first] = members;
    return first === undefined ? [] : partitioned(members, [...(options.breakdownFields?.[first.query.source] ?? [])].sort());
  });
  parts.forEach((members, groupIndex) => {
    const [first] = members;
    if (first === undefined) return;
    const shared = members.slice(1).reduce((common, member) => {
      const own = new Set(member.query.where.map(conditionKey));
      return common.filter((condition) => own.has(conditionKey(condition)));
    }, [...first.query.where]);
    const sharedKeys = new Set(shared.map(conditionKey));
    const measures = new Map<string, PlanMeasure>();
    for (const member of members) {
      member.lifted = member.query.where.filter((condition) => !sharedKeys.has(conditionKey(condition)));
      for (const measure of member.query.measures) {
        const key = measureKey(measure);
        let pooled = measures.get(key);
        if (pooled === undefined) {
          pooled = { id: `m${measures.size}`, op: measure.op, ...(measure.field === undefined ? {} : { field: measure.field }) };
          measures.set(key, pooled);
        }
        member.measureIds.set(measure.id, pooled.id);
      }
    }
    const breakdown = [...new Set([...(first.query.breakdown ?? []), ...members.flatMap((member) => member.lifted.map((condition) => condition.field))])].sort();
    const name = `b${groupIndex}`;
    const where = [...shared, ...breakdown.flatMap((field) => unionFilter(field, members))];
    queries[name] = { source: first.query.source, where, groupBy: first.query.groupBy, measures: [...measures.values()], ...(breakdown.length === 0 ? {} : { breakdown }) };
    batched.push({ name, members });
  });

  function totalsOf(results: Readonly<Record<string, readonly GroupTotals[]>>): Array<Record<string, GroupTotals[]>> {
    const out = plans.map((): Record<string, GroupTotals[]> => ({}));
    for (const { name, members } of batched) {
      const rows = results[name] ?? [];
      for (const member of members) {
        out[member.plan] = { ...out[member.plan], [member.name]: cutOut(member, rows) };
      }
    }
    return out;
  }

  return { plan: { kpi: plans.map((plan) => plan.kpi).join('+'), queries }, plannedQueries, totalsOf };
}

/** The values a member keeps of a field by an `eq` or `in` condition, sorted; null when it lists none. */
function listedValues(member: Member, field: string): string | null {
  for (const condition of member.query.where) {
    if (condition.field !== field) continue;
    const values = condition.op === 'eq' ? [condition.value] : condition.op === 'in' ? condition.values : null;
    if (values !== null) return JSON.stringify(values.map((value) => JSON.stringify(comparable(value))).sort());
  }
  return null;
}

/**
 * Splits a group on a field that every member lists values of, when any two members list the
 * same values or share none (NPS on one scale, CSAT on another): such members share no rows, so
 * one query for them all would only add a column and rows nobody reads. Members that overlap
 * (all answers and the promoters among them) stay together.
 */
function partitioned(members: readonly Member[], liftable: readonly string[]): Member[][] {
  for (const field of liftable) {
    const lists = members.map((member) => listedValues(member, field));
    if (lists.some((list) => list === null)) continue;
    const distinct = [...new Set(lists)];
    if (distinct.length < 2) continue;
    const sets = distinct.map((list) => new Set(JSON.parse(list ?? '[]') as string[]));
    const disjoint = sets.every((set, i) => sets.every((other, j) => i === j || [...set].every((value) => !other.has(value))));
    if (!disjoint) continue;
    return distinct.flatMap((list) => partitioned(members.filter((_, index) => lists[index] === list), liftable));
  }
  return [[...members]];
}

/**
 * When every member keeps only some listed values of a lifted field (`eq` / `in`), rows with
 * other values can serve none of them: `field IN (those values)` leaves them out of the answer.
 */
function unionFilter(field: string, members: readonly Member[]): PlanCondition[] {
  const allowed: PlanValue[] = [];
  for (const member of members) {
    const listed = member.lifted.find((condition) => condition.field === field && (condition.op === 'eq' || condition.op === 'in'));
    if (listed === undefined) return [];
    const values = listed.op === 'eq' ? [listed.value] : listed.op === 'in' ? listed.values : [];
    for (const value of values) if (!allowed.some((known) => same(known, value))) allowed.push(value);
  }
  return [allowed.length === 1 && allowed[0] !== undefined ? { field, op: 'eq', value: allowed[0] } : { field, op: 'in', values: allowed }];
}

/** One member's totals: the rows whose breakdown meets its lifted conditions, added up per group. */
function cutOut(member: Member, rows: readonly GroupTotals[]): GroupTotals[] {
  const groupBy: readonly Dimension[] = member.query.groupBy;
  const groups = new Map<string, { keys: GroupTotals['keys']; values: Record<string, number> }>();
  for (const row of rows) {
    if (!member.lifted.every((condition) => breakdownHolds(condition, row.breakdown?.[condition.field]))) continue;
    const key = groupKeyOf(row.keys, groupBy);
    let group = groups.get(key);
    if (group === undefined) {
      group = { keys: row.keys, values: {} };
      groups.set(key, group);
    }
    for (const measure of member.query.measures) {
      const value = row.values[member.measureIds.get(measure.id) ?? ''];
      if (value === undefined) continue;
      const previous = group.values[measure.id];
      if (previous === undefined) group.values[measure.id] = value;
      else if (measure.op === 'min') group.values[measure.id] = Math.min(previous, value);
      else if (measure.op === 'max') group.values[measure.id] = Math.max(previous, value);
      else group.values[measure.id] = previous + value;
    }
  }
  return [...groups.values()];
}
