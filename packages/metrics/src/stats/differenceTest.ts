import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';

/** Result of a two-group test, a − b. */
export interface DifferenceTest {
  /** Observed a − b in the KPI's units (NPS points, or share 0–1); `null` when a group is empty. */
  readonly difference: number | null;
  /** Standard error the test statistic is built on, in the same units. */
  readonly standardError: number | null;
  /** Test statistic; negative when a is below b. */
  readonly z: number | null;
  /** Two-sided p-value. */
  readonly p: number | null;
  /** Confidence interval of the difference, in the KPI's units. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface DifferenceTestOptions {
  /** Confidence level of the interval; default 0.95. */
  readonly level?: number;
  /**
   * Design effect ≥ 1 for clustered answers (several contacts of one account are correlated):
   * every count is divided by it, i.e. the test runs on Kish effective sample sizes. Default 1.
   * Estimate it with `designEffect` from per-account summaries.
   */
  readonly designEffect?: number;
}

/** Validates and returns the design effect of the options (default 1). */
export function designEffectOf(options: DifferenceTestOptions): number {
  const deff = options.designEffect ?? 1;
  if (!(deff > 0) || !Number.isFinite(deff)) throw new RangeError(`designEffect must be positive (got ${deff})`);
  return deff;
}

/** The result of a test that could not run because a group is empty. */
export function untestable(emptyGroups: readonly ('a' | 'b')[]): DifferenceTest {
  return {
    difference: null,
    standardError: null,
    z: null,
    p: null,
    interval: null,
    warnings: emptyGroups.map((group) => ({ code: 'no_data', detail: { group } })),
  };
}
