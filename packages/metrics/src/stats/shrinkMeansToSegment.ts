import { criticalZ } from '../normalQuantile';
import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';
import type { MeanSummary } from './meanInterval';
import { minimumSample, smallSampleWarning } from './minimumSample';
import { momentPrior } from './momentPrior';

/** A unit (account, team …) with the summary of its answers on a mean-type KPI. */
export interface MeanUnit {
  readonly id: string;
  readonly summary: MeanSummary;
}

export interface ShrunkMean {
  readonly id: string;
  readonly n: number;
  /** Raw mean; `null` without answers. */
  readonly mean: number | null;
  /** θⱼ* = μ + Bⱼ(ȳⱼ − μ); `null` without answers. */
  readonly shrunkMean: number | null;
  /** Bⱼ = τ²/(τ² + σ²/nⱼ): the share of the raw deviation that survives. */
  readonly shrinkage: number;
  /** √(Bⱼσ²/nⱼ + (1 − Bⱼ)²·Var(μ)). */
  readonly standardError: number | null;
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface MeanShrinkage {
  /** μ: pooled mean of the segment's answers, or the given one. */
  readonly segmentMean: number | null;
  /** σ², pooled within-unit variance of one answer. */
  readonly withinVariance: number;
  /** τ², between-unit variance of the true means. */
  readonly betweenVariance: number;
  readonly units: readonly ShrunkMean[];
  readonly warnings: readonly KpiWarning[];
}

export interface MeanShrinkageOptions {
  /** Fix μ (treated as known) instead of pooling the units' answers. */
  readonly segmentMean?: number;
  /** Fix τ² instead of estimating it. */
  readonly betweenVariance?: number;
  readonly level?: number;
}

/**
 * James–Stein / normal empirical-Bayes shrinkage of mean-type KPIs (CSAT mean, CES mean, time to
 * resolution) toward the segment (analytics.md 1.3): θⱼ* = μ + Bⱼ(ȳⱼ − μ), Bⱼ = τ²/(τ² + σ²/nⱼ),
 * with σ² and τ² from `momentPrior`. The NPS version (`shrinkNpsToSegment`) is the same estimator
 * on the −1/0/+1 coding (Bⱼ = nⱼ/(nⱼ + m), m = σ²/τ²).
 */
export function shrinkMeansToSegment(units: readonly MeanUnit[], options: MeanShrinkageOptions = {}): MeanShrinkage {
  const level = options.level ?? 0.95;
  const zCritical = criticalZ(level);
  if (options.betweenVariance !== undefined && !(options.betweenVariance >= 0)) {
    throw new RangeError(`betweenVariance must be ≥ 0 (got ${options.betweenVariance})`);
  }
  const prior = momentPrior(units.map((unit) => unit.summary));
  const tau2 = options.betweenVariance ?? prior.betweenVariance;
  const sigma2 = prior.withinVariance;
  const mu = options.segmentMean ?? prior.mean;
  const muVariance = options.segmentMean === undefined ? prior.meanVariance : 0;
  const warnings: KpiWarning[] = prior.units < minimumSample.indicative && options.betweenVariance === undefined
    ? [smallSampleWarning(prior.units, minimumSample.indicative, 'prior_from_few_units')]
    : [];
  const shrunk = units.map((unit): ShrunkMean => {
    const { n, sum } = unit.summary;
    if (!(n > 0) || Number.isNaN(mu)) {
      return { id: unit.id, n, mean: null, shrunkMean: null, shrinkage: 0, standardError: null, interval: null, warnings: [{ code: 'no_data' }] };
    }
    const mean = sum / n;
    const noise = sigma2 / n;
    const shrinkage = tau2 + noise > 0 ? tau2 / (tau2 + noise) : 1;
    const value = mu + shrinkage * (mean - mu);
    const se = Math.sqrt(shrinkage * noise + (1 - shrinkage) ** 2 * muVariance);
    const interval = { low: value - zCritical * se, high: value + zCritical * se, level };
    return { id: unit.id, n, mean, shrunkMean: value, shrinkage, standardError: se, interval, warnings: [] };
  });
  return { segmentMean: Number.isNaN(mu) ? null : mu, withinVariance: sigma2, betweenVariance: tau2, units: shrunk, warnings };
}
