import { z } from 'zod/mini';
import { accountStatuses, contactRoles } from './vocabulary';
import { currencySchema, dateSchema, idSchema, moneySchema, nameSchema } from './primitives';

export const accountSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    businessUnitId: idSchema,
    productLineId: idSchema,
    segmentId: idSchema,
    /** The team accountable for the relationship; the link between CX and EX. */
    servingTeamId: idSchema,
    /** Annual recurring revenue, in `currency`. */
    arr: moneySchema,
    currency: currencySchema,
    industry: z.optional(z.string().check(z.maxLength(120))),
    status: z.enum(accountStatuses),
    customerSince: dateSchema,
    renewalDate: z.optional(dateSchema),
    churnedOn: z.optional(dateSchema),
    onboardingStartedOn: z.optional(dateSchema),
    onboardingCompletedOn: z.optional(dateSchema),
  })
  .check(
    z.superRefine((account, ctx) => {
      if (account.status === 'churned' && account.churnedOn === undefined) {
        ctx.addIssue({ code: 'custom', path: ['churnedOn'], message: 'is required when status is churned' });
      }
      if (account.status === 'active' && account.churnedOn !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['churnedOn'], message: 'must be empty while the account is active' });
      }
      if (
        account.onboardingStartedOn !== undefined &&
        account.onboardingCompletedOn !== undefined &&
        account.onboardingCompletedOn < account.onboardingStartedOn
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['onboardingCompletedOn'],
          message: 'must not be before onboardingStartedOn',
        });
      }
    }),
  );
export type Account = z.infer<typeof accountSchema>;

export const contactSchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  name: nameSchema,
  email: z.optional(z.email({ error: 'must be an e-mail address' })),
  title: z.optional(z.string().check(z.maxLength(255))),
  role: z.enum(contactRoles),
});
export type Contact = z.infer<typeof contactSchema>;
