import type { Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { ActionDecisions, DECISIONS_STORAGE_KEY } from './actionDecisions';
import { memoryStorage } from './storage';

const proposed: Action = {
  id: 'nba-0000000000000002',
  accountId: 'acc-1',
  playbookId: 'champion_quiet',
  title: 'Reconnect with Sato, your champion',
  reasons: ['Champion Sato has not been in touch for 120 days.'],
  valueAtStake: 5_000_000,
  expectedEffect: 0.2,
  urgency: 0.4,
  status: 'proposed',
  idempotencyKey: 'champion_quiet-00000000000000b2',
  createdAt: '2026-10-01T00:00:00.000Z',
};

describe('ActionDecisions', () => {
  it('keeps a dismissal with its reason across a reload', () => {
    const storage = memoryStorage();
    new ActionDecisions(storage).dismiss(proposed, 'other', '  Sato left the company ', '2026-10-01T09:00:00.000Z');
    const reloaded = new ActionDecisions(storage, { now: Date.parse('2026-10-02T00:00:00.000Z') });
    expect(reloaded.forAccount('acc-1')).toEqual([
      { ...proposed, status: 'dismissed', dismissedAt: '2026-10-01T09:00:00.000Z', dismissedReason: 'other: Sato left the company' },
    ]);
  });

  it('replaces an earlier decision on the same situation, and can be undone', () => {
    const decisions = new ActionDecisions(memoryStorage());
    decisions.snooze(proposed, '2026-10-08T00:00:00.000Z', '2026-10-01T09:00:00.000Z');
    decisions.dismiss(proposed, 'not_relevant', '', '2026-10-02T09:00:00.000Z');
    expect(decisions.actions().map((action) => [action.status, action.dismissedReason, action.snoozedUntil])).toEqual([
      ['dismissed', 'not_relevant', undefined],
    ]);
    decisions.undo(proposed.idempotencyKey);
    expect(decisions.actions()).toEqual([]);
  });

  it('refuses stored data that is not a snooze or dismissal, keeping it aside', () => {
    const storage = memoryStorage({ [DECISIONS_STORAGE_KEY]: JSON.stringify({ version: 1, actions: [proposed] }) });
    const decisions = new ActionDecisions(storage);
    expect(decisions.actions()).toEqual([]);
    expect(decisions.loadIssue).toMatch(/dismissed or snoozed/);
    expect(storage.getItem(`${DECISIONS_STORAGE_KEY}.unreadable`)).not.toBeNull();
  });
});
