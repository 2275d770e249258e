import type { Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { fixtureAsOf, hoshinoContext } from '../../testing/accountFixture';
import { journeyTimeline } from './journeyTimeline';

const action = (overrides: Partial<Action>): Action => ({
  id: 'act-1',
  accountId: hoshinoContext.account.id,
  playbookId: 'dm_detractor',
  title: 'Call the decision maker',
  reasons: ['The decision maker answered NPS 4.'],
  valueAtStake: 1_000_000,
  expectedEffect: 0.3,
  urgency: 0.8,
  status: 'accepted',
  idempotencyKey: 'dm_detractor-0001aaaa',
  createdAt: '2026-09-20T10:00:00Z',
  ...overrides,
});

describe('journeyTimeline', () => {
  it('adds the CRM tasks created from accepted actions in the window, newest first, as times not strings', () => {
    const context = {
      ...hoshinoContext,
      actions: [
        action({ id: 'a', crmTaskId: 'task-a', createdAt: '2026-09-20T10:00:00Z' }),
        // 2026-09-30T23:30Z: inside the window, though its text reads "2026-10-01", later than "now".
        action({ id: 'b', crmTaskId: 'task-b', idempotencyKey: 'dm_detractor-0002bbbb', createdAt: '2026-10-01T08:30:00+09:00' }),
        // 2026-04-03T23:00Z: just before the window opens (2026-04-04T00:00Z), though its text reads "2026-04-04T08".
        action({ id: 'e', crmTaskId: 'task-e', idempotencyKey: 'dm_detractor-0005eeee', createdAt: '2026-04-04T08:00:00+09:00' }),
        action({ id: 'c', idempotencyKey: 'dm_detractor-0003cccc' }),
        action({ id: 'd', crmTaskId: 'task-d', idempotencyKey: 'dm_detractor-0004dddd', createdAt: '2025-01-10T10:00:00Z' }),
      ],
    };
    const timeline = journeyTimeline(context, { asOf: fixtureAsOf, days: 180 });
    expect(timeline.tasks.map((task) => task.action.crmTaskId)).toEqual(['task-b', 'task-a']);
    expect(journeyTimeline(context, { asOf: fixtureAsOf, days: 180, department: 'sales' }).tasks).toEqual([]);
  });
});
