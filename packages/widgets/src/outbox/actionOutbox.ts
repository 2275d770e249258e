import { issueMessage, type Action, type ActionWriteResult } from '@kizuna/model';
import { errorCodeOf } from '../states/ErrorState';
import { defaultBackoff, isRetryable, retryDelayMs, type BackoffPolicy } from './backoff';
import { OUTBOX_STORAGE_KEY, outboxFileSchema, type OutboxEntry } from './outboxSchema';
import type { KeyValueStorage } from './storage';

export interface ActionOutboxOptions {
  readonly storage: KeyValueStorage;
  /** The data source's `writeActions`: idempotent by key, one result per action, in order. */
  readonly write: (actions: readonly Action[]) => Promise<readonly ActionWriteResult[]>;
  /** Storage key; defaults to the versioned {@link OUTBOX_STORAGE_KEY}. */
  readonly storageKey?: string;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  /** Runs `callback` after `delayMs`; returns a cancel function. Defaults to `setTimeout`. */
  readonly schedule?: (callback: () => void, delayMs: number) => () => void;
  /** How long sent entries are kept (to show "task created" and to refuse duplicates). */
  readonly keepDoneDays?: number;
  /** Most actions per write call. */
  readonly batchSize?: number;
}

const DAY_MS = 86_400_000;

const defaultSchedule = (callback: () => void, delayMs: number) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

/**
 * A persisted outbox for accepted actions. Every change is written to storage before anything is
 * sent, so a reload or a failed request loses nothing; writes are keyed by the action's
 * idempotency key, so a retry (or a second tab sending the same entry) updates the one CRM task
 * and never makes a second. Failures that a later attempt can fix are retried with capped,
 * jittered exponential backoff; refusals that cannot be fixed wait for the user.
 */
export class ActionOutbox {
  readonly #options: ActionOutboxOptions;
  readonly #key: string;
  readonly #listeners = new Set<() => void>();
  #entries: readonly OutboxEntry[] = [];
  #flushing: Promise<void> | undefined;
  #cancelTimer: (() => void) | undefined;
  #stopped = false;
  /** Set when stored data could not be read: it was moved aside under `<key>.unreadable`, never deleted. */
  loadIssue: string | undefined;

  constructor(options: ActionOutboxOptions) {
    this.#options = options;
    this.#key = options.storageKey ?? OUTBOX_STORAGE_KEY;
    this.#entries = this.#read(true);
    this.#persist();
  }

  /** Every entry, oldest first. The array is replaced on each change (safe for `useSyncExternalStore`). */
  entries(): readonly OutboxEntry[] {
    return this.#entries;
  }

  entryFor(idempotencyKey: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.idempotencyKey === idempotencyKey);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Queues an accepted action and starts sending. Accepting the same situation again (same key)
   * does not add a second entry: a sent one stays sent, a waiting one keeps its place, a refused
   * one is tried again.
   */
  enqueue(action: Action): OutboxEntry {
    this.#reload();
    const existing = this.entryFor(action.idempotencyKey);
    const at = this.#isoNow();
    let entry: OutboxEntry;
    if (existing === undefined) {
      entry = { idempotencyKey: action.idempotencyKey, action, state: 'pending', attempts: 0, enqueuedAt: at, updatedAt: at };
      this.#set([...this.#entries, entry]);
    } else if (existing.state === 'refused') {
      entry = { ...withoutRetry(existing), action, state: 'pending', updatedAt: at };
      this.#replace(entry);
    } else {
      entry = existing;
    }
    void this.flush();
    return entry;
  }

  /** Sends a waiting or refused entry now, without waiting for its backoff. */
  retryNow(idempotencyKey: string): Promise<void> {
    this.#reload();
    const entry = this.entryFor(idempotencyKey);
    if (entry !== undefined && (entry.state === 'pending' || entry.state === 'refused')) {
      this.#replace({ ...withoutRetry(entry), state: 'pending', updatedAt: this.#isoNow() });
    }
    return this.flush();
  }

  /** Re-reads storage (another tab changed it: the `storage` event) and tells listeners. */
  reload(): void {
    this.#reload();
    this.#notify();
    this.#scheduleNext();
  }

