import { z } from 'zod';
import { opportunityStatuses, opportunityTypes } from './vocabulary';
import { currencySchema, dateSchema, idSchema, moneySchema, nameSchema } from './primitives';

/** A new-business, renewal or expansion opportunity. */
export const opportunitySchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  productLineId: idSchema.optional(),
  name: nameSchema,
  type: z.enum(opportunityTypes),
  stage: z.string().min(1).max(120),
  status: z.enum(opportunityStatuses),
  amount: moneySchema,
  /** For renewals: the annual revenue up for renewal, so retention can be computed. */
  renewingAmount: moneySchema.optional(),
  currency: currencySchema,
  closeDate: dateSchema,
});
export type Opportunity = z.infer<typeof opportunitySchema>;
