import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';
import type { Dimension } from './dimensions';
import type { FactTables } from './buildFactTables';
import type { FactTable } from './factTable';
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

/** Accumulates the rows of one group and computes the KPI from them directly. */
export interface RowAccumulator {
  add(row: number): void;
  result(): KpiResult;
}

/** [from, to) in epoch milliseconds. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** What a KPI may look at besides its own rows: the other fact tables and the window. */
export interface EvaluationContext {
  readonly tables: FactTables;
  readonly window: TimeWindow | undefined;
}

/** The KPI computed from rows in memory: its population and how rows become a value. */
export interface DirectEvaluation {
  /** Which rows of the source the KPI looks at (its population), written as code. */
  readonly include: (table: FactTable, context: EvaluationContext) => (row: number) => boolean;
  readonly accumulator: (table: FactTable, context: EvaluationContext) => () => RowAccumulator;
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
