import type { NpsCounts } from '../nps';
import type { MeanSummary } from './meanInterval';

export interface DesignEffect {
  /** deff = 1 + (m̄ − 1)·ρ, at least 1. */
  readonly designEffect: number;
  /** One-way ANOVA estimate of the intraclass correlation ρ, clipped to 0…1. */
  readonly intraclassCorrelation: number;
  /** Size-weighted mean cluster size m̄ = Σnⱼ²/Σnⱼ (Kish, for unequal clusters). */
  readonly meanClusterSize: number;
  readonly clusters: number;
}

/** Summary of the −1/0/+1 NPS coding: n, sum = P − D, sum of squares = P + D. */
export function npsSummary(counts: NpsCounts): MeanSummary {
  return {
    n: counts.promoters + counts.passives + counts.detractors,
    sum: counts.promoters - counts.detractors,
    sumSq: counts.promoters + counts.detractors,
  };
}

/**
 * Design effect of clustered answers (analytics.md 1.2, "clustering"): the contacts of one B2B
 * account answer alike, so respondent-level standard errors are too small by √deff. Pass one
 * summary per cluster (account); use `npsSummary` for NPS counts. Empty clusters are ignored;
 * with fewer than two clusters, or no within-cluster replication, deff is 1.
 */
export function designEffect(clusters: readonly MeanSummary[]): DesignEffect {
  const used = clusters.filter((cluster) => cluster.n > 0);
  const k = used.length;
  const total = used.reduce((sum, c) => sum + c.n, 0);
  const sumOfSquaredSizes = used.reduce((sum, c) => sum + c.n * c.n, 0);
  const meanClusterSize = total > 0 ? sumOfSquaredSizes / total : 0;
  const none = { designEffect: 1, intraclassCorrelation: 0, meanClusterSize, clusters: k };
  if (k < 2 || total - k < 1) return none;
  const grandMean = used.reduce((sum, c) => sum + c.sum, 0) / total;
  const within = used.reduce((sum, c) => sum + Math.max(0, c.sumSq - (c.sum * c.sum) / c.n), 0);
  const between = used.reduce((sum, c) => sum + c.n * (c.sum / c.n - grandMean) ** 2, 0);
  const msWithin = within / (total - k);
  const msBetween = between / (k - 1);
  const n0 = (total - sumOfSquaredSizes / total) / (k - 1);
  const denominator = msBetween + (n0 - 1) * msWithin;
  const rho = denominator > 0 ? Math.min(1, Math.max(0, (msBetween - msWithin) / denominator)) : 0;
  return { designEffect: 1 + (meanClusterSize - 1) * rho, intraclassCorrelation: rho, meanClusterSize, clusters: k };
}
