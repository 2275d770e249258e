import { classifyNps, countNps, npsFromCounts, npsVariance, type Interval, type NpsResult } from '../nps';
import { criticalZ } from '../normalQuantile';
import { designEffect } from './designEffect';

/** One relationship answer for NPS: its 0–10 score and the account it belongs to. */
export interface ClusteredScore {
  readonly score: number;
  readonly accountId: string;
}

export interface ClusteredNpsResult extends NpsResult {
  /** How much the account clustering inflates the variance (≥ 1); the interval includes it. */
  readonly designEffect: number;
  /** Accounts the answers came from. */
  readonly accounts: number;
}

const code = (score: number): number => {
  const category = classifyNps(score);
  return category === 'promoter' ? 1 : category === 'detractor' ? -1 : 0;
};

/** Adjusted-Wald NPS (−1…1 scale) and its variance, inflated by the design effect. */
export function adjustedNps(result: ClusteredNpsResult): { centre: number; variance: number } {
  const { promoters, passives, detractors } = result.counts;
  const n = promoters + passives + detractors + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  return { centre: p - d, variance: (npsVariance(p, d) * result.designEffect) / n };
}

/**
 * NPS of answers from several accounts, with the adjusted-Wald interval (MeasuringU) widened by
 * the design effect of answers clustered in accounts (analytics.md §1.2: contacts of one account
 * are correlated, so respondent-level intervals are too narrow).
 */
export function clusteredNps(answers: readonly ClusteredScore[], level = 0.95): ClusteredNpsResult {
  const base = npsFromCounts(countNps(answers.map((a) => a.score)), { level });
  const deff = designEffect(answers.map((a) => code(a.score)), answers.map((a) => a.accountId));
  const result: ClusteredNpsResult = { ...base, designEffect: deff, accounts: new Set(answers.map((a) => a.accountId)).size };
  if (base.n === 0) return result;
  const { centre, variance } = adjustedNps(result);
  const margin = criticalZ(level) * Math.sqrt(variance);
  const interval: Interval = { low: Math.max(-100, (centre - margin) * 100), high: Math.min(100, (centre + margin) * 100), level };
  return { ...result, interval };
}
