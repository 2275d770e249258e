import { npsAdjustedWaldInterval, type Interval, type NpsCounts } from '../nps';
import type { KpiWarning } from '../warnings';
import { benjaminiHochberg } from './benjaminiHochberg';
import { designEffectOf, type DifferenceTest } from './differenceTest';
import { minimumSample, smallSampleWarning, type MinimumSamplePolicy } from './minimumSample';
import { npsDifferenceTest } from './npsDifferenceTest';
import { proportionDifferenceTest, type ProportionCounts } from './proportionDifferenceTest';
import { wilsonInterval } from './wilsonInterval';

/** What a cell measures: NPS counts, or a share such as top-2-box CSAT. */
export type HighlightMeasure =
  | { readonly kind: 'nps'; readonly counts: NpsCounts }
  | { readonly kind: 'proportion'; readonly successes: number; readonly n: number };

/** One group on the screen: a business unit, a BU × segment, a product line … */
export interface HighlightCell {
  readonly id: string;
  readonly measure: HighlightMeasure;
  /** Cells are compared with the pooled rest of their set; default one set per kind of measure. */
  readonly comparisonSet?: string;
  /** Passed through untouched, for the caller's ordering by revenue at stake. */
  readonly revenueAtStake?: number;
}

export type HighlightDirection = 'weakness' | 'strength' | 'none';

export interface CellHighlight {
  readonly id: string;
  readonly comparisonSet?: string;
  readonly kind: HighlightMeasure['kind'];
  readonly n: number;
  /** NPS points, or share 0–1; `null` without answers. */
  readonly estimate: number | null;
  /** Adjusted-Wald (NPS) or Wilson (share) interval of the cell. */
  readonly interval: Interval | null;
  /** The pooled remainder of the comparison set. */
  readonly rest: { readonly n: number; readonly estimate: number | null };
  /** Cell − rest, in the measure's units. */
  readonly difference: number | null;
  readonly differenceInterval: Interval | null;
  readonly z: number | null;
  readonly p: number | null;
  /** Benjamini–Hochberg adjusted p across every tested cell of the call. */
  readonly adjustedP: number | null;
  readonly tested: boolean;
  /** `weakness`/`strength` only when the adjusted p is ≤ q. */
  readonly direction: HighlightDirection;
  readonly warnings: readonly KpiWarning[];
  readonly revenueAtStake?: number;
}

export interface HighlightOptions {
  /** False discovery rate; default 0.05. */
  readonly q?: number;
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number;
  /** Design effect for clustered answers (see `designEffect`); default 1. */
  readonly designEffect?: number;
  /** Minimum-n policy: cells (or rests) below `indicative` are not tested; below `rankOrColour` they are tested but flagged. */
  readonly policy?: MinimumSamplePolicy;
}

interface Amount {
  readonly n: number;
  readonly a: number;
  readonly b: number;
}

/** NPS as (n, promoters, detractors); a share as (n, successes, 0). */
function amountOf(measure: HighlightMeasure): Amount {
  if (measure.kind === 'proportion') return { n: measure.n, a: measure.successes, b: 0 };
  const { promoters, passives, detractors } = measure.counts;
  return { n: promoters + passives + detractors, a: promoters, b: detractors };
}

function estimateOf(kind: HighlightMeasure['kind'], x: Amount): number | null {
  if (x.n === 0) return null;
  return kind === 'nps' ? (100 * (x.a - x.b)) / x.n : x.a / x.n;
}

function intervalOf(kind: HighlightMeasure['kind'], x: Amount, deff: number, level: number): Interval | null {
  if (x.n === 0) return null;
  if (kind === 'proportion') {
    const { low, high } = wilsonInterval(x.a / deff, x.n / deff, level);
    return { low, high, level };
  }
  const counts = { promoters: x.a / deff, passives: (x.n - x.a - x.b) / deff, detractors: x.b / deff };
  return npsAdjustedWaldInterval(counts, level);
}

function runTest(kind: HighlightMeasure['kind'], cell: Amount, rest: Amount, options: { level: number; designEffect: number }): DifferenceTest {
  if (kind === 'proportion') return proportionDifferenceTest({ successes: cell.a, n: cell.n }, { successes: rest.a, n: rest.n } satisfies ProportionCounts, options);
  const counts = (x: Amount): NpsCounts => ({ promoters: x.a, passives: x.n - x.a - x.b, detractors: x.b });
  return npsDifferenceTest(counts(cell), counts(rest), options);
}

