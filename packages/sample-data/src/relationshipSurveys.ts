import type { Contact, ContactRole } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { dayMs, hourMs, toDateTime, type Period } from './calendar';
import { followUpDueDays, followUpFor } from './followUp';
import { lifecycleStageAt } from './journey';
import { createRandom, type Random } from './random';
import { relationshipScore } from './relationshipScore';
import { streams } from './streams';
import type { FeedbackDraft } from './supportCases';

/** Chance that a contact answers one quarterly relationship wave, by role. */
export const waveResponseRate: Readonly<Record<ContactRole, number>> = {
  decision_maker: 0.15,
  executive_sponsor: 0.1,
  champion: 0.17,
  influencer: 0.12,
  user: 0.08,
};

const comments = {
  detractor: ['Support takes too long to respond.', 'Since go-live nobody checks in with us.', 'Too expensive for what we use.', 'Documentation is hard to follow.'],
  passive: ['Works well, but the roadmap is unclear.', 'Fine overall; onboarding was a lot of work.', 'Good product, average service.'],
  promoter: ['Our account team really understands our business.', 'Reliable and easy to use.', 'Great support during the year-end close.'],
} as const;

function commentFor(random: Random, score: number): string | undefined {
  if (!random.chance(0.25)) return undefined;
  if (score <= 6) return random.pick(comments.detractor);
  return score <= 8 ? random.pick(comments.passive) : random.pick(comments.promoter);
}

export interface SurveyInput {
  readonly seed: number;
  readonly planted: boolean;
  readonly weakUnit: boolean;
  readonly account: AccountPlan;
  readonly contacts: readonly Contact[];
  readonly periods: readonly Period[];
  /** Reported engagement of the account's serving team, by period index. */
  readonly engagement: readonly number[] | undefined;
  readonly asOfMs: number;
}

/**
 * Relationship NPS: one wave a quarter (sent 15–80 days into the quarter, answered within two
 * weeks); each contact answers with a role-dependent chance, rating likelihood to recommend and
 * the six driver items.
 */
export function generateRelationshipSurveys(input: SurveyInput): FeedbackDraft[] {
  const { account, periods, asOfMs } = input;
  // Who answers and when comes from one stream, what they answer from another: the control
  // organisation then has exactly the same responses as the planted one, with other scores.
  const random = createRandom(input.seed, streams.surveys, account.index);
  const answerRandom = createRandom(input.seed, streams.surveyAnswers, account.index);
  const answers: FeedbackDraft[] = [];
  for (const period of periods) {
    const waveMs = period.startMs + random.int(15, 80) * dayMs;
    for (const contact of input.contacts) {
      if (!random.chance(waveResponseRate[contact.role])) continue;
      const respondedMs = waveMs + random.int(8, 14 * 24) * hourMs + random.int(0, 3599) * 1000;
      if (respondedMs < account.customerSinceMs + 7 * dayMs || respondedMs >= Math.min(period.endMs, account.activeEndMs)) continue;
      const stage = lifecycleStageAt(account, respondedMs);
      const previousEngagement = input.planted && period.index > 0 ? input.engagement?.[period.index - 1] : undefined;
      const { score, driverScores } = relationshipScore(answerRandom, {
        planted: input.planted,
        weakUnit: input.planted && input.weakUnit,
        stage,
        previousEngagement,
        accountHalo: account.halo,
      });
      const comment = commentFor(answerRandom, score);
      answers.push({
        accountId: account.id,
        contactId: contact.id,
        kind: 'nps',
        programme: 'relationship',
        scale: 'nps_0_10',
        score,
        respondedAt: toDateTime(respondedMs),
        ...(stage === undefined ? {} : { journeyStage: stage }),
        channel: 'email',
        driverScores,
        ...(comment === undefined ? {} : { comment }),
        followUp: followUpFor(answerRandom, score <= 6, respondedMs, asOfMs, followUpDueDays.relationship),
      });
    }
  }
  return answers;
}
