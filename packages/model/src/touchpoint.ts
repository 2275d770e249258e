import { z } from 'zod';
import { channels, departments, journeyStages, momentsOfTruth } from './vocabulary';
import { dateTimeSchema, idSchema } from './primitives';

/** One interaction with the customer, from any department and channel, placed on the journey. */
export const touchpointSchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  contactId: idSchema.optional(),
  teamId: idSchema.optional(),
  occurredAt: dateTimeSchema,
  channel: z.enum(channels),
  department: z.enum(departments),
  journeyStage: z.enum(journeyStages),
  momentOfTruth: z.enum(momentsOfTruth).optional(),
  subject: z.string().max(255),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
