import { z } from 'zod/mini';
import { opportunityStatuses, opportunityTypes } from './vocabulary';
import { currencySchema, dateSchema, idSchema, moneySchema, nameSchema } from './primitives';

/** A new-business, renewal or expansion opportunity. */
export const opportunitySchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  productLineId: z.optional(idSchema),
  name: nameSchema,
  type: z.enum(opportunityTypes),
  stage: z.string().check(z.minLength(1), z.maxLength(120)),
  status: z.enum(opportunityStatuses),
  amount: moneySchema,
  /** For renewals: the annual revenue up for renewal, so retention can be computed. */
  renewingAmount: z.optional(moneySchema),
  currency: currencySchema,
  closeDate: dateSchema,
});
export type Opportunity = z.infer<typeof opportunitySchema>;
