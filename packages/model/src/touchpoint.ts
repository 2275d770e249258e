import { z } from 'zod/mini';
import { channels, departments, journeyStages, momentsOfTruth } from './vocabulary';
import { dateTimeSchema, idSchema } from './primitives';

/** One interaction with the customer, from any department and channel, placed on the journey. */
export const touchpointSchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  contactId: z.optional(idSchema),
  teamId: z.optional(idSchema),
  occurredAt: dateTimeSchema,
  channel: z.enum(channels),
  department: z.enum(departments),
  journeyStage: z.enum(journeyStages),
  momentOfTruth: z.optional(z.enum(momentsOfTruth)),
  subject: z.string().check(z.maxLength(255)),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
