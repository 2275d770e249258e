import { sampleSizeWarnings, type KpiWarning } from '@kizuna/metrics';
import { journeyStages, type Feedback, type FeedbackKind, type JourneyStage, type Touchpoint } from '@kizuna/model';

/** Which listening posts exist at a journey stage, and how much of the stage they hear. */
export interface StageCoverage {
  readonly stage: JourneyStage;
  readonly touchpoints: number;
  /** Touchpoints that received at least one answer. */
  readonly surveyedTouchpoints: number;
  /** surveyed / touchpoints, or `null` without touchpoints. */
  readonly coverage: number | null;
  /** Answers at the stage by kind (NPS, CSAT, CES). */
  readonly answers: Readonly<Record<FeedbackKind, number>>;
  /** No answers at all: a blind spot. */
  readonly blindSpot: boolean;
  /**
   * The metrics core's minimum-n warnings on the stage's answers (all kinds together): `small_sample`
   * when the stage is heard through fewer answers than the minimum, `no_data` when not at all.
   */
  readonly sampleWarnings: readonly KpiWarning[];
}

/**
 * Listening-post coverage along the journey: per stage, touchpoints and the share that were
 * surveyed, and answers by kind. A stage with touchpoints but no answers is a blind spot; one
 * with fewer answers than the metrics core's minimum is heard only indicatively (`small_sample`).
 */
export function coverageView(feedback: readonly Feedback[], touchpoints: readonly Touchpoint[]): StageCoverage[] {
  const surveyed = new Set(feedback.flatMap((answer) => (answer.touchpointId === undefined ? [] : [answer.touchpointId])));
  return journeyStages.map((stage) => {
    const atStage = touchpoints.filter((touchpoint) => touchpoint.journeyStage === stage);
    const answers: Record<FeedbackKind, number> = { nps: 0, csat: 0, ces: 0 };
    for (const answer of feedback) if (answer.journeyStage === stage) answers[answer.kind] += 1;
    const surveyedCount = atStage.filter((touchpoint) => surveyed.has(touchpoint.id)).length;
    const total = answers.nps + answers.csat + answers.ces;
    return {
      stage,
      touchpoints: atStage.length,
      surveyedTouchpoints: surveyedCount,
      coverage: atStage.length > 0 ? surveyedCount / atStage.length : null,
      answers,
      blindSpot: total === 0 && atStage.length > 0,
      sampleWarnings: sampleSizeWarnings(total),
    };
  });
}
