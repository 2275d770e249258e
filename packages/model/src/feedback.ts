import { z } from 'zod/mini';
import { channels, feedbackKinds, feedbackProgrammes, followUpStates, journeyStages } from './vocabulary';
import { dateTimeSchema, idSchema } from './primitives';

/**
 * Response scales. A score is only meaningful with its scale, and scales are never pooled:
 * CES 2.0 (1–7 agreement) and CES 1.0 (1–5 effort) are different measures.
 */
export const feedbackScales = {
  nps_0_10: { kind: 'nps', min: 0, max: 10 },
  csat_1_5: { kind: 'csat', min: 1, max: 5 },
  ces2_1_7: { kind: 'ces', min: 1, max: 7 },
  ces1_1_5: { kind: 'ces', min: 1, max: 5 },
} as const;
export type FeedbackScale = keyof typeof feedbackScales;
const scaleNames = Object.keys(feedbackScales) as [FeedbackScale, ...FeedbackScale[]];

/** Driver items are rated 0–10 ("how satisfied are you with …"). */
export const driverScoreSchema = z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(10, 'must be at most 10'));

export const followUpSchema = z.strictObject({
  state: z.enum(followUpStates),
  /** When the closed loop must have answered the customer. */
  dueAt: z.optional(dateTimeSchema),
  closedAt: z.optional(dateTimeSchema),
  ownerId: z.optional(idSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const feedbackSchema = z
  .strictObject({
    id: idSchema,
    accountId: idSchema,
    contactId: z.optional(idSchema),
    touchpointId: z.optional(idSchema),
    kind: z.enum(feedbackKinds),
    programme: z.enum(feedbackProgrammes),
    scale: z.enum(scaleNames),
    score: z.number().check(z.int('must be a whole number')),
    respondedAt: dateTimeSchema,
    journeyStage: z.optional(z.enum(journeyStages)),
    channel: z.optional(z.enum(channels)),
    /** Scores of driver items asked alongside the headline question, by item id. */
    driverScores: z.record(z.string().check(z.minLength(1)), driverScoreSchema),
    comment: z.optional(z.string().check(z.maxLength(32_000))),
    followUp: followUpSchema,
  })
  .check(
    z.superRefine((feedback, ctx) => {
      const scale = feedbackScales[feedback.scale];
      if (scale.kind !== feedback.kind) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale'],
          message: `${feedback.scale} is not a scale for ${feedback.kind} feedback`,
        });
        return;
      }
      if (feedback.score < scale.min || feedback.score > scale.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['score'],
          message: `must be from ${scale.min} to ${scale.max} on scale ${feedback.scale} (got ${feedback.score})`,
        });
      }
    }),
  );
export type Feedback = z.infer<typeof feedbackSchema>;
