import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';
import type { Dimension } from './dimensions';
import type { FactTables } from './buildFactTables';
import type { FactTable } from './factTable';
import type { GroupIds } from './cutRows';
import type { FactSource, PlanCondition, PlanMeasure } from '@kizuna/model';

export type KpiUnit = 'points' | 'share' | 'hours' | 'days' | 'score' | 'ratio';

/** One KPI value with its honesty attached: interval, n and coded warnings. */
export interface KpiResult {
  readonly value: number | null;
  readonly interval: Interval | null;
  /** The number of units the value rests on (responses, cases, accounts, respondents …). */
  readonly n: number;
  readonly warnings: readonly KpiWarning[];
  /** Figures behind the value (counts, sums) for tables and exports. */
  readonly detail: Readonly<Record<string, number>>;
}

/** [from, to) in epoch milliseconds. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** What a KPI may look at besides its own rows: the other fact tables, the window, and work shared with other KPIs. */
export interface EvaluationContext {
  readonly tables: FactTables;
  readonly window: TimeWindow | undefined;
  /**
   * Work shared by the KPIs of one batch evaluated on the same rows (the same table, window and
   * filters, whatever the cut): computed by the first that asks for `key`, reused by the others.
   * The key must name everything the work depends on beyond those rows (field, values …).
   */
  readonly shared: <T>(key: string, compute: () => T) => T;
}

/**
 * The KPI computed from rows in memory, as code over the columns (written independently of the
 * pushdown's plan conditions). `rows` are the table rows the request keeps (its window and
 * filters), ascending; neither part may modify the arrays it is given or returns.
 */
export interface DirectEvaluation {
  /**
   * The KPI's population: those of `rows` it looks at (ascending), or `undefined` for all of them.
   * Returning the same array for the same rows (e.g. through `context.shared`) lets KPIs with the
   * same population share its grouping too.
   */
  readonly population: (table: FactTable, rows: Int32Array, context: EvaluationContext) => Int32Array | undefined;
  /**
   * The KPI of every group from its population `rows`: rows[i] belongs to group groupOf[i]; groups
   * are 0 … groupCount − 1 in order of first appearance, each with at least one row. One result per group.
   */
  readonly evaluate: (
    table: FactTable,
    rows: Int32Array,
    groupOf: GroupIds,
    groupCount: number,
    context: EvaluationContext,
  ) => readonly KpiResult[];
  /**
   * Present when the KPI is finished from per-group counts of rows (whole numbers, which add up
   * exactly): a coarser cut of a population the batch has already counted on a finer cut is then
   * finished from the finer groups' counts added up, instead of reading the rows again. `evaluate`
   * must equal `finish` over `count` (build both with `countedEvaluation`).
   */
  readonly counted?: CountedEvaluation;
}

/** A KPI as counts of rows per group, and how to finish a group from them. */
export interface CountedEvaluation {
  /** The counts, each an array over the groups (e.g. responses and promoters per group). */
  readonly count: (table: FactTable, rows: Int32Array, groupOf: GroupIds, groupCount: number, context: EvaluationContext) => readonly Float64Array[];
  readonly finish: (counts: readonly Float64Array[], group: number) => KpiResult;
}

export type PushdownQueries = Readonly<
  Record<string, { readonly where: readonly PlanCondition[]; readonly measures: readonly PlanMeasure[] }>
>;

/** The KPI as group totals an engine can compute, and how to finish it from them. */
export interface Pushdown {
  /** The KPI's population, as conditions every query shares. */
  readonly where: readonly PlanCondition[];
  /** The queries; KPIs with their own window rule (`windowRule: 'own'`) build them from the window. */
  readonly queries: PushdownQueries | ((window: { readonly from: string; readonly to: string } | undefined) => PushdownQueries);
  /** The KPI from one group's totals, keyed `<query>.<measure>`. */
  readonly finish: (totals: Readonly<Record<string, number>>) => KpiResult;
}

/** A KPI, defined once: evaluated in memory, or pushed down as an aggregate plan when it can be. */
export interface KpiDefinition {
  readonly id: string;
  readonly unit: KpiUnit;
  /** Higher is better (NPS) or lower is better (time to resolution). */
  readonly better: 'higher' | 'lower';
  readonly source: FactSource;
  /** The time field a period window applies to, and whose quarter is the `period` dimension. */
  readonly timeField: string;
  /**
   * `field`: a window keeps the rows whose time field lies in it. `own`: the KPI applies the window
   * itself (churn counts accounts active in the window, not only those that churned in it).
   */
  readonly windowRule?: 'field' | 'own';
  readonly dimensions: readonly Dimension[];
  readonly direct: DirectEvaluation;
  /** How to push the KPI down, or why it cannot be. */
  readonly pushdown: Pushdown | { readonly unsupported: string };
}
