import { criticalZ } from './normalQuantile';
import type { KpiWarning } from './warnings';

/** Promoters score 9–10, passives 7–8, detractors 0–6 on the 0–10 likelihood-to-recommend scale. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function classifyNps(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

export function countNps(scores: Iterable<number>): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    const category = classifyNps(score);
    if (category === 'promoter') promoters += 1;
    else if (category === 'passive') passives += 1;
    else detractors += 1;
  }
  return { promoters, passives, detractors };
}

export interface Interval {
  readonly low: number;
  readonly high: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
}

export interface NpsResult {
  /** NPS in points, −100…100; `null` when nobody answered. */
  readonly nps: number | null;
  readonly n: number;
  readonly counts: NpsCounts;
  /** Adjusted-Wald interval in points, or `null` when nobody answered. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface NpsOptions {
  /** Confidence level of the interval; default 0.95. */
  readonly level?: number;
  /** Below this many responses the result carries a `small_sample` warning; default 10. */
  readonly minimumN?: number;
}

/** Per-respondent variance of the −1/0/+1 coding: p + d − (p − d)². */
export function npsVariance(promoterShare: number, detractorShare: number): number {
  return promoterShare + detractorShare - (promoterShare - detractorShare) ** 2;
}

/**
 * Adjusted-Wald interval (Lewis & Sauro): add 3 to n and ¾ to promoters and to detractors, then
 * use the trinomial variance. Unlike the plain Wald interval it does not collapse to zero width
 * when every respondent gave the same answer — the usual case for a B2B account with 3 answers.
 */
export function npsAdjustedWaldInterval(counts: NpsCounts, level = 0.95): Interval {
  const n = counts.promoters + counts.passives + counts.detractors + 3;
  const p = (counts.promoters + 0.75) / n;
  const d = (counts.detractors + 0.75) / n;
  const margin = criticalZ(level) * Math.sqrt(npsVariance(p, d) / n);
  const centre = p - d;
  return {
    low: Math.max(-100, (centre - margin) * 100),
    high: Math.min(100, (centre + margin) * 100),
    level,
  };
}

/** NPS with its adjusted-Wald interval and data-quality warnings, from category counts. */
export function npsFromCounts(counts: NpsCounts, options: NpsOptions = {}): NpsResult {
  const n = counts.promoters + counts.passives + counts.detractors;
  const minimumN = options.minimumN ?? 10;
  if (n === 0) return { nps: null, n, counts, interval: null, warnings: [{ code: 'no_data' }] };
  const warnings: KpiWarning[] = n < minimumN ? [{ code: 'small_sample', detail: { n, minimum: minimumN } }] : [];
  return {
    nps: ((counts.promoters - counts.detractors) / n) * 100,
    n,
    counts,
    interval: npsAdjustedWaldInterval(counts, options.level),
    warnings,
  };
}
