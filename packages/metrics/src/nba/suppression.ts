import type { Action } from '@kizuna/model';
import { DAY_MS } from '../health/timeline';

/** Why a candidate is not proposed: the user already acted on the same situation (same idempotency key). */
export interface Suppression {
  readonly reason: 'already_done' | 'already_accepted' | 'dismissed_recently' | 'snoozed';
  readonly existingActionId: string;
  /** When it may be proposed again (dismissal window end or snooze end); absent for done/accepted. */
  readonly until?: string;
}

/** What the existing actions say about a candidate's key. */
export type ExistingMatch =
  | { readonly kind: 'new' }
  /** Already proposed (perhaps already a CRM task): propose again under the existing id, refreshed. */
  | { readonly kind: 'refresh'; readonly existing: Action }
  | { readonly kind: 'suppressed'; readonly suppression: Suppression };

/** When the action was dismissed; records written before `dismissedAt` existed fall back to `createdAt`. */
function dismissedAtOf(action: Action): string {
  return action.dismissedAt ?? action.createdAt;
}

/** The instant a dismissed or snoozed action stops holding its situation back. */
function holdEnd(action: Action, windowDays: number): number | undefined {
  if (action.status === 'dismissed') return Date.parse(dismissedAtOf(action)) + windowDays * DAY_MS;
  if (action.status !== 'snoozed') return undefined;
  return action.snoozedUntil === undefined ? Date.parse(action.createdAt) + windowDays * DAY_MS : Date.parse(action.snoozedUntil);
}

/**
 * Matches a candidate against the account's existing actions with the same idempotency key.
 * Precedence: done, then accepted (never proposed again), then a dismissal inside
 * `dismissalWindowDays` or a snooze before `snoozedUntil` (the later end wins), then an existing
 * proposal (refreshed), else new.
 */
export function matchExisting(sameKey: readonly Action[], asOfMs: number, dismissalWindowDays: number): ExistingMatch {
  for (const status of ['done', 'accepted'] as const) {
    const existing = sameKey.find((action) => action.status === status);
    if (existing !== undefined) return { kind: 'suppressed', suppression: { reason: status === 'done' ? 'already_done' : 'already_accepted', existingActionId: existing.id } };
  }
  let hold: { readonly action: Action; readonly end: number } | undefined;
  for (const action of sameKey) {
    const end = holdEnd(action, dismissalWindowDays);
    if (end !== undefined && end > asOfMs && (hold === undefined || end > hold.end)) hold = { action, end };
  }
  if (hold !== undefined) {
    const reason = hold.action.status === 'dismissed' ? 'dismissed_recently' : 'snoozed';
    return { kind: 'suppressed', suppression: { reason, existingActionId: hold.action.id, until: new Date(hold.end).toISOString() } };
  }
  const proposed = sameKey.filter((action) => action.status === 'proposed').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const first = proposed[0];
  return first === undefined ? { kind: 'new' } : { kind: 'refresh', existing: first };
}

/** The account's existing actions grouped by idempotency key. */
export function actionsByKey(actions: readonly Action[]): Map<string, Action[]> {
  const byKey = new Map<string, Action[]>();
  for (const action of actions) {
    const group = byKey.get(action.idempotencyKey);
    if (group === undefined) byKey.set(action.idempotencyKey, [action]);
    else group.push(action);
  }
  return byKey;
}
