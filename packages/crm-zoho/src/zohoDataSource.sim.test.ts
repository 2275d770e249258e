import { createZohoOrg, zohoHandlers } from '@kizuna/crm-sim';
import { batchPlans, buildFactTables, compileKpi, evaluateKpi, finishKpi, groupKeyOf, kpiCatalogue, type AggregatePlan, type KpiRequest } from '@kizuna/metrics';
import type { Action } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zohoDefaultMapping } from './defaultMapping';
import { zohoBreakdownFields } from './pushdown/planFields';
import { createZohoDataSource } from './zohoDataSource';

/**
 * The adapter against the Zoho simulator of @kizuna/crm-sim over MSW: COQL, records, writes and
 * tokens as the wire carries them, in the Japan data centre.
 */
const dataset = generateOrganisation({ seed: 3, accounts: 60 });
const org = createZohoOrg(dataset, { dataCentre: 'JP' });
const server = setupServer(...zohoHandlers(org, { accessTokens: ['sim-token'] }));
const noWait = { sleep: () => Promise.resolve() };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const source = () => createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => 'sim-token', retry: noWait });

describe('the Zoho adapter against the simulated org', () => {
  it('reads an account view in one round of COQL calls, every record valid', async () => {
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('the dataset has accounts');
    const zoho = source();
    const context = await zoho.getAccountContext(org.zohoIdOf('account', account.id));
    expect(zoho.rounds.rounds).toBe(1);
    expect(zoho.stats.calls).toBe(9);
    expect(context.rejected).toEqual([]);
    expect(context.unavailable).toEqual([]);
    expect(context.account.name).toBe(account.name);
    expect(context.feedback.length).toBe(dataset.feedback.filter((row) => row.accountId === account.id).length);
    expect(context.supportCases.length).toBe(dataset.supportCases.filter((row) => row.accountId === account.id).length);
    expect(context.touchpoints.length).toBe(dataset.touchpoints.filter((row) => row.accountId === account.id).length);
  });

  it('lists every account through the Records API', async () => {
    const accounts = await source().listAccounts();
    expect(accounts).toHaveLength(dataset.accounts.length);
  });

  const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
  const requests: Array<[string, KpiRequest]> = [
    ['business unit × segment', { groupBy: ['businessUnitId', 'segmentId'], window }],
    ['period', { groupBy: ['period'], window }],
  ];
  it.each(requests)('pushes KPIs down as COQL with the in-memory values: %s', async (_name, request) => {
    const tables = buildFactTables(dataset);
    for (const id of ['nps', 'csat', 'escalationRate', 'renewalRate'] as const) {
      const definition = kpiCatalogue[id];
      const plan = compileKpi(definition, request);
      if ('unsupported' in plan) throw new Error(`${id} is pushable`);
      const result = await source().runAggregatePlan(plan);
      if (!result.pushed) throw new Error(`${id}: ${result.unsupported}`);
      const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
      const pushed = new Map(finishKpi(definition, request, plan, result.totals).groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const));
      for (const group of evaluateKpi(definition, tables, request).groups) {
        const other = pushed.get(groupKeyOf(group.keys, usable));
        expect(other?.n, `${id} ${groupKeyOf(group.keys, usable)}`).toBe(group.result.n);
        expect(other?.value ?? null, id).toBeCloseTo(group.result.value ?? Number.NaN, 9);
      }
    }
  });

  it.each(requests)('pushes a whole view down as one batch (scores grouped, not counted one condition at a time): %s', async (_name, request) => {
    const tables = buildFactTables(dataset);
    const ids = ['nps', 'csat', 'cesAgree', 'cesMean', 'escalationRate', 'renewalRate', 'netRevenueRetention', 'churnRate'] as const;
    const plans = ids.map((id): AggregatePlan => {
      const plan = compileKpi(kpiCatalogue[id], request);
      if ('unsupported' in plan) throw new Error(`${id} is pushable`);
      return plan;
    });
    const batch = batchPlans(plans, { breakdownFields: zohoBreakdownFields(zohoDefaultMapping) });
    expect(Object.keys(batch.plan.queries).length).toBeLessThanOrEqual(10);
    const zoho = source();
    const result = await zoho.runAggregatePlan(batch.plan);
    if (!result.pushed) throw new Error(result.unsupported);
    const perPlan = batch.totalsOf(result.totals);
    ids.forEach((id, index) => {
      const definition = kpiCatalogue[id];
      const plan = plans[index];
      if (plan === undefined) throw new Error(`no plan for ${id}`);
      const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
      const pushed = new Map(finishKpi(definition, request, plan, perPlan[index] ?? {}).groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const));
      for (const group of evaluateKpi(definition, tables, request).groups) {
        const other = pushed.get(groupKeyOf(group.keys, usable));
        expect(other?.n, `${id} ${groupKeyOf(group.keys, usable)}`).toBe(group.result.n);
        expect(other?.value ?? null, id).toBeCloseTo(group.result.value ?? Number.NaN, 9);
      }
    });
  });

  it('writes an action once: the second write finds the first Task instead of making another', async () => {
    const account = dataset.accounts[1];
    if (account === undefined) throw new Error('the dataset has accounts');
    const action: Action = {
      id: 'act-sim-000001', idempotencyKey: 'act-sim-000001', accountId: org.zohoIdOf('account', account.id), playbookId: 'renewal-risk', title: 'Call the sponsor',
      reasons: ['renewal in 30 days'], valueAtStake: 1000, expectedEffect: 0.2, urgency: 0.9, status: 'accepted', createdAt: '2026-03-01T00:00:00.000Z',
    };
    const zoho = source();
    const [first] = await zoho.writeActions([action]);
    const [second] = await zoho.writeActions([{ ...action, status: 'done' }]);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false, crmTaskId: first?.ok === true ? first.crmTaskId : '' });
    const tasks = org.coql("select id, Status from Tasks where Kizuna_Action_Key = 'act-sim-000001'");
    expect(tasks.data).toHaveLength(1);
    expect(tasks.data[0]?.['Status']).toBe('Completed');
  });

  it('reads a portfolio window: facts in [from, to) of the chosen business units, structure derived', async () => {
    const unit = dataset.businessUnits[0];
    if (unit === undefined) throw new Error('the dataset has units');
    const scope = { from: '2025-10-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', businessUnitIds: [unit.id] };
    const read = await source().readDataset(scope);
    const accounts = new Set(dataset.accounts.filter((account) => account.businessUnitId === unit.id).map((account) => account.id));
    const inWindow = (at: string) => at >= scope.from && at < scope.to;
    expect(read.rejected).toEqual([]);
    expect(read.unavailable).toEqual([]);
    expect(read.dataset.accounts).toHaveLength(accounts.size);
    expect(read.dataset.businessUnits.map((row) => row.id)).toEqual([unit.id]);
    expect(read.dataset.feedback).toHaveLength(dataset.feedback.filter((row) => accounts.has(row.accountId) && inWindow(row.respondedAt)).length);
    expect(read.dataset.supportCases).toHaveLength(dataset.supportCases.filter((row) => accounts.has(row.accountId) && inWindow(row.openedAt)).length);
    // Employee pulses of the unit's teams, by the start of their period. Teams are known from the
    // records that name them (accounts, touchpoints, cases): a team no record names is not the unit's.
    const unitTeams = new Set(read.dataset.teams.filter((team) => team.businessUnitId === unit.id).map((team) => team.id));
    const quarterStart = (period: string) => new Date(Date.UTC(Number(period.slice(0, 4)), (Number(period.slice(6)) - 1) * 3, 1)).toISOString();
    const pulses = dataset.employeePulses.filter((row) => unitTeams.has(row.teamId) && inWindow(quarterStart(row.period)));
    expect(pulses.length).toBeGreaterThan(0);
    expect(read.dataset.employeePulses.map((row) => `${row.teamId} ${row.period}`).sort()).toEqual(pulses.map((row) => `${row.teamId} ${row.period}`).sort());
  });

  it('reads actions by when they were decided, like other facts: dismissed ones from the ledger, with no Task', async () => {
    const account = dataset.accounts[2];
    if (account === undefined) throw new Error('the dataset has accounts');
    const base: Action = {
      id: 'act-sim-000010', idempotencyKey: 'act-sim-000010', accountId: org.zohoIdOf('account', account.id), playbookId: 'renewal-risk', title: 'Call the sponsor',
      reasons: ['renewal in 30 days'], valueAtStake: 1000, expectedEffect: 0.2, urgency: 0.9, status: 'accepted', createdAt: '2026-03-01T00:00:00.000Z',
    };
    const dismissed: Action = { ...base, id: 'act-sim-000011', idempotencyKey: 'act-sim-000011', status: 'dismissed', dismissedAt: '2026-03-02T00:00:00.000Z', dismissedReason: 'already in touch' };
    const results = await source().writeActions([base, dismissed]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(org.coql("select id from Tasks where Kizuna_Action_Key = 'act-sim-000011'").data).toHaveLength(0);
    // The ledger records are created now (the simulator's clock): a window around now holds them, one before it does not.
    const now = Date.now();
    const day = 86_400_000;
    const read = await source().readDataset({ from: new Date(now - day).toISOString(), to: new Date(now + day).toISOString(), entities: ['account', 'action'] });
    expect(read.dataset.actions.filter((row) => row.idempotencyKey.startsWith('act-sim-00001')).map((row) => `${row.idempotencyKey} ${row.status}`).sort()).toEqual(['act-sim-000010 accepted', 'act-sim-000011 dismissed']);
    const before = await source().readDataset({ from: '2025-01-01T00:00:00.000Z', to: new Date(now - day).toISOString(), entities: ['account', 'action'] });
    expect(before.dataset.actions.filter((row) => row.idempotencyKey.startsWith('act-sim-00001'))).toEqual([]);
  });

  it('names the signed-in user with a BCP 47 locale', async () => {
    const user = await source().currentUser();
    expect(user).toMatchObject({ id: org.admin.id, locale: org.admin.locale.replace('_', '-') });
  });
});
