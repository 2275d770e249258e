import { criticalZ } from '../normalQuantile';
import { npsFromCounts, type NpsCounts } from '../nps';
import { meanInterval } from '../stats/meanInterval';
import { wilsonInterval } from '../stats/wilsonInterval';
import type { KpiWarning } from '../warnings';
import type { KpiResult } from './kpiDefinition';
import type { GroupIds } from './cutRows';
import { groupValues, type GroupedValues } from './groupValues';
import { orderStatistics } from './orderStatistics';

const LEVEL = 0.95;

/** Below this many units a value is shown as indicative (`small_sample`). */
export const MINIMUM_N = 10;

function sampleWarnings(n: number, minimum = MINIMUM_N): KpiWarning[] {
  if (n === 0) return [{ code: 'no_data' }];
  return n < minimum ? [{ code: 'small_sample', detail: { n, minimum } }] : [];
}

export function noData(detail: Readonly<Record<string, number>> = {}): KpiResult {
  return { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }], detail };
}

/** NPS in points with its adjusted-Wald interval. */
export function npsResult(counts: NpsCounts): KpiResult {
  const result = npsFromCounts(counts, { level: LEVEL, minimumN: MINIMUM_N });
  return { value: result.nps, interval: result.interval, n: result.n, warnings: result.warnings, detail: { ...counts } };
}

/** A share (0–1) with its Wilson score interval. */
export function shareResult(successes: number, n: number, minimum = MINIMUM_N): KpiResult {
  if (n === 0) return noData({ successes: 0, n: 0 });
  const { estimate, low, high, level } = wilsonInterval(successes, n, LEVEL);
  return { value: estimate, interval: { low, high, level }, n, warnings: sampleWarnings(n, minimum), detail: { successes, n } };
}

/** A mean with its t interval, from n, Σx and Σx². */
export function meanResult(n: number, sum: number, sumOfSquares: number): KpiResult {
  if (n === 0) return noData({ n: 0, sum: 0 });
  const result = meanInterval({ n, sum, sumSq: sumOfSquares }, LEVEL);
  return { value: result.mean, interval: result.interval, n, warnings: sampleWarnings(n), detail: { n, sum, sumOfSquares } };
}

interface QuantilePlan {
  /** (n − 1)·p, between the order statistics at floor and ceil of it. */
  readonly position: number;
  /** The interval's ranks (1-based), when there is an interval. */
  readonly interval: { readonly lowRank: number; readonly highRank: number } | null;
}

function quantilePlan(n: number, p: number): QuantilePlan {
  const spread = criticalZ(LEVEL) * Math.sqrt(n * p * (1 - p));
  const lowRank = Math.floor(n * p - spread);
  const highRank = Math.ceil(n * p + spread);
  return { position: (n - 1) * p, interval: n >= 5 && lowRank >= 1 && highRank <= n ? { lowRank, highRank } : null };
}

/** The 0-based ranks of the order statistics a quantile of n values needs (see {@link quantileResult}). */
export function quantileRanks(n: number, p: number): number[] {
  if (n === 0) return [];
  const { position, interval } = quantilePlan(n, p);
  const around = [Math.floor(position), Math.ceil(position)];
  return interval === null ? around : [...around, interval.lowRank - 1, interval.highRank - 1];
}

/**
 * A quantile of n values (type 7, linear between the order statistics around (n − 1)·p) with a
 * distribution-free interval: the order statistics whose ranks bound n·p by z·√(n·p·(1−p)) (normal
 * approximation to the binomial). No interval below 5 values. `statistics` are the order
 * statistics at {@link quantileRanks}(n, p), in that order.
 */
export function quantileResult(n: number, p: number, statistics: readonly number[]): KpiResult {
  if (n === 0) return noData({ n: 0 });
  const { position, interval } = quantilePlan(n, p);
  const [low = Number.NaN, high = Number.NaN, intervalLow = Number.NaN, intervalHigh = Number.NaN] = statistics;
  const lower = Math.floor(position);
  return {
    value: low + (high - low) * (position - lower),
    interval: interval === null ? null : { low: intervalLow, high: intervalHigh, level: LEVEL },
    n,
    warnings: sampleWarnings(n),
    detail: { n },
  };
}

/** Order statistics found per group of the last values gathered (by rank), for the next quantile of the same values. */
let found: { readonly grouped: GroupedValues; readonly byGroup: Array<Map<number, number> | undefined> } | undefined;

/**
 * The quantile p of a numeric column in every group of a population, with its interval: the
 * group's values gathered (shared with the next quantile of the same column and grouping), then
 * the order statistics it needs found without sorting. With `companions` (other probabilities
 * the caller will ask for next on the same column and grouping, e.g. the p90 after the median)
 * their order statistics are found in the same passes over each group, and the next call takes
 * them as found.
 */
export function quantilesByGroup(
  column: Float64Array,
  rows: Int32Array,
  groupOf: GroupIds,
  groupCount: number,
  p: number,
  companions: readonly number[] = [],
): KpiResult[] {
  const grouped = groupValues(column, rows, groupOf, groupCount);
  const { values, offsets } = grouped;
  const byGroup = found?.grouped === grouped ? found.byGroup : [];
  const results: KpiResult[] = [];
  for (let group = 0; group < groupCount; group += 1) {
    const ofGroup = values.subarray(offsets[group] ?? 0, offsets[group + 1] ?? 0);
    const n = ofGroup.length;
    const ranks = quantileRanks(n, p);
    let statistics = byGroup[group];
    if (statistics === undefined || !ranks.every((rank) => statistics?.has(rank) === true)) {
      const wanted = [...ranks, ...companions.flatMap((other) => quantileRanks(n, other))];
      const at = orderStatistics(ofGroup, wanted);
      statistics = new Map(wanted.map((rank, index) => [rank, at[index] ?? Number.NaN]));
      byGroup[group] = statistics;
    }
    results.push(quantileResult(n, p, ranks.map((rank) => statistics?.get(rank) ?? Number.NaN)));
  }
  found = { grouped, byGroup };
  return results;
}

/** A ratio of two sums (e.g. retained revenue over revenue up for renewal), with no interval. */
export function ratioResult(numerator: number, denominator: number, n: number): KpiResult {
  if (denominator <= 0 || n === 0) return noData({ numerator, denominator });
  return { value: numerator / denominator, interval: null, n, warnings: sampleWarnings(n), detail: { numerator, denominator } };
}
