
/**
 * The cuts every KPI can be asked for, by canonical name. Account attributes (business unit,
 * product line, segment, serving team, account) reach every fact through its account; `period`
 * is the calendar quarter (UTC) of the fact's time field.
 */
export const dimensions = [
  'businessUnitId',
  'productLineId',
  'segmentId',
  'teamId',
  'accountId',
  'journeyStage',
  'channel',
  'period',
] as const;
export type Dimension = (typeof dimensions)[number];

/**
 * Engine-neutral aggregate plans: what a KPI needs, as group-by keys and counts, sums, minima and
 * maxima over filtered facts. An adapter turns a plan into SOQL `GROUP BY`, COQL aggregates or SQL;
 * the metrics core finishes the KPI from the group totals. Fields are canonical field names.
 */
export type FactSource = 'feedback' | 'supportCase' | 'opportunity' | 'account' | 'contact' | 'employeePulse';

export type PlanValue = string | number | boolean;

export type PlanCondition =
  | { readonly field: string; readonly op: 'eq' | 'neq'; readonly value: PlanValue }
  | { readonly field: string; readonly op: 'in'; readonly values: readonly PlanValue[] }
  /** Comparisons; time fields take ISO 8601 instants or dates. */
  | { readonly field: string; readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number | string }
  | { readonly field: string; readonly op: 'isNull' | 'notNull' };

export interface PlanMeasure {
  readonly id: string;
  readonly op: 'count' | 'sum' | 'min' | 'max';
  /** The summed / compared field; `count` counts rows and takes none. */
  readonly field?: string;
}

/** One aggregate query: the rows of `source` meeting every condition, grouped, measured. */
export interface AggregateQuery {
  readonly source: FactSource;
  readonly where: readonly PlanCondition[];
  readonly groupBy: readonly Dimension[];
  readonly measures: readonly PlanMeasure[];
  /**
   * Fact fields of few values (a score, a scale, a flag) that split every group further; each
   * row of the answer carries their values in `GroupTotals.breakdown`. Lets one query answer
   * what several conditional counts would (`batchPlans` in the metrics core writes these).
   */
  readonly breakdown?: readonly string[];
}

/** A KPI's plan: named queries whose totals, joined on the group keys, finish the KPI. */
export interface AggregatePlan {
  readonly kpi: string;
  readonly queries: Readonly<Record<string, AggregateQuery>>;
}

/** Totals of one group: `values['<query>.<measure>']`. Counts and sums of absent groups are 0. */
export interface GroupTotals {
  readonly keys: Readonly<Partial<Record<Dimension, string>>>;
  readonly values: Readonly<Record<string, number>>;
  /** The breakdown field values of this row (queries with `breakdown` only); null when empty. */
  readonly breakdown?: Readonly<Record<string, PlanValue | null>>;
}

/** The key of a group, stable across engines: dimension values in `groupBy` order. */
export function groupKeyOf(keys: Readonly<Partial<Record<Dimension, string>>>, groupBy: readonly Dimension[]): string {
  return JSON.stringify(groupBy.map((dimension) => keys[dimension] ?? null));
}

/**
 * Joins the per-query totals an engine returned into one row per group. Engines return one list
 * per query; a group missing from a query had no rows there (count/sum 0; min/max absent).
 */
export function joinQueryTotals(
  plan: AggregatePlan,
  groupBy: readonly Dimension[],
  results: Readonly<Record<string, readonly GroupTotals[]>>,
): GroupTotals[] {
  const groups = new Map<string, { keys: Partial<Record<Dimension, string>>; values: Record<string, number> }>();
  for (const [name, query] of Object.entries(plan.queries)) {
    for (const row of results[name] ?? []) {
      const key = groupKeyOf(row.keys, groupBy);
      let group = groups.get(key);
      if (group === undefined) {
        group = { keys: { ...row.keys }, values: {} };
        groups.set(key, group);
      }
      for (const measure of query.measures) {
        const value = row.values[measure.id];
        if (value !== undefined) group.values[`${name}.${measure.id}`] = value;
      }
    }
  }
  for (const group of groups.values()) {
    for (const [name, query] of Object.entries(plan.queries)) {
      for (const measure of query.measures) {
        const id = `${name}.${measure.id}`;
        if (group.values[id] === undefined && (measure.op === 'count' || measure.op === 'sum')) group.values[id] = 0;
      }
    }
  }
  return [...groups.values()];
}
