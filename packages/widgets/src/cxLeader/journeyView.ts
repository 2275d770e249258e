import { handOffDrops, momentOfTruthEffects, type HandOffResult, type MomentOfTruthEffect } from '@kizuna/metrics';
import type { Feedback, Touchpoint } from '@kizuna/model';

/** A stage needs this many relationship NPS answers to be compared (the metrics core's default). */
export const journeyMinimumResponses = 30;
/** An answer counts as "after" a moment of truth within this many days of it. */
export const momentWindowDays = 90;

/** NPS and CSAT per journey stage, and the hand-offs where loyalty really drops. */
export function journeyView(feedback: readonly Feedback[]): HandOffResult {
  return handOffDrops(feedback, { minimumResponses: journeyMinimumResponses });
}

/**
 * Moments of truth ranked by the loyalty that follows them (Holm-adjusted). Touchpoints after the
 * window's end are not exposures; those before its start are.
 */
export function momentsView(feedback: readonly Feedback[], touchpoints: readonly Touchpoint[], windowEnd: string): MomentOfTruthEffect[] {
  const end = Date.parse(windowEnd);
  return momentOfTruthEffects(
    { feedback, touchpoints: touchpoints.filter((touchpoint) => Date.parse(touchpoint.occurredAt) < end) },
    { windowDays: momentWindowDays },
  );
}
