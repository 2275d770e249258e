import type { ThresholdPoint } from './scorecardConfig';

/**
 * The 0–100 score of a raw value on a threshold curve: linear between neighbouring points,
 * flat beyond the first and last point. At a step (two points with the same value) the later
 * point wins, so `[{0,100},{1,30}]`-style curves and explicit steps both read naturally.
 */
export function thresholdScore(value: number, points: readonly ThresholdPoint[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('a threshold curve needs at least one point');
  if (value < first.value) return first.score;
  if (value >= last.value) return last.score;
  for (let index = points.length - 1; index > 0; index -= 1) {
    const low = points[index - 1];
    const high = points[index];
    if (low === undefined || high === undefined || value < low.value) continue;
    if (high.value === low.value) return high.score;
    const share = (value - low.value) / (high.value - low.value);
    return low.score + share * (high.score - low.score);
  }
  return first.score;
}
