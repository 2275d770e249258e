import type { Action } from '@kizuna/model';
import { scriptedSource } from '@kizuna/widgets';
import { describe, expect, it } from 'vitest';
import { withAcceptedActionListener, type AcceptedAction } from './actionNotifications';

const action = (key: string): Action => ({
  id: `act-${key}`,
  accountId: 'acc-1',
  playbookId: 'detractor-recovery',
  title: 'Call the detractor back',
  reasons: ['NPS answer of 3 last week'],
  valueAtStake: 1_000_000,
  expectedEffect: 0.3,
  urgency: 0.8,
  status: 'accepted',
  idempotencyKey: `key-${key}-0001`,
  createdAt: '2026-09-30T00:00:00Z',
});

describe('withAcceptedActionListener', () => {
  it('tells the listener about each action written back, and returns the results unchanged', async () => {
    const source = scriptedSource({ writes: ['write'] });
    const heard: AcceptedAction[] = [];
    const listened = withAcceptedActionListener(source, (accepted) => heard.push(accepted));
    const results = await listened.writeActions([action('a'), action('b')]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(heard).toEqual([
      { idempotencyKey: 'key-a-0001', accountId: 'acc-1', crmTaskId: 'task-0001', created: true },
      { idempotencyKey: 'key-b-0001', accountId: 'acc-1', crmTaskId: 'task-0002', created: true },
    ]);
    await listened.writeActions([action('a')]);
    expect(heard.at(-1)).toEqual({ idempotencyKey: 'key-a-0001', accountId: 'acc-1', crmTaskId: 'task-0001', created: false });
  });

  it('stays silent about refused writes, and survives a listener that throws', async () => {
    const refused = scriptedSource({ writes: [{ refuse: { code: 'VALIDATION', message: 'Subject is required' } }] });
    const heard: AcceptedAction[] = [];
    const results = await withAcceptedActionListener(refused, (accepted) => heard.push(accepted)).writeActions([action('a')]);
    expect(results[0]?.ok).toBe(false);
    expect(heard).toEqual([]);
    const throwing = withAcceptedActionListener(scriptedSource(), () => {
      throw new Error('page handler failed');
    });
    await expect(throwing.writeActions([action('c')])).resolves.toHaveLength(1);
  });

  it('passes every other call straight through', async () => {
    const source = scriptedSource({ accounts: [[{ id: 'acc-1', name: 'Acme', businessUnitId: 'bu-1', segmentId: 'seg-1', arr: 1, currency: 'JPY' }]] });
    const listened = withAcceptedActionListener(source, () => undefined);
    expect(await listened.listAccounts()).toHaveLength(1);
    expect((await listened.currentUser()).name).toBe('Aiko Tanaka');
    expect(source.calls.listAccounts).toBe(1);
    expect(listened.kind).toBe(source.kind);
  });
});