  /** Sends every entry that is due, in batches; one flush at a time (later calls join it). */
  flush(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#flushing !== undefined) return this.#flushing;
    const run = this.#flushDue().finally(() => {
      this.#flushing = undefined;
      this.#scheduleNext();
    });
    this.#flushing = run;
    return run;
  }

  /** Stops sending and cancels timers; entries stay in storage for the next start (or page). */
  stop(): void {
    this.#stopped = true;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  /** Starts sending again after {@link stop} (a remount) and sends what is due. */
  start(): Promise<void> {
    this.#stopped = false;
    return this.flush();
  }

  async #flushDue(): Promise<void> {
    this.#reload();
    const now = this.#now();
    const due = this.#entries.filter(
      (entry) => entry.state === 'pending' && (entry.nextAttemptAt === undefined || Date.parse(entry.nextAttemptAt) <= now),
    );
    const batchSize = this.#options.batchSize ?? 25;
    for (let start = 0; start < due.length; start += batchSize) {
      if (this.#stopped) return;
      await this.#send(due.slice(start, start + batchSize));
    }
  }

  async #send(batch: readonly OutboxEntry[]): Promise<void> {
    const sendingAt = this.#isoNow();
    for (const entry of batch) this.#replace({ ...entry, state: 'sending', attempts: entry.attempts + 1, updatedAt: sendingAt }, false);
    this.#persist();
    this.#notify();
    let results: readonly ActionWriteResult[];
    try {
      results = await this.#options.write(batch.map((entry) => entry.action));
    } catch (error) {
      const code = errorCodeOf(error) ?? 'NETWORK';
      const message = error instanceof Error ? error.message : String(error);
      this.#reload();
      for (const entry of batch) this.#failed(entry.idempotencyKey, { code, message });
      this.#persist();
      this.#notify();
      return;
    }
    // Another tab (or the page that replaced this one) may have queued or sent entries while this
    // write was in flight: merge them in before saving, so they are never overwritten.
    this.#reload();
    const byKey = new Map(results.map((result) => [result.idempotencyKey, result]));
    for (const entry of batch) {
      const result = byKey.get(entry.idempotencyKey);
      if (result === undefined) this.#failed(entry.idempotencyKey, { code: 'UNAVAILABLE', message: 'The CRM did not answer for this action.' });
      else if (result.ok) this.#done(entry.idempotencyKey, result.crmTaskId);
      else this.#failed(entry.idempotencyKey, { code: result.code, message: result.message });
    }
    this.#persist();
    this.#notify();
  }

  #done(key: string, crmTaskId: string): void {
    const entry = this.entryFor(key);
    if (entry === undefined) return;
    this.#replace({ ...withoutRetry(entry), state: 'done', crmTaskId, action: { ...entry.action, crmTaskId }, updatedAt: this.#isoNow() }, false);
  }

  #failed(key: string, lastError: { code: string; message: string }): void {
    const entry = this.entryFor(key);
    // Sent meanwhile by another tab: the failure of this copy of the write changes nothing.
    if (entry === undefined || entry.state === 'done') return;
    const at = this.#isoNow();
    if (!isRetryable(lastError.code)) {
      const { nextAttemptAt: _dropped, ...rest } = entry;
      this.#replace({ ...rest, state: 'refused', lastError, updatedAt: at }, false);
      return;
    }
    const delay = retryDelayMs(entry.attempts, this.#options.random ?? Math.random, this.#options.backoff ?? defaultBackoff);
    this.#replace({ ...entry, state: 'pending', lastError, nextAttemptAt: new Date(this.#now() + delay).toISOString(), updatedAt: at }, false);
  }

  #scheduleNext(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    if (this.#stopped) return;
    const waits = this.#entries
      .filter((entry) => entry.state === 'pending')
      .map((entry) => (entry.nextAttemptAt === undefined ? 0 : Date.parse(entry.nextAttemptAt) - this.#now()));
    if (waits.length === 0) return;
    const schedule = this.#options.schedule ?? defaultSchedule;
    this.#cancelTimer = schedule(() => void this.flush(), Math.max(0, Math.min(...waits)));
  }

  /** Entries from storage; on first load, writes interrupted by a reload go back to pending and old sent entries are dropped. */
  #read(firstLoad: boolean): readonly OutboxEntry[] {
    const raw = this.#options.storage.getItem(this.#key);
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const result = outboxFileSchema.safeParse(parsed, { error: issueMessage });
    if (!result.success) {
      this.#options.storage.setItem(`${this.#key}.unreadable`, raw);
      this.#options.storage.removeItem(this.#key);
      this.loadIssue = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') || 'not JSON';
      return [];
    }
    if (!firstLoad) return result.data.entries;
    const keepSince = this.#now() - (this.#options.keepDoneDays ?? 30) * DAY_MS;
    return result.data.entries
      .filter((entry) => entry.state !== 'done' || Date.parse(entry.updatedAt) >= keepSince)
      .map((entry) => (entry.state === 'sending' ? { ...entry, state: 'pending' as const } : entry));
  }

  /** Picks up other tabs' changes before changing anything: the newer version of each entry wins. */
  #reload(): void {
    const stored = this.#read(false);
    const merged = new Map(this.#entries.map((entry) => [entry.idempotencyKey, entry]));
    for (const entry of stored) {
      const mine = merged.get(entry.idempotencyKey);
      if (mine === undefined || entry.updatedAt > mine.updatedAt) merged.set(entry.idempotencyKey, entry);
    }
    this.#entries = [...merged.values()].sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
  }

  #replace(entry: OutboxEntry, save = true): void {
    this.#entries = this.#entries.map((existing) => (existing.idempotencyKey === entry.idempotencyKey ? entry : existing));
    if (save) {
      this.#persist();
      this.#notify();
    }
  }

  #set(entries: readonly OutboxEntry[]): void {
    this.#entries = entries;
    this.#persist();
    this.#notify();
  }

  #persist(): void {
    if (this.#entries.length === 0 && this.#options.storage.getItem(this.#key) === null) return;
    this.#options.storage.setItem(this.#key, JSON.stringify({ version: 1, entries: this.#entries }));
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #isoNow(): string {
    return new Date(this.#now()).toISOString();
  }
}

function withoutRetry(entry: OutboxEntry): OutboxEntry {
  const { nextAttemptAt: _next, lastError: _error, ...rest } = entry;
  return rest;
}
