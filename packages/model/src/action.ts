import { z } from 'zod';
import { actionStatuses } from './vocabulary';
import { dateTimeSchema, idSchema, moneySchema } from './primitives';

/** A next best action proposed by a playbook, and what the user did with it. */
export const actionSchema = z.strictObject({
  id: idSchema,
  accountId: idSchema,
  contactId: idSchema.optional(),
  playbookId: z.string().min(1).max(80),
  title: z.string().min(1).max(255),
  /** Evidence in words, most important first. */
  reasons: z.array(z.string().min(1)).min(1, 'must give at least one reason'),
  valueAtStake: moneySchema,
  /** Expected effect of doing it, as a probability-like share 0–1. */
  expectedEffect: z.number().min(0).max(1),
  /** 0 (whenever) … 1 (today). */
  urgency: z.number().min(0).max(1),
  status: z.enum(actionStatuses),
  /** Stable key: the same situation always yields the same key, so a write-back never duplicates. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'must be 8–80 letters, digits, _ or -'),
  createdAt: dateTimeSchema,
  dueAt: dateTimeSchema.optional(),
  snoozedUntil: dateTimeSchema.optional(),
  dismissedReason: z.string().max(1000).optional(),
  /** When it was dismissed: dismissed actions are not proposed again for a while after this. */
  dismissedAt: dateTimeSchema.optional(),
  crmTaskId: idSchema.optional(),
});
export type Action = z.infer<typeof actionSchema>;
