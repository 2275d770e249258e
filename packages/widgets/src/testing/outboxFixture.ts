import { nextBestActions } from '@kizuna/metrics';
import type { AccountContext } from '@kizuna/model';
import { OUTBOX_STORAGE_KEY, type OutboxFile } from '../outbox/outboxSchema';
import { fixtureAsOf } from './accountFixture';

/**
 * Storage holding the account's top action accepted and waiting in the outbox after a failed
 * write with `code`; the next attempt is ten minutes from now, so it stays waiting while shown.
 */
export function pendingOutbox(context: AccountContext, code: string): Record<string, string> {
  const top = nextBestActions(context, { asOf: fixtureAsOf }).proposed[0];
  if (top === undefined) return {};
  const now = Date.now();
  const file: OutboxFile = {
    version: 1,
    entries: [
      {
        idempotencyKey: top.action.idempotencyKey,
        action: { ...top.action, status: 'accepted' },
        state: 'pending',
        attempts: 1,
        enqueuedAt: new Date(now - 60_000).toISOString(),
        updatedAt: new Date(now - 60_000).toISOString(),
        nextAttemptAt: new Date(now + 10 * 60_000).toISOString(),
        lastError: { code, message: 'The CRM refused the request for now.' },
      },
    ],
  };
  return { [OUTBOX_STORAGE_KEY]: JSON.stringify(file) };
}
