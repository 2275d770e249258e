import { criticalZ } from '../normalQuantile';
import { npsVariance, type Interval, type NpsCounts } from '../nps';
import type { KpiWarning } from '../warnings';
import { npsSummary } from './designEffect';
import { minimumSample, smallSampleWarning } from './minimumSample';
import { momentPrior } from './momentPrior';

/** A unit (usually an account) of one segment with its NPS counts. */
export interface NpsUnit {
  readonly id: string;
  readonly counts: NpsCounts;
}

export interface ShrunkNps {
  readonly id: string;
  readonly n: number;
  /** Raw NPS in points; `null` without answers. */
  readonly nps: number | null;
  /** NPS_j* = (nⱼ·NPSⱼ + m·NPS_seg)/(nⱼ + m), points. Safe to rank at any n. `null` without answers. */
  readonly shrunkNps: number | null;
  /** wⱼ = nⱼ/(nⱼ + m): how much of the raw value survives (0 under full pooling). */
  readonly weight: number;
  /** Posterior standard error, points. */
  readonly standardError: number | null;
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface NpsShrinkage {
  /** NPS of the segment the units are pulled to, points; `null` when the segment has no answers. */
  readonly segmentNps: number | null;
  /** Prior strength m = v̄/τ² in pseudo-respondents; `null` under full pooling (τ² = 0). */
  readonly priorStrength: number | null;
  /** τ² in points². */
  readonly betweenVariance: number;
  /** v̄ in points². */
  readonly withinVariance: number;
  readonly units: readonly ShrunkNps[];
  /** `small_sample` when the prior was estimated from fewer than 5 units. */
  readonly warnings: readonly KpiWarning[];
}

export interface NpsShrinkageOptions {
  /** The segment's counts; default: the pooled counts of the units. */
  readonly segment?: NpsCounts;
  /** Fix m instead of estimating it (e.g. from a larger history). */
  readonly priorStrength?: number;
  readonly level?: number;
}

const total = (c: NpsCounts): number => c.promoters + c.passives + c.detractors;

function pooled(units: readonly NpsUnit[]): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { counts } of units) {
    promoters += counts.promoters;
    passives += counts.passives;
    detractors += counts.detractors;
  }
  return { promoters, passives, detractors };
}

interface Prior {
  readonly p: number;
  readonly d: number;
  /** Variance of the segment value on the −1…1 scale. */
  readonly variance: number;
  readonly m: number | null;
}

function withoutValue(unit: NpsUnit): ShrunkNps {
  const empty = { nps: null, shrunkNps: null, weight: 0, standardError: null, interval: null };
  return { id: unit.id, n: total(unit.counts), ...empty, warnings: [{ code: 'no_data' }] };
}

function shrinkUnit(unit: NpsUnit, prior: Prior, zCritical: number, level: number): ShrunkNps {
  const n = total(unit.counts);
  if (n === 0) return withoutValue(unit);
  const m = prior.m;
  const weight = m === null ? 0 : n / (n + m);
  const p = weight * (unit.counts.promoters / n) + (1 - weight) * prior.p;
  const d = weight * (unit.counts.detractors / n) + (1 - weight) * prior.d;
  const own = m === null ? 0 : npsVariance(p, d) / (n + m + 1);
  const se = Math.sqrt(own + (1 - weight) ** 2 * prior.variance);
  const shrunk = p - d;
  return {
    id: unit.id,
    n,
    nps: (100 * (unit.counts.promoters - unit.counts.detractors)) / n,
    shrunkNps: 100 * shrunk,
    weight,
    standardError: 100 * se,
    interval: { low: Math.max(-100, 100 * (shrunk - zCritical * se)), high: Math.min(100, 100 * (shrunk + zCritical * se)), level },
    warnings: [],
  };
}

/**
 * Empirical-Bayes shrinkage of units (accounts) toward their segment's NPS (analytics.md 1.3):
 * NPS_j* = (nⱼ·NPSⱼ + m·NPS_seg)/(nⱼ + m), with m = v̄/τ² estimated by the method of moments
 * (`momentPrior`) unless given. τ² = 0 means full pooling: every unit takes the segment value.
 * Posterior SE = √(v*ⱼ/(nⱼ + m + 1) + (1 − wⱼ)²·Var(NPS_seg)), v*ⱼ at the posterior shares — the
 * note's Dirichlet form plus the uncertainty of the segment value, which dominates under strong
 * pooling. Pass the units of one segment; rank accounts on `shrunkNps`, never on raw n < 10 NPS.
 */
export function shrinkNpsToSegment(units: readonly NpsUnit[], options: NpsShrinkageOptions = {}): NpsShrinkage {
  const level = options.level ?? 0.95;
  const zCritical = criticalZ(level);
  if (options.priorStrength !== undefined && !(options.priorStrength >= 0)) {
    throw new RangeError(`priorStrength must be ≥ 0 (got ${options.priorStrength})`);
  }
  const moments = momentPrior(units.map((unit) => npsSummary(unit.counts)));
  const segment = options.segment ?? pooled(units);
  const nSeg = total(segment);
  const tau2 = moments.betweenVariance;
  const m = options.priorStrength ?? (tau2 > 0 ? moments.withinVariance / tau2 : null);
  const warnings: KpiWarning[] = moments.units < minimumSample.indicative && options.priorStrength === undefined
    ? [smallSampleWarning(moments.units, minimumSample.indicative, 'prior_from_few_units')]
    : [];
  const base = { priorStrength: m, betweenVariance: 1e4 * tau2, withinVariance: 1e4 * moments.withinVariance };
  if (nSeg === 0) return { ...base, segmentNps: null, units: units.map(withoutValue), warnings: [{ code: 'no_data' }] };
  const p = segment.promoters / nSeg;
  const d = segment.detractors / nSeg;
  const variance = options.segment === undefined ? moments.meanVariance : npsVariance(p, d) / nSeg;
  const prior: Prior = { p, d, variance, m };
  return { ...base, segmentNps: 100 * (p - d), units: units.map((unit) => shrinkUnit(unit, prior, zCritical, level)), warnings };
}
