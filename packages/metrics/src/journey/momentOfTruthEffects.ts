import { momentsOfTruth, type Feedback, type MomentOfTruth, type Touchpoint } from '@kizuna/model';
import { normalCdf } from '../stats/distributions';
import { classifyNps, npsVariance, type Interval } from '../nps';
import { criticalZ } from '../normalQuantile';
import type { KpiWarning } from '../warnings';
import { quarterOf } from '../linkage/quarters';
import { designEffect } from './designEffect';
import { holmAdjust } from './holmAdjust';

export interface MomentOfTruthInput {
  readonly feedback: readonly Feedback[];
  readonly touchpoints: readonly Touchpoint[];
}

export interface MomentOfTruthOptions {
  /** An answer counts as "after" a moment of truth if the account had one in the preceding days; default 90. */
  readonly windowDays?: number;
  readonly level?: number;
  /** Fewer exposed answers than this → `small_sample` and no effect; default 30. */
  readonly minimumExposed?: number;
  /** Significance level after Holm adjustment over the moments compared; default 0.05. */
  readonly alpha?: number;
}

export interface MomentOfTruthEffect {
  readonly momentOfTruth: MomentOfTruth;
  /** 1 = strongest: significant effects first, then by size. */
  readonly rank: number;
  /** NPS points of answers after the moment minus answers without it, same quarters (null if not estimable). */
  readonly effect: number | null;
  readonly interval: Interval | null;
  readonly adjustedP: number | null;
  readonly significant: boolean;
  readonly exposed: { readonly answers: number; readonly accounts: number };
  readonly unexposed: { readonly answers: number };
  readonly warnings: readonly KpiWarning[];
}

interface Answer { readonly at: number; readonly code: number; readonly quarter: string; readonly accountId: string }

const dayMs = 86_400_000;
const codeOf = (score: number): number => ({ promoter: 1, passive: 0, detractor: -1 })[classifyNps(score)];

/** Per quarter stratum: NPS difference and its (adjusted-Wald) variance. */
function stratumDifference(exposed: readonly number[], unexposed: readonly number[]): { difference: number; variance: number } {
  const part = (codes: readonly number[]) => {
    const n = codes.length;
    const promoters = codes.filter((c) => c === 1).length;
    const detractors = codes.filter((c) => c === -1).length;
    const [p, d] = [(promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)];
    return { nps: (promoters - detractors) / n, variance: npsVariance(p, d) / (n + 3) };
  };
  const [e, u] = [part(exposed), part(unexposed)];
  return { difference: e.nps - u.nps, variance: e.variance + u.variance };
}

function momentTimes(touchpoints: readonly Touchpoint[], moment: MomentOfTruth): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const t of touchpoints) {
    if (t.momentOfTruth !== moment) continue;
    const list = times.get(t.accountId);
    if (list === undefined) times.set(t.accountId, [Date.parse(t.occurredAt)]);
    else list.push(Date.parse(t.occurredAt));
  }
  return times;
}

/**
 * Quarter-stratified difference (weights = exposed answers per quarter, i.e. the effect on those
 * who had the moment), variance × design effect of answers clustered in accounts.
 */
function estimate(answers: readonly Answer[], times: Map<string, number[]>, windowMs: number, deff: number) {
  const strata = new Map<string, { exposed: number[]; unexposed: number[]; accounts: Set<string> }>();
  for (const answer of answers) {
    const hit = (times.get(answer.accountId) ?? []).some((at) => at <= answer.at && answer.at - at < windowMs);
    const stratum = strata.get(answer.quarter) ?? { exposed: [], unexposed: [], accounts: new Set<string>() };
    (hit ? stratum.exposed : stratum.unexposed).push(answer.code);
    if (hit) stratum.accounts.add(answer.accountId);
    strata.set(answer.quarter, stratum);
  }
  const usable = [...strata.values()].filter((s) => s.exposed.length > 0 && s.unexposed.length > 0);
  const exposedTotal = usable.reduce((sum, s) => sum + s.exposed.length, 0);
  let effect = 0;
  let variance = 0;
  for (const s of usable) {
    const weight = s.exposed.length / exposedTotal;
    const { difference, variance: v } = stratumDifference(s.exposed, s.unexposed);
    effect += weight * difference;
    variance += weight * weight * v * deff;
  }
  const accounts = new Set(usable.flatMap((s) => [...s.accounts])).size;
  const unexposed = usable.reduce((sum, s) => sum + s.unexposed.length, 0);
  return { effect, variance, exposed: exposedTotal, accounts, unexposed };
}

type Estimate = ReturnType<typeof estimate>;

function describe(moment: MomentOfTruth, e: Estimate, adjustedP: number | null, options: MomentOfTruthOptions): Omit<MomentOfTruthEffect, 'rank'> {
  const level = options.level ?? 0.95;
  const minimum = options.minimumExposed ?? 30;
  const margin = criticalZ(level) * Math.sqrt(e.variance);
  const estimated = adjustedP !== null;
  return {
    momentOfTruth: moment,
    effect: estimated ? e.effect * 100 : null,
    interval: estimated ? { low: (e.effect - margin) * 100, high: (e.effect + margin) * 100, level } : null,
    adjustedP,
    significant: adjustedP !== null && adjustedP < (options.alpha ?? 0.05),
    exposed: { answers: e.exposed, accounts: e.accounts },
    unexposed: { answers: e.unexposed },
    warnings: estimated ? [] : [{ code: e.exposed === 0 ? 'no_data' : 'small_sample', detail: { n: e.exposed, minimum } }],
  };
}

/**
 * Moments of truth ranked by their association with relationship loyalty. For each moment type,
 * relationship NPS answers given within `windowDays` after the account experienced it are compared
 * with the answers of the same quarters from accounts that had not (quarter-stratified NPS
 * difference, effect on the exposed), Holm-adjusted over the moments estimated. Ranked significant
 * first, then by size. Observational: a moment tied to a lifecycle stage carries that stage's mood
 * with it, so read it as "what loyalty looks like after", not as a cause.
 */
export function momentOfTruthEffects(input: MomentOfTruthInput, options: MomentOfTruthOptions = {}): MomentOfTruthEffect[] {
  const answers: Answer[] = input.feedback
    .filter((f) => f.kind === 'nps' && f.programme === 'relationship')
    .map((f) => ({ at: Date.parse(f.respondedAt), code: codeOf(f.score), quarter: quarterOf(f.respondedAt), accountId: f.accountId }));
  const deff = designEffect(answers.map((a) => a.code), answers.map((a) => a.accountId));
  const raw = momentsOfTruth.map((moment) => {
    const e = estimate(answers, momentTimes(input.touchpoints, moment), (options.windowDays ?? 90) * dayMs, deff);
    const ok = e.exposed >= (options.minimumExposed ?? 30) && e.unexposed > 0 && e.variance > 0;
    return { moment, e, ok, p: ok ? 2 * normalCdf(-Math.abs(e.effect) / Math.sqrt(e.variance), 0, 1) : 1 };
  });
  const adjusted = holmAdjust(raw.filter((r) => r.ok).map((r) => r.p));
  let next = 0;
  return raw
    .map(({ moment, e, ok }) => describe(moment, e, ok ? (adjusted[next++] ?? 1) : null, options))
    .sort((a, b) => Number(b.significant) - Number(a.significant) || Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0))
    .map((effect, i) => ({ ...effect, rank: i + 1 }));
}