function sizeWarnings(cell: Amount, rest: Amount, policy: MinimumSamplePolicy): { warnings: KpiWarning[]; testable: boolean } {
  if (cell.n === 0) return { warnings: [{ code: 'no_data' }], testable: false };
  const warnings: KpiWarning[] = [];
  if (cell.n < policy.indicative) warnings.push(smallSampleWarning(cell.n, policy.indicative, 'not_tested'));
  else if (cell.n < policy.rankOrColour) warnings.push(smallSampleWarning(cell.n, policy.rankOrColour, 'indicative'));
  if (rest.n < policy.indicative) warnings.push({ code: 'small_sample', detail: { n: rest.n, minimum: policy.indicative, consequence: 'not_tested', group: 'rest' } });
  return { warnings, testable: cell.n >= policy.indicative && rest.n >= policy.indicative };
}

/**
 * Highlights for the business-unit leader: each cell against the pooled rest of its comparison
 * set, two-sided (adjusted-Wald z for NPS, pooled two-proportion z for shares), with
 * Benjamini–Hochberg at q across every tested cell, so a coloured cell is a real difference
 * and not noise among many (analytics.md 1.2). Cells below the policy's `indicative` size (or
 * whose rest is that small) are not tested and say so; cells below `rankOrColour` are tested but
 * carry `small_sample`. Results come in input order; ordering by revenue at stake is the caller's.
 */
export function highlightCells(cells: readonly HighlightCell[], options: HighlightOptions = {}): CellHighlight[] {
  const q = options.q ?? 0.05;
  const level = options.level ?? 0.95;
  const designEffect = designEffectOf(options);
  const policy = options.policy ?? minimumSample;
  const setOf = (cell: HighlightCell): string => `${cell.measure.kind}\u0000${cell.comparisonSet ?? ''}`;
  const totals = new Map<string, Amount>();
  for (const cell of cells) {
    const x = amountOf(cell.measure);
    const sum = totals.get(setOf(cell)) ?? { n: 0, a: 0, b: 0 };
    totals.set(setOf(cell), { n: sum.n + x.n, a: sum.a + x.a, b: sum.b + x.b });
  }
  const drafts = cells.map((cell) => {
    const x = amountOf(cell.measure);
    const all = totals.get(setOf(cell)) ?? x;
    const rest = { n: all.n - x.n, a: all.a - x.a, b: all.b - x.b };
    const { warnings, testable } = sizeWarnings(x, rest, policy);
    const test = testable ? runTest(cell.measure.kind, x, rest, { level, designEffect }) : null;
    return { cell, x, rest, warnings, test };
  });
  const tested = drafts.flatMap((draft, index) => (draft.test?.p == null ? [] : [{ index, p: draft.test.p }]));
  const bh = benjaminiHochberg(tested.map((t) => t.p), q);
  const adjustedOf = new Map(tested.map((t, i) => [t.index, bh.adjusted[i] ?? 1]));
  return drafts.map(({ cell, x, rest, warnings, test }, index): CellHighlight => {
    const kind = cell.measure.kind;
    const adjustedP = adjustedOf.get(index) ?? null;
    const z = test?.z ?? null;
    const significant = adjustedP !== null && adjustedP <= q && z !== null && z !== 0;
    return {
      id: cell.id,
      ...(cell.comparisonSet === undefined ? {} : { comparisonSet: cell.comparisonSet }),
      kind,
      n: x.n,
      estimate: estimateOf(kind, x),
      interval: intervalOf(kind, x, designEffect, level),
      rest: { n: rest.n, estimate: estimateOf(kind, rest) },
      difference: test?.difference ?? null,
      differenceInterval: test?.interval ?? null,
      z,
      p: test?.p ?? null,
      adjustedP,
      tested: test?.p != null,
      direction: significant ? (z < 0 ? 'weakness' : 'strength') : 'none',
      warnings: [...warnings, ...(test?.warnings ?? [])],
      ...(cell.revenueAtStake === undefined ? {} : { revenueAtStake: cell.revenueAtStake }),
    };
  });
}
