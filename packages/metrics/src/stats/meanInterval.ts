import { tQuantile } from './distributions';
import type { Interval } from '../nps';
import { criticalZ } from '../normalQuantile';
import type { KpiWarning } from '../warnings';
import { minimumSample, sampleSizeWarnings, type MinimumSamplePolicy } from './minimumSample';

/** Sufficient statistics of a sample: count, sum and sum of squares. */
export interface MeanSummary {
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
}

export interface MeanResult {
  /** Sample mean, or `null` when there are no values. */
  readonly mean: number | null;
  readonly n: number;
  /** Sample standard deviation (n − 1 denominator); `null` below 2 values. */
  readonly standardDeviation: number | null;
  readonly standardError: number | null;
  /** Student-t interval with n − 1 degrees of freedom; `null` below 2 values. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

/** Count, sum and sum of squares of `values`. */
export function summarise(values: Iterable<number>): MeanSummary {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const value of values) {
    n += 1;
    sum += value;
    sumSq += value * value;
  }
  return { n, sum, sumSq };
}

function isSummary(data: readonly number[] | MeanSummary): data is MeanSummary {
  return !Array.isArray(data);
}

/** Mean and sample variance; from raw values by two passes (numerically stable), else from the sums. */
function moments(data: readonly number[] | MeanSummary): { n: number; mean: number; variance: number } {
  if (isSummary(data)) {
    const { n, sum, sumSq } = data;
    if (!(n >= 0) || !Number.isFinite(sum) || !Number.isFinite(sumSq)) throw new RangeError('summary must have n ≥ 0 and finite sums');
    const mean = n > 0 ? sum / n : Number.NaN;
    return { n, mean, variance: n > 1 ? Math.max(0, (sumSq - sum * mean) / (n - 1)) : Number.NaN };
  }
  const n = data.length;
  const mean = data.reduce((total, value) => total + value, 0) / n;
  const squares = data.reduce((total, value) => total + (value - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : Number.NaN };
}

/**
 * Mean with a Student-t confidence interval (CES mean, CSAT mean, engagement), from raw values
 * or from a `{ n, sum, sumSq }` summary. Below 2 values there is no interval; the result still
 * carries the mean and minimum-n warnings.
 */
export function meanInterval(
  data: readonly number[] | MeanSummary,
  level = 0.95,
  options: { readonly policy?: MinimumSamplePolicy } = {},
): MeanResult {
  criticalZ(level); // validates the level
  const { n, mean, variance } = moments(data);
  const warnings = sampleSizeWarnings(n, options.policy ?? minimumSample);
  if (n === 0) return { mean: null, n, standardDeviation: null, standardError: null, interval: null, warnings };
  if (n < 2) return { mean, n, standardDeviation: null, standardError: null, interval: null, warnings };
  const standardDeviation = Math.sqrt(variance);
  const standardError = standardDeviation / Math.sqrt(n);
  const margin = tQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return { mean, n, standardDeviation, standardError, interval: { low: mean - margin, high: mean + margin, level }, warnings };
}
