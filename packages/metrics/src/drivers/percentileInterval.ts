import type { Interval } from '../nps';

/** Linear-interpolation quantile (type 7) of values already sorted ascending. */
export function sortedQuantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = sorted[Math.floor(position)] ?? Number.NaN;
  const above = sorted[Math.ceil(position)] ?? below;
  return below + (above - below) * (position - Math.floor(position));
}

/** Percentile bootstrap interval: the (1−level)/2 and (1+level)/2 quantiles of the resampled values. */
export function percentileInterval(values: readonly number[], level: number): Interval {
  const sorted = [...values].sort((a, b) => a - b);
  return { low: sortedQuantile(sorted, (1 - level) / 2), high: sortedQuantile(sorted, (1 + level) / 2), level };
}
