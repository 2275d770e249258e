import { actionSchema, issueMessage, type Action } from '@kizuna/model';
import { z } from 'zod/mini';
import type { KeyValueStorage } from './storage';

/** Where snoozes and dismissals are kept; versioned like the outbox. */
export const DECISIONS_STORAGE_KEY = 'kizuna.actionDecisions.v1';

const decisionsFileSchema = z.strictObject({
  version: z.literal(1),
  actions: z.array(actionSchema.check(z.refine((action) => action.status === 'dismissed' || action.status === 'snoozed', 'must be dismissed or snoozed'))),
});

/** Why an action was dismissed: a closed list, so they can be counted; `other` takes free text. */
export const dismissReasons = ['not_relevant', 'already_handled', 'wrong_timing', 'wrong_contact', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];

/** The stored text of a dismissal reason: its code, and for `other` the user's words. */
export function dismissedReasonText(reason: DismissReason, note: string): string {
  const trimmed = note.trim().slice(0, 900);
  return trimmed === '' ? reason : `${reason}: ${trimmed}`;
}

const DAY_MS = 86_400_000;

/**
 * Snoozed and dismissed actions of this browser, persisted and validated on read. They are handed
 * to the metrics core with the account's actions, which holds the same situation back (same
 * idempotency key) until the snooze ends or the dismissal window passes.
 */
export class ActionDecisions {
  readonly #storage: KeyValueStorage;
  readonly #key: string;
  readonly #listeners = new Set<() => void>();
  #actions: readonly Action[];
  loadIssue: string | undefined;

  constructor(storage: KeyValueStorage, options: { storageKey?: string; now?: number; keepDays?: number } = {}) {
    this.#storage = storage;
    this.#key = options.storageKey ?? DECISIONS_STORAGE_KEY;
    const keepSince = (options.now ?? Date.now()) - (options.keepDays ?? 365) * DAY_MS;
    this.#actions = this.#read().filter((action) => Date.parse(action.snoozedUntil ?? action.dismissedAt ?? action.createdAt) >= keepSince);
  }

  actions(): readonly Action[] {
    return this.#actions;
  }

  forAccount(accountId: string): readonly Action[] {
    return this.#actions.filter((action) => action.accountId === accountId);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  snooze(action: Action, until: string, at: string): Action {
    const snoozed: Action = { ...action, status: 'snoozed', snoozedUntil: until };
    this.#put(snoozed, at);
    return snoozed;
  }

  dismiss(action: Action, reason: DismissReason, note: string, at: string): Action {
    const dismissed: Action = { ...action, status: 'dismissed', dismissedAt: at, dismissedReason: dismissedReasonText(reason, note) };
    this.#put(dismissed, at);
    return dismissed;
  }

  /** Takes a snooze or dismissal back: the action may be proposed again at once. */
  undo(idempotencyKey: string): void {
    this.#actions = this.#actions.filter((action) => action.idempotencyKey !== idempotencyKey);
    this.#save();
  }

  reload(): void {
    this.#actions = this.#read();
    for (const listener of this.#listeners) listener();
  }

  #put(action: Action, at: string): void {
    const { snoozedUntil, dismissedAt, dismissedReason, ...rest } = action;
    const clean: Action = {
      ...rest,
      createdAt: action.createdAt <= at ? action.createdAt : at,
      ...(action.status === 'snoozed' && snoozedUntil !== undefined ? { snoozedUntil } : {}),
      ...(action.status === 'dismissed' && dismissedAt !== undefined ? { dismissedAt } : {}),
      ...(action.status === 'dismissed' && dismissedReason !== undefined ? { dismissedReason } : {}),
    };
    this.#actions = [...this.#actions.filter((existing) => existing.idempotencyKey !== action.idempotencyKey), clean];
    this.#save();
  }

  #save(): void {
    this.#storage.setItem(this.#key, JSON.stringify({ version: 1, actions: this.#actions }));
    for (const listener of this.#listeners) listener();
  }

  #read(): Action[] {
    const raw = this.#storage.getItem(this.#key);
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const result = decisionsFileSchema.safeParse(parsed, { error: issueMessage });
    if (result.success) return result.data.actions;
    this.#storage.setItem(`${this.#key}.unreadable`, raw);
    this.#storage.removeItem(this.#key);
    this.loadIssue = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') || 'not JSON';
    return [];
  }
}
