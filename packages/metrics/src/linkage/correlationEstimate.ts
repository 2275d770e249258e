import { tCdf } from '../stats/distributions';
import { criticalZ } from '../normalQuantile';
import type { Interval } from '../nps';

/** A correlation with its Fisher-z interval, two-sided p-value and sample size. */
export interface CorrelationEstimate {
  readonly r: number;
  readonly n: number;
  readonly interval: Interval;
  /** Two-sided p-value of r = 0 (t-test with the stated degrees of freedom). */
  readonly p: number;
  readonly degreesOfFreedom: number;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson r of paired values; NaN when either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const [mx, my] = [mean(xs), mean(ys)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dy = (ys[i] ?? my) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy ** 2;
  });
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** Average ranks (ties share the mean of their positions), 1-based. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    for (let k = start; k <= end; k += 1) result[order[k]?.index ?? 0] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

export interface CorrelationOptions {
  readonly level?: number;
  /** Parameters used up beyond the two of a plain correlation, e.g. team means removed (default 0). */
  readonly extraParameters?: number;
  /** Multiplier of the Fisher-z standard error (Bonett–Wright 1 + r²/2 for Spearman); default 1. */
  readonly varianceFactor?: (r: number) => number;
}

/** Fisher-z interval and t-test p for a correlation r computed from n pairs. `null` if undefined. */
export function correlationEstimate(r: number, n: number, options: CorrelationOptions = {}): CorrelationEstimate | null {
  const level = options.level ?? 0.95;
  const extra = options.extraParameters ?? 0;
  const degreesOfFreedom = n - 2 - extra;
  if (!Number.isFinite(r) || degreesOfFreedom < 2) return null;
  const bounded = Math.max(-0.999999, Math.min(0.999999, r));
  const se = Math.sqrt((options.varianceFactor?.(bounded) ?? 1) / (degreesOfFreedom - 1));
  const z = Math.atanh(bounded);
  const margin = criticalZ(level) * se;
  const t = (bounded * Math.sqrt(degreesOfFreedom)) / Math.sqrt(1 - bounded ** 2);
  return {
    r,
    n,
    interval: { low: Math.tanh(z - margin), high: Math.tanh(z + margin), level },
    // The lower tail itself: 1 − cdf(|t|) would round every p below ~1e-16 to 0.
    p: 2 * tCdf(-Math.abs(t), degreesOfFreedom),
    degreesOfFreedom,
  };
}

/** Pearson correlation with its Fisher-z interval. */
export function pearsonEstimate(xs: readonly number[], ys: readonly number[], level = 0.95): CorrelationEstimate | null {
  return correlationEstimate(pearson(xs, ys), xs.length, { level });
}

/** Spearman rank correlation with a Fisher-z interval widened by Bonett & Wright's (1 + r²/2). */
export function spearmanEstimate(xs: readonly number[], ys: readonly number[], level = 0.95): CorrelationEstimate | null {
  return correlationEstimate(pearson(ranks(xs), ranks(ys)), xs.length, { level, varianceFactor: (r) => 1 + (r * r) / 2 });
}
