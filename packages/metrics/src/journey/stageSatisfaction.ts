import { journeyStages, type Feedback, type JourneyStage } from '@kizuna/model';
import { clusteredNps, type ClusteredNpsResult } from './clusteredNps';
import { isCsatAnswer, topTwoBox, type TopTwoBox } from './topTwoBox';

/** Relationship loyalty and touchpoint satisfaction at one journey stage. */
export interface StageSatisfaction {
  readonly stage: JourneyStage;
  /** NPS of relationship answers given while the account was in this stage. */
  readonly nps: ClusteredNpsResult;
  /** CSAT top-2-box of interaction answers about this stage's touchpoints; `null` without answers. */
  readonly csat: TopTwoBox | null;
}

export interface StageSatisfactionOptions {
  readonly level?: number;
  /** Below this many NPS answers a stage's NPS carries `small_sample`; default 30. */
  readonly minimumResponses?: number;
}

/**
 * Per journey stage, in the model's order (awareness … advocacy): relationship NPS (adjusted-Wald
 * interval widened for account clustering) and CSAT top-2-box (Wilson). Only feedback carrying a
 * `journeyStage` counts; a stage without answers has NPS `null` with a `no_data` warning.
 */
export function stageSatisfaction(feedback: readonly Feedback[], options: StageSatisfactionOptions = {}): StageSatisfaction[] {
  const level = options.level ?? 0.95;
  const minimum = options.minimumResponses ?? 30;
  return journeyStages.map((stage) => {
    const atStage = feedback.filter((f) => f.journeyStage === stage);
    const nps = clusteredNps(
      atStage.filter((f) => f.kind === 'nps' && f.programme === 'relationship').map((f) => ({ score: f.score, accountId: f.accountId })),
      level,
    );
    const warnings = nps.n > 0 && nps.n < minimum ? [{ code: 'small_sample' as const, detail: { n: nps.n, minimum } }] : nps.warnings;
    return { stage, nps: { ...nps, warnings }, csat: topTwoBox(atStage.filter(isCsatAnswer), level) };
  });
}
