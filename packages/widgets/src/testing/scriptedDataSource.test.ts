import type { Action, CanonicalDataset } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { accountContextWith, datasetInScope, npsAnswer, scriptedDataSource, scriptedSource, tenNpsAnswers } from './scriptedDataSource';

const action: Action = {
  id: 'a1',
  accountId: 'acc-1',
  playbookId: 'support_backlog',
  title: 'Call about open cases',
  reasons: ['3 cases open for more than 10 days'],
  valueAtStake: 1_000_000,
  expectedEffect: 0.2,
  urgency: 0.5,
  status: 'accepted',
  idempotencyKey: 'key-00000001',
  createdAt: '2026-09-30T00:00:00.000Z',
};

describe('scriptedSource', () => {
  it('answers each method from its own script, the last outcome repeating, and records the calls', async () => {
    const failure = Object.assign(new Error('busy'), { code: 'RATE_LIMITED' });
    const source = scriptedDataSource(failure, accountContextWith(tenNpsAnswers));
    await expect(source.getAccountContext('acc-1')).rejects.toBe(failure);
    expect((await source.getAccountContext('acc-1')).feedback).toHaveLength(10);
    expect((await source.getAccountContext('acc-1')).feedback).toHaveLength(10);
    expect(source.calls.getAccountContext).toEqual(['acc-1', 'acc-1', 'acc-1']);
    expect(await source.runAggregatePlan({ kpi: 'nps', queries: {} })).toMatchObject({ pushed: false });
    expect((await source.currentUser()).locale).toBe('en-US');
  });

  it('writes tasks idempotently: the same key twice is one task, updated', async () => {
    const source = scriptedSource({ writes: [new Error('network down'), 'write'] });
    await expect(source.writeActions([action])).rejects.toThrow('network down');
    const [first] = await source.writeActions([action]);
    const [second] = await source.writeActions([{ ...action, title: 'Call today' }]);
    expect(first).toEqual({ idempotencyKey: 'key-00000001', ok: true, crmTaskId: 'task-0001', created: true });
    expect(second).toEqual({ idempotencyKey: 'key-00000001', ok: true, crmTaskId: 'task-0001', created: false });
    expect(source.tasks.size).toBe(1);
    expect(source.tasks.get('key-00000001')).toMatchObject({ writes: 2, action: { title: 'Call today' } });
  });

  it('refuses per action when scripted to, as a CRM validation rule would', async () => {
    const source = scriptedSource({ writes: [{ refuse: { code: 'INVALID_FIELD', message: 'Subject too long' } }] });
    expect(await source.writeActions([action])).toEqual([
      { idempotencyKey: 'key-00000001', ok: false, code: 'INVALID_FIELD', message: 'Subject too long' },
    ]);
    expect(source.tasks.size).toBe(0);
  });

  it('never settles a pending outcome and rejects an aborted read', async () => {
    const source = scriptedDataSource('pending');
    const settled = await Promise.race([source.getAccountContext('acc-1').then(() => 'settled'), Promise.resolve('waiting')]);
    expect(settled).toBe('waiting');
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    await expect(source.getAccountContext('acc-1', { signal: controller.signal })).rejects.toThrow('left the page');
  });
});

describe('datasetInScope', () => {
  const context = accountContextWith(tenNpsAnswers);
  const dataset: CanonicalDataset = {
    businessUnits: [],
    productLines: [],
    segments: [],
    teams: [],
    accounts: [context.account, { ...context.account, id: 'acc-2', businessUnitId: 'bu-2' }],
    contacts: [],
    touchpoints: [],
    feedback: [...tenNpsAnswers, npsAnswer('late', 9, '2026-12-01T00:00:00.000Z')],
    supportCases: [],
    opportunities: [],
    employeePulses: [],
    actions: [],
  };

  it('keeps facts dated in [from, to) of accounts in the units, as a portfolio read would', async () => {
    const scoped = datasetInScope(dataset, { from: '2026-01-01', to: '2026-10-01', businessUnitIds: ['bu-1'] });
    expect(scoped.accounts.map((account) => account.id)).toEqual(['acc-1']);
    expect(scoped.feedback).toHaveLength(10);
    const source = scriptedSource({ dataset });
    const read = await source.readDataset({ from: '2026-01-01', to: '2027-01-01', entities: ['touchpoint'] });
    expect(read.dataset.feedback).toEqual([]);
    expect(read.dataset.accounts).toHaveLength(2);
    expect(source.calls.readDataset).toHaveLength(1);
  });
});
