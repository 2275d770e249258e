import type { Feedback } from '@kizuna/model';
import { normalCdf } from '../stats/distributions';
import type { Interval } from '../nps';
import { wilsonIntervalOrNull } from '../linkage/wilsonInterval';
import { designEffect } from './designEffect';

/** CSAT top-2-box (4–5 on the 1–5 scale) of a set of answers. */
export interface TopTwoBox {
  /** Share 0–1 answering 4 or 5. */
  readonly share: number;
  readonly satisfied: number;
  readonly n: number;
  /** Wilson interval on the effective sample size n / design effect (answers cluster in accounts). */
  readonly interval: Interval | null;
  readonly designEffect: number;
}

/** CSAT answers on the 1–5 scale only (other scales are never pooled with it). */
export function isCsatAnswer(feedback: Feedback): boolean {
  return feedback.kind === 'csat' && feedback.scale === 'csat_1_5';
}

/** Top-2-box share of CSAT answers with a clustering-aware Wilson interval; `null` without answers. */
export function topTwoBox(answers: readonly Feedback[], level = 0.95): TopTwoBox | null {
  if (answers.length === 0) return null;
  const hits = answers.map((a) => (a.score >= 4 ? 1 : 0));
  const satisfied = hits.reduce<number>((sum, hit) => sum + hit, 0);
  const deff = designEffect(hits, answers.map((a) => a.accountId));
  const share = satisfied / answers.length;
  return {
    share,
    satisfied,
    n: answers.length,
    interval: wilsonIntervalOrNull(share * (answers.length / deff), answers.length / deff, level),
    designEffect: deff,
  };
}

/** Two-sided p-value that two top-2-box shares differ (pooled z-test on effective sample sizes). */
export function topTwoBoxDifferenceP(a: TopTwoBox, b: TopTwoBox): number {
  const [na, nb] = [a.n / a.designEffect, b.n / b.designEffect];
  const pooled = (a.share * na + b.share * nb) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (!(se > 0)) return 1;
  return 2 * normalCdf(-Math.abs(a.share - b.share) / se, 0, 1);
}
