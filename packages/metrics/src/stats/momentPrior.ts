import type { MeanSummary } from './meanInterval';

/** A normal prior for units of one segment, estimated by the method of moments. */
export interface MomentPrior {
  /** Pooled mean of all answers of the segment (μ). */
  readonly mean: number;
  /** Pooled within-unit variance of one answer (σ², or v̄ for NPS): Σ(nⱼ−1)sⱼ² / Σ(nⱼ−1). */
  readonly withinVariance: number;
  /** Between-unit variance of the true values: τ² = max(0, Varⱼ(ȳⱼ) − σ²·meanⱼ(1/nⱼ)). */
  readonly betweenVariance: number;
  /** Variance of μ under the model: (τ²Σnⱼ² + σ²N)/N². */
  readonly meanVariance: number;
  /** Units with at least one answer. */
  readonly units: number;
  readonly answers: number;
}

/**
 * Method-of-moments prior for empirical-Bayes shrinkage (analytics.md 1.3). The sampling
 * variance of each unit's mean is σ²/nⱼ with σ² pooled across units, rather than the unit's own
 * plug-in variance — a single answer has plug-in variance 0, which would make small units look
 * noise-free exactly where shrinkage matters. With fewer than two units, or only single answers
 * (no within-unit replication), τ² = 0: full pooling.
 */
export function momentPrior(summaries: readonly MeanSummary[]): MomentPrior {
  const units = summaries.filter((s) => s.n > 0);
  const k = units.length;
  const answers = units.reduce((sum, s) => sum + s.n, 0);
  const totalSum = units.reduce((sum, s) => sum + s.sum, 0);
  const totalSumSq = units.reduce((sum, s) => sum + s.sumSq, 0);
  const mean = answers > 0 ? totalSum / answers : Number.NaN;
  const replication = answers - k;
  const withinSquares = units.reduce((sum, s) => sum + Math.max(0, s.sumSq - (s.sum * s.sum) / s.n), 0);
  const totalVariance = answers > 1 ? Math.max(0, (totalSumSq - totalSum * mean) / (answers - 1)) : 0;
  const withinVariance = replication > 0 ? withinSquares / replication : totalVariance;
  let betweenVariance = 0;
  if (k >= 2 && replication > 0) {
    const unitMeans = units.map((s) => s.sum / s.n);
    const average = unitMeans.reduce((sum, x) => sum + x, 0) / k;
    const spread = unitMeans.reduce((sum, x) => sum + (x - average) ** 2, 0) / (k - 1);
    const noise = (withinVariance * units.reduce((sum, s) => sum + 1 / s.n, 0)) / k;
    betweenVariance = Math.max(0, spread - noise);
  }
  const sizeSquares = units.reduce((sum, s) => sum + s.n * s.n, 0);
  const meanVariance = answers > 0 ? (betweenVariance * sizeSquares + withinVariance * answers) / (answers * answers) : Number.NaN;
  return { mean, withinVariance, betweenVariance, meanVariance, units: k, answers };
}
