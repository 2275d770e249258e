import {
  handOffDrops,
  momentOfTruthEffects,
  stageSatisfaction,
  type HandOffResult,
  type MomentOfTruthEffect,
  type StageSatisfaction,
} from '@kizuna/metrics';
import { inWindow } from './analysisTime';
import type { AnalysisContext } from './section';

/** A stage needs this many relationship NPS answers to be compared (the metrics core's default). */
export const journeyMinimumResponses = 30;
/** An answer counts as "after" a moment of truth within this many days of it. */
export const momentWindowDays = 90;

export interface JourneyReport {
  readonly stages: readonly StageSatisfaction[];
  readonly handOffs: HandOffResult;
  readonly moments: readonly MomentOfTruthEffect[];
}

/**
 * Journey findings over the feedback answered in the window: NPS and CSAT per stage, loyalty drops
 * at hand-offs, and moments of truth. Touchpoints before the window still count as exposures
 * (a moment just before the window shapes the answers in it); touchpoints after its end do not.
 */
export function journeyReport(context: AnalysisContext): JourneyReport {
  const { window } = context.options;
  const feedback = context.dataset.feedback.filter((answer) => inWindow(window, answer.respondedAt));
  const end = window === undefined ? Number.POSITIVE_INFINITY : Date.parse(window.to);
  const touchpoints = context.dataset.touchpoints.filter((touchpoint) => Date.parse(touchpoint.occurredAt) < end);
  const minimum = { minimumResponses: journeyMinimumResponses };
  return {
    stages: stageSatisfaction(feedback, minimum),
    handOffs: handOffDrops(feedback, minimum),
    moments: momentOfTruthEffects({ feedback, touchpoints }, { windowDays: momentWindowDays }),
  };
}
