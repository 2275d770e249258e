import { z } from 'zod/mini';
import { casePriorities, caseStatuses, channels } from './vocabulary';
import { dateTimeSchema, idSchema } from './primitives';

/** A support case (ticket). Time to resolution is closedAt − openedAt. */
export const supportCaseSchema = z
  .strictObject({
    id: idSchema,
    accountId: idSchema,
    contactId: z.optional(idSchema),
    teamId: z.optional(idSchema),
    productLineId: z.optional(idSchema),
    subject: z.string().check(z.maxLength(255)),
    channel: z.enum(channels),
    priority: z.enum(casePriorities),
    status: z.enum(caseStatuses),
    escalated: z.boolean(),
    openedAt: dateTimeSchema,
    firstResponseAt: z.optional(dateTimeSchema),
    closedAt: z.optional(dateTimeSchema),
    /** Resolution target in hours for this case's priority. */
    slaResolutionHours: z.optional(z.number().check(z.positive('must be positive'))),
  })
  .check(
    z.superRefine((supportCase, ctx) => {
      const opened = Date.parse(supportCase.openedAt);
      if (supportCase.status === 'closed' && supportCase.closedAt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'is required when status is closed' });
      }
      for (const field of ['firstResponseAt', 'closedAt'] as const) {
        const value = supportCase[field];
        if (value !== undefined && Date.parse(value) < opened) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'must not be before openedAt' });
        }
      }
    }),
  );
export type SupportCase = z.infer<typeof supportCaseSchema>;
