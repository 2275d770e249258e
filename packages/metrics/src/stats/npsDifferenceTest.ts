import { npsVariance, type NpsCounts } from '../nps';
import { criticalZ } from '../normalQuantile';
import { designEffectOf, untestable, type DifferenceTest, type DifferenceTestOptions } from './differenceTest';
import { twoSidedP } from './twoSidedP';

function totalOf(counts: NpsCounts): number {
  return counts.promoters + counts.passives + counts.detractors;
}

/** Adjusted-Wald shares (+¾ promoters, +¾ detractors, +3 respondents) of counts divided by `deff`. */
function adjusted(counts: NpsCounts, deff: number): { nps: number; variance: number } {
  const n = totalOf(counts) / deff + 3;
  const p = (counts.promoters / deff + 0.75) / n;
  const d = (counts.detractors / deff + 0.75) / n;
  return { nps: p - d, variance: npsVariance(p, d) / n };
}

/**
 * Do two independent groups' NPS differ? The adjusted-Wald z-test of analytics.md 1.2
 * (MeasuringU): each group gets +¾ promoters, +¾ detractors and +3 respondents, then
 * z = (NPS₁ − NPS₂)/√(v₁/n₁ + v₂/n₂) with v = p + d − (p − d)².
 *
 * `difference` is the raw NPS difference a − b in points; `z`, `p`, `standardError` and the
 * interval (centred on the adjusted difference, so it excludes 0 exactly when p < 1 − level)
 * use the adjusted counts. An empty group gives `no_data` and no test.
 */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts, options: DifferenceTestOptions = {}): DifferenceTest {
  const deff = designEffectOf(options);
  const level = options.level ?? 0.95;
  const zCritical = criticalZ(level);
  const nA = totalOf(a);
  const nB = totalOf(b);
  if (nA === 0 || nB === 0) return untestable([...(nA === 0 ? (['a'] as const) : []), ...(nB === 0 ? (['b'] as const) : [])]);
  const adjA = adjusted(a, deff);
  const adjB = adjusted(b, deff);
  const se = Math.sqrt(adjA.variance + adjB.variance);
  const centre = adjA.nps - adjB.nps;
  const z = centre / se;
  return {
    difference: (100 * (a.promoters - a.detractors)) / nA - (100 * (b.promoters - b.detractors)) / nB,
    standardError: 100 * se,
    z,
    p: twoSidedP(z),
    interval: { low: Math.max(-200, 100 * (centre - zCritical * se)), high: Math.min(200, 100 * (centre + zCritical * se)), level },
    warnings: [],
  };
}
