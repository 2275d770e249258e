import type { Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { scriptedSource } from '../testing/scriptedDataSource';
import { ActionOutbox } from './actionOutbox';
import { OUTBOX_STORAGE_KEY } from './outboxSchema';
import { memoryStorage } from './storage';

const accepted: Action = {
  id: 'nba-0000000000000001',
  accountId: 'acc-1',
  playbookId: 'support_backlog',
  title: 'Review the open support cases with the customer',
  reasons: ['4 support cases open (more than 3).'],
  valueAtStake: 12_000_000,
  expectedEffect: 0.15,
  urgency: 0.6,
  status: 'accepted',
  idempotencyKey: 'support_backlog-00000000000000a1',
  createdAt: '2026-09-30T00:00:00.000Z',
};

/** A clock and a scheduler the test moves by hand. */
function manualTime(start = Date.parse('2026-10-01T09:00:00.000Z')) {
  let now = start;
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  return {
    now: () => now,
    schedule: (run: () => void, delay: number) => {
      const timer = { at: now + delay, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    /** Moves the clock and fires what came due; returns how many timers fired. */
    advance(ms: number): number {
      now += ms;
      const due = timers.filter((timer) => !timer.cancelled && timer.at <= now);
      for (const timer of due) {
        timer.cancelled = true;
        timer.run();
      }
      return due.length;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ActionOutbox', () => {
  it('persists an accepted action before sending, then records the CRM task', async () => {
    const storage = memoryStorage();
    const source = scriptedSource();
    const time = manualTime();
    const outbox = new ActionOutbox({ storage, write: (actions) => source.writeActions(actions), now: time.now, schedule: time.schedule });
    const sending = outbox.enqueue(accepted);
    expect(sending.state).toBe('pending');
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY) ?? '{}')).toMatchObject({ version: 1, entries: [{ idempotencyKey: accepted.idempotencyKey }] });
    await outbox.flush();
    expect(outbox.entryFor(accepted.idempotencyKey)).toMatchObject({ state: 'done', crmTaskId: 'task-0001', attempts: 1 });
    expect(source.tasks.size).toBe(1);
  });

  it('never writes the same action twice, however often it is accepted', async () => {
    const source = scriptedSource();
    const outbox = new ActionOutbox({ storage: memoryStorage(), write: (actions) => source.writeActions(actions), schedule: manualTime().schedule });
    outbox.enqueue(accepted);
    outbox.enqueue(accepted);
    await outbox.flush();
    outbox.enqueue(accepted);
    await outbox.flush();
    expect(outbox.entries()).toHaveLength(1);
    expect(source.calls.writeActions.flat()).toHaveLength(1);
  });

  it('retries a network failure with backoff and loses nothing across a reload', async () => {
    const storage = memoryStorage();
    const source = scriptedSource({ writes: [new Error('Failed to fetch'), 'write'] });
    const time = manualTime();
    const options = { storage, write: source.writeActions.bind(source), now: time.now, schedule: time.schedule, random: () => 0.5 };
    const first = new ActionOutbox(options);
    first.enqueue(accepted);
    await first.flush();
    const waiting = first.entryFor(accepted.idempotencyKey);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { code: 'NETWORK', message: 'Failed to fetch' } });
    expect(Date.parse(waiting?.nextAttemptAt ?? '') - time.now()).toBe(1_000);
    first.stop();

    // The page reloads before the retry: a new outbox reads the entry back and sends it when due.
    const second = new ActionOutbox(options);
    expect(second.entryFor(accepted.idempotencyKey)?.state).toBe('pending');
    await second.flush();
    expect(source.calls.writeActions).toHaveLength(1);
    expect(time.advance(1_000)).toBe(1);
    await settle();
    expect(second.entryFor(accepted.idempotencyKey)).toMatchObject({ state: 'done', attempts: 2, crmTaskId: 'task-0001' });
    expect(source.tasks.size).toBe(1);
  });

  it('sends again a write that a reload interrupted; the idempotent write keeps one task', async () => {
    const storage = memoryStorage();
    const source = scriptedSource({ writes: ['pending', 'write'] });
    const options = { storage, write: source.writeActions.bind(source), schedule: manualTime().schedule };
    const first = new ActionOutbox(options);
    first.enqueue(accepted);
    await settle();
    expect(first.entryFor(accepted.idempotencyKey)?.state).toBe('sending');
    first.stop();
    const second = new ActionOutbox(options);
    expect(second.entryFor(accepted.idempotencyKey)?.state).toBe('pending');
    await second.flush();
    expect(second.entryFor(accepted.idempotencyKey)?.state).toBe('done');
    expect(source.tasks.size).toBe(1);
  });

  it('holds a refusal that a retry cannot fix for the user, and sends it when asked', async () => {
    const source = scriptedSource({ writes: [{ refuse: { code: 'PERMISSION_DENIED', message: 'Cannot create tasks' } }, 'write'] });
    const time = manualTime();
    const outbox = new ActionOutbox({ storage: memoryStorage(), write: source.writeActions.bind(source), now: time.now, schedule: time.schedule });
    outbox.enqueue(accepted);
    await outbox.flush();
    expect(outbox.entryFor(accepted.idempotencyKey)).toMatchObject({ state: 'refused', lastError: { code: 'PERMISSION_DENIED' } });
    expect(time.advance(60 * 60_000)).toBe(0);
    await outbox.retryNow(accepted.idempotencyKey);
    expect(outbox.entryFor(accepted.idempotencyKey)?.state).toBe('done');
  });

  it('sees what another tab is sending through the same storage, and does not send it a second time', async () => {
    const storage = memoryStorage();
    const source = scriptedSource();
    const time = manualTime();
    const options = { storage, write: source.writeActions.bind(source), schedule: time.schedule };
    const thisTab = new ActionOutbox(options);
    const otherTab = new ActionOutbox({ ...options, write: () => new Promise<never>(() => undefined) });
    otherTab.enqueue(accepted);
    thisTab.reload();
    expect(thisTab.entryFor(accepted.idempotencyKey)?.state).toBe('sending');
    await thisTab.flush();
    thisTab.enqueue(accepted);
    await thisTab.flush();
    expect(source.tasks.size).toBe(0);
    otherTab.stop();
  });

  it('moves unreadable stored data aside instead of misreading or deleting it', () => {
    const storage = memoryStorage({ [OUTBOX_STORAGE_KEY]: '{"version":1,"entries":[{"idempotencyKey":""}]}' });
    const outbox = new ActionOutbox({ storage, write: () => Promise.resolve([]) });
    expect(outbox.entries()).toEqual([]);
    expect(outbox.loadIssue).toMatch(/entries/);
    expect(storage.getItem(`${OUTBOX_STORAGE_KEY}.unreadable`)).toContain('idempotencyKey');
  });

  it('drops sent entries after the keeping period, never waiting ones', () => {
    const entry = (key: string, state: 'done' | 'pending') => ({
      idempotencyKey: key,
      action: { ...accepted, idempotencyKey: key },
      state,
      attempts: 1,
      enqueuedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const storage = memoryStorage({
      [OUTBOX_STORAGE_KEY]: JSON.stringify({ version: 1, entries: [entry('old-done-key', 'done'), entry('old-pending-key', 'pending')] }),
    });
    const outbox = new ActionOutbox({ storage, write: () => new Promise(() => undefined), now: () => Date.parse('2026-10-01T00:00:00.000Z'), schedule: manualTime().schedule });
    expect(outbox.entries().map((item) => item.idempotencyKey)).toEqual(['old-pending-key']);
  });
});
