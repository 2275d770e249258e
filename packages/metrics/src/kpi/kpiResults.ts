import { criticalZ } from '../normalQuantile';
import { npsFromCounts, type NpsCounts } from '../nps';
import { meanInterval } from '../stats/meanInterval';
import { wilsonInterval } from '../stats/wilsonInterval';
import type { KpiWarning } from '../warnings';
import type { KpiResult } from './kpiDefinition';

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

/** Type-7 (linear) quantile of sorted values. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

/**
 * A quantile with a distribution-free interval: the order statistics whose ranks bound n·p by
 * z·√(n·p·(1−p)) (normal approximation to the binomial). No interval below 5 values.
 */
export function quantileResult(values: readonly number[], p: number): KpiResult {
  const n = values.length;
  if (n === 0) return noData({ n: 0 });
  const sorted = Float64Array.from(values).sort();
  const spread = criticalZ(LEVEL) * Math.sqrt(n * p * (1 - p));
  const lowRank = Math.floor(n * p - spread);
  const highRank = Math.ceil(n * p + spread);
  const interval =
    n >= 5 && lowRank >= 1 && highRank <= n
      ? { low: sorted[lowRank - 1] ?? Number.NaN, high: sorted[highRank - 1] ?? Number.NaN, level: LEVEL }
      : null;
  return { value: quantileOfSorted(sorted, p), interval, n, warnings: sampleWarnings(n), detail: { n } };
}

/** A ratio of two sums (e.g. retained revenue over revenue up for renewal), with no interval. */
export function ratioResult(numerator: number, denominator: number, n: number): KpiResult {
  if (denominator <= 0 || n === 0) return noData({ numerator, denominator });
  return { value: numerator / denominator, interval: null, n, warnings: sampleWarnings(n), detail: { numerator, denominator } };
}
