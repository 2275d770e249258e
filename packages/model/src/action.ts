import { z } from 'zod/mini';
import { actionStatuses } from './vocabulary';
import { dateTimeSchema, idSchema, moneySchema } from './primitives';

/** A next best action proposed by a playbook, and what the user did with it. */
export const actionSchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  contactId: z.optional(idSchema),
  playbookId: z.string().check(z.minLength(1), z.maxLength(80)),
  title: z.string().check(z.minLength(1), z.maxLength(255)),
  /** Evidence in words, most important first. */
  reasons: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'must give at least one reason')),
  valueAtStake: moneySchema,
  /** Expected effect of doing it, as a probability-like share 0–1. */
  expectedEffect: z.number().check(z.minimum(0), z.maximum(1)),
  /** 0 (whenever) … 1 (today). */
  urgency: z.number().check(z.minimum(0), z.maximum(1)),
  status: z.enum(actionStatuses),
  /** Stable key: the same situation always yields the same key, so a write-back never duplicates. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,80}$/, 'must be 8–80 letters, digits, _ or -')),
  createdAt: dateTimeSchema,
  dueAt: z.optional(dateTimeSchema),
  snoozedUntil: z.optional(dateTimeSchema),
  dismissedReason: z.optional(z.string().check(z.maxLength(1000))),
  /** When it was dismissed: dismissed actions are not proposed again for a while after this. */
  dismissedAt: z.optional(dateTimeSchema),
  crmTaskId: z.optional(idSchema),
});
export type Action = z.infer<typeof actionSchema>;
