import type { AccountContext, ContactRole, Feedback } from '@kizuna/model';
import { classifyNps } from '../nps';
import { noData, shareReading, type MeasureReading } from './measureReading';
import { DAY_MS } from './timeline';

function inWindow(answer: Feedback, asOfMs: number, windowDays: number): boolean {
  const at = Date.parse(answer.respondedAt);
  return at > asOfMs - windowDays * DAY_MS && at <= asOfMs;
}

const npsCoding = { promoter: 1, passive: 0, detractor: -1 } as const;

/**
 * Role-weighted relationship NPS of the account (analytics.md §1.6): Σ wᵢ·sᵢ / Σ wᵢ × 100 with
 * sᵢ ∈ {−1, 0, +1} and wᵢ the weight of the respondent's role. Answers without a known contact
 * count as a `user`. `detail.nEffective` is Kish's effective n, (Σw)²/Σw².
 */
export function roleWeightedNps(
  context: AccountContext,
  asOfMs: number,
  windowDays: number,
  roleWeights: Readonly<Record<ContactRole, number>>,
): MeasureReading {
  const roleOf = new Map(context.contacts.map((contact) => [contact.id, contact.role]));
  let weightSum = 0;
  let weightSquares = 0;
  let weighted = 0;
  let n = 0;
  for (const answer of context.feedback) {
    if (answer.kind !== 'nps' || answer.scale !== 'nps_0_10' || !inWindow(answer, asOfMs, windowDays)) continue;
    const role = (answer.contactId === undefined ? undefined : roleOf.get(answer.contactId)) ?? 'user';
    const weight = roleWeights[role];
    n += 1;
    weightSum += weight;
    weightSquares += weight * weight;
    weighted += weight * npsCoding[classifyNps(answer.score)];
  }
  if (weightSum === 0) return noData;
  return {
    status: 'value',
    value: (weighted / weightSum) * 100,
    n,
    detail: { nEffective: (weightSum * weightSum) / weightSquares },
  };
}

/** CSAT top-2-box: share of 1–5 CSAT answers that are 4 or 5. */
export function csatTop2Box(context: AccountContext, asOfMs: number, windowDays: number): MeasureReading {
  let satisfied = 0;
  let n = 0;
  for (const answer of context.feedback) {
    if (answer.scale !== 'csat_1_5' || !inWindow(answer, asOfMs, windowDays)) continue;
    n += 1;
    if (answer.score >= 4) satisfied += 1;
  }
  return shareReading(satisfied, n);
}

/**
 * CES 2.0 "% agree": share of 1–7 agreement answers that are 5–7. CES 1.0 (1–5 effort) answers
 * are a different measure and are never pooled in.
 */
export function cesAgree(context: AccountContext, asOfMs: number, windowDays: number): MeasureReading {
  let agree = 0;
  let n = 0;
  for (const answer of context.feedback) {
    if (answer.scale !== 'ces2_1_7' || !inWindow(answer, asOfMs, windowDays)) continue;
    n += 1;
    if (answer.score >= 5) agree += 1;
  }
  return shareReading(agree, n);
}
