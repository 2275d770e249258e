import { actionSchema } from '@kizuna/model';
import { z } from 'zod/mini';

/**
 * Where the outbox keeps pending writes. The version is part of the key: a future format gets a
 * new key (and migrates the old one) instead of misreading it.
 */
export const OUTBOX_STORAGE_KEY = 'kizuna.outbox.v1';

/**
 * One accepted action on its way to the CRM:
 * - `pending`: waiting to be sent (first try, or a retry at `nextAttemptAt`);
 * - `sending`: a write is in flight (after a reload it is sent again: the write is idempotent);
 * - `done`: the CRM holds the task `crmTaskId`;
 * - `refused`: the CRM refused it for a reason a retry cannot fix; waits for the user.
 */
export const outboxEntrySchema = z.strictObject({
  idempotencyKey: z.string().check(z.minLength(1)),
  action: actionSchema,
  state: z.enum(['pending', 'sending', 'done', 'refused']),
  attempts: z.number().check(z.int(), z.nonnegative()),
  enqueuedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  nextAttemptAt: z.optional(z.iso.datetime({ offset: true })),
  crmTaskId: z.optional(z.string().check(z.minLength(1))),
  lastError: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxEntryState = OutboxEntry['state'];

export const outboxFileSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(outboxEntrySchema),
});
export type OutboxFile = z.infer<typeof outboxFileSchema>;
