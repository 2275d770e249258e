import { fnv1a64 } from './fnv1a';

/**
 * The stable key of a situation: `<playbook>-<16 hex digits>`, the hash of the playbook id, the
 * account id and the ids (or periods) of the records that triggered it. The same situation gives
 * the same key on every run and reload; a different trigger gives a different key. Matches the
 * model's `^[A-Za-z0-9_-]{8,80}$`.
 */
export function idempotencyKey(playbookId: string, accountId: string, triggers: readonly string[]): string {
  const slug = playbookId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60) || 'action';
  return `${slug}-${fnv1a64(JSON.stringify([playbookId, accountId, ...triggers]))}`;
}

/** The action id that goes with a key: `nba-` and the key's hash (fits the model's 64-character ids). */
export function actionIdFor(key: string): string {
  return `nba-${key.slice(-16)}`;
}
