import { generateOrganisation } from '@kizuna/sample-data';
import { groupKeyOf, type Action, type CanonicalDataset, type CrmUser } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { buildFactTables } from '../kpi/buildFactTables';
import { compileKpi, evaluateKpi, finishKpi, type KpiEvaluation, type KpiRequest } from '../kpi/evaluateKpi';
import { kpiCatalogue, kpiIds } from '../kpi/kpiCatalogue';
import { createDatasetDataSource } from './createDatasetDataSource';
import { DataSourceError } from './dataSourceError';

const user: CrmUser = { id: 'user-7', name: '佐藤 花子', locale: 'ja-JP', timeZone: 'Asia/Tokyo' };
const dataset: CanonicalDataset = generateOrganisation({ seed: 11, accounts: 40 });
const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } as const;

/** The account with the most feedback (so that its context has something in every part). */
const busiest = [...dataset.accounts].sort(
  (a, b) => dataset.feedback.filter((f) => f.accountId === b.id).length - dataset.feedback.filter((f) => f.accountId === a.id).length,
)[0];
if (busiest === undefined) throw new Error('the sample organisation has no accounts');

function action(idempotencyKey: string, overrides: Partial<Action> = {}): Action {
  return {
    id: `act-${idempotencyKey}`,
    accountId: busiest?.id ?? '',
    playbookId: 'dm_detractor',
    title: 'Call the decision maker',
    reasons: ['The decision maker answered 3 on the last relationship survey'],
    valueAtStake: 120_000,
    expectedEffect: 0.3,
    urgency: 0.8,
    status: 'accepted',
    idempotencyKey,
    createdAt: '2026-06-01T09:00:00Z',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DataSourceError)) throw new Error(`expected a DataSourceError, got ${String(error)}`);
  return error;
}

describe('createDatasetDataSource: an in-memory CxDataSource over a canonical dataset', () => {
  it('reads an account context with exactly that account’s records', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const context = await source.getAccountContext(busiest.id);
    expect(context.account).toEqual(busiest);
    expect(context.feedback.length).toBeGreaterThan(0);
    expect(context.feedback).toEqual(dataset.feedback.filter((answer) => answer.accountId === busiest.id));
    expect(context.contacts).toEqual(dataset.contacts.filter((contact) => contact.accountId === busiest.id));
    expect(context.touchpoints).toEqual(dataset.touchpoints.filter((touchpoint) => touchpoint.accountId === busiest.id));
    expect(context.supportCases).toEqual(dataset.supportCases.filter((supportCase) => supportCase.accountId === busiest.id));
    expect(context.opportunities).toEqual(dataset.opportunities.filter((opportunity) => opportunity.accountId === busiest.id));
    expect(context.actions).toEqual(dataset.actions.filter((held) => held.accountId === busiest.id));
    expect(context).toMatchObject({ rejected: [], unavailable: [] });
  });

  it('rejects an unknown account with a NOT_FOUND DataSourceError, as a CRM adapter does', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const error = await rejection(source.getAccountContext('acc-none'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('acc-none');
  });

  it('lists every account once, by name', async () => {
    const list = await createDatasetDataSource(dataset, { user }).listAccounts();
    expect(list.map((summary) => summary.id).sort()).toEqual(dataset.accounts.map((account) => account.id).sort());
    const names = list.map((summary) => summary.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(list.find((summary) => summary.id === busiest.id)).toEqual({
      id: busiest.id,
      name: busiest.name,
      businessUnitId: busiest.businessUnitId,
      segmentId: busiest.segmentId,
      arr: busiest.arr,
      currency: busiest.currency,
    });
  });

  it('writes actions idempotently: the same key again updates the one task, and later contexts show it', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const [first] = await source.writeActions([action('dm_detractor-0001aaaa')]);
    const [second] = await source.writeActions([action('dm_detractor-0001aaaa', { title: 'Call the decision maker today', status: 'done' })]);
    expect(first).toMatchObject({ ok: true, created: true, idempotencyKey: 'dm_detractor-0001aaaa' });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(first?.ok === true && second?.ok === true && first.crmTaskId === second.crmTaskId).toBe(true);

    const written = (await source.getAccountContext(busiest.id)).actions.filter((held) => held.idempotencyKey === 'dm_detractor-0001aaaa');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ title: 'Call the decision maker today', status: 'done', crmTaskId: first?.ok === true ? first.crmTaskId : '' });
    // The dataset itself is left as it was.
    expect(dataset.actions.some((held) => held.idempotencyKey === 'dm_detractor-0001aaaa')).toBe(false);
  });

  it('refuses an invalid action or an unknown account in its own result, and writes the others', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const results = await source.writeActions([
      action('bad key!'),
      action('renewal_risk-0002bbbb', { accountId: 'acc-none' }),
      action('renewal_risk-0003cccc'),
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.code))).toEqual(['VALIDATION', 'NOT_FOUND', 'ok']);
    expect(results[0]?.ok === false && results[0].message).toContain('idempotencyKey');
    expect((await source.getAccountContext(busiest.id)).actions.map((held) => held.idempotencyKey)).toContain('renewal_risk-0003cccc');
  });

  it('runs aggregate plans with the metrics core’s engine: every pushable KPI finishes to its in-memory evaluation', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const tables = buildFactTables(dataset);
    const request: KpiRequest = { groupBy: ['businessUnitId', 'segmentId'], window };
    const pushable = kpiIds.filter((id) => !('unsupported' in kpiCatalogue[id].pushdown));
    expect(pushable.length).toBeGreaterThanOrEqual(8);
    const byKey = (evaluation: KpiEvaluation, groupBy: KpiRequest['groupBy']) =>
      new Map(evaluation.groups.map((group) => [groupKeyOf(group.keys, groupBy), group.result]));
    for (const id of pushable) {
      const definition = kpiCatalogue[id];
      const plan = compileKpi(definition, request);
      if ('unsupported' in plan) throw new Error(`${id} should be pushable`);
      const answer = await source.runAggregatePlan(plan);
      if (!answer.pushed) throw new Error(`${id} was not pushed down`);
      const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
      const pushed = byKey(finishKpi(definition, request, plan, answer.totals), usable);
      const direct = byKey(evaluateKpi(definition, tables, request), usable);
      expect([...pushed.keys()].sort(), id).toEqual([...direct.keys()].sort());
      for (const [key, result] of direct) {
        const other = pushed.get(key);
        expect(other?.n, `${id} ${key}`).toBe(result.n);
        if (result.value === null) expect(other?.value, `${id} ${key}`).toBeNull();
        else expect(other?.value, `${id} ${key}`).toBeCloseTo(result.value, 9);
      }
    }
  });

  it('rejects a plan on a field the fact tables do not have with INVALID_QUERY', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const error = await rejection(
      source.runAggregatePlan({
        kpi: 'nps',
        queries: { all: { source: 'feedback', where: [], groupBy: ['businessUnitId'], measures: [{ id: 'total', op: 'sum', field: 'loyalty' }] } },
      }),
    );
    expect(error.code).toBe('INVALID_QUERY');
    expect(error.message).toContain('loyalty');
  });

  it('reads a scope: facts dated in the window, of the business units asked for, of the entities asked for', async () => {
    const source = createDatasetDataSource(dataset, { user });
    const unit = busiest.businessUnitId;
    const { dataset: read, rejected, unavailable } = await source.readDataset({ ...window, businessUnitIds: [unit] });
    expect(rejected).toEqual([]);
    expect(unavailable).toEqual([]);
    const inUnit = new Set(dataset.accounts.filter((account) => account.businessUnitId === unit).map((account) => account.id));
    const inWindow = (at: string) => Date.parse(at) >= Date.parse(window.from) && Date.parse(at) < Date.parse(window.to);
    expect(read.accounts.map((account) => account.id).sort()).toEqual([...inUnit].sort());
    expect(read.businessUnits.map((businessUnit) => businessUnit.id)).toEqual([unit]);
    expect(read.feedback.length).toBeGreaterThan(0);
    expect(read.feedback).toEqual(dataset.feedback.filter((answer) => inUnit.has(answer.accountId) && inWindow(answer.respondedAt)));
    expect(read.supportCases).toEqual(dataset.supportCases.filter((supportCase) => inUnit.has(supportCase.accountId) && inWindow(supportCase.openedAt)));
    expect(read.opportunities).toEqual(dataset.opportunities.filter((opportunity) => inUnit.has(opportunity.accountId) && inWindow(opportunity.closeDate)));
    expect(read.touchpoints).toEqual(dataset.touchpoints.filter((touchpoint) => inUnit.has(touchpoint.accountId) && inWindow(touchpoint.occurredAt)));
    // Contacts are not dated facts: all of the accounts' contacts.
    expect(read.contacts).toEqual(dataset.contacts.filter((contact) => inUnit.has(contact.accountId)));
    const unitTeams = new Set(dataset.teams.filter((team) => team.businessUnitId === unit).map((team) => team.id));
    expect(read.employeePulses.every((pulse) => unitTeams.has(pulse.teamId))).toBe(true);
    // Narrower than the whole organisation on both counts.
    expect(read.feedback.length).toBeLessThan(dataset.feedback.filter((answer) => inUnit.has(answer.accountId)).length);
    expect(read.accounts.length).toBeLessThan(dataset.accounts.length);
  });

  it('reads only the entities asked for (accounts always), and the actions written since', async () => {
    const source = createDatasetDataSource(dataset, { user });
    await source.writeActions([action('qbr_prep-0004dddd', { createdAt: '2026-03-02T10:00:00Z' }), action('qbr_prep-0005eeee', { createdAt: '2024-03-02T10:00:00Z' })]);
    const { dataset: read } = await source.readDataset({ ...window, entities: ['action'] });
    expect(read.accounts).toHaveLength(dataset.accounts.length);
    expect(read.feedback).toEqual([]);
    expect(read.contacts).toEqual([]);
    expect(read.employeePulses).toEqual([]);
    const keys = read.actions.map((held) => held.idempotencyKey);
    expect(keys).toContain('qbr_prep-0004dddd');
    expect(keys).not.toContain('qbr_prep-0005eeee');
  });

  it('refuses an invalid scope with INVALID_INPUT before reading anything', async () => {
    const source = createDatasetDataSource(dataset, { user });
    expect((await rejection(source.readDataset({ from: window.to, to: window.from }))).code).toBe('INVALID_INPUT');
    expect((await rejection(source.readDataset({ from: 'last year', to: window.to }))).code).toBe('INVALID_INPUT');
    expect((await rejection(source.readDataset({ ...window, businessUnitIds: [] }))).code).toBe('INVALID_INPUT');
  });

  it('answers with the user given, names its kind, and rejects an aborted request with CANCELLED', async () => {
    const source = createDatasetDataSource(dataset, { user, kind: 'web' });
    expect(source.kind).toBe('web');
    expect(await source.currentUser()).toEqual(user);
    expect(createDatasetDataSource(dataset, { user }).kind).toBe('file');
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(source.listAccounts({ signal: controller.signal }))).code).toBe('CANCELLED');
    expect((await rejection(source.getAccountContext(busiest.id, { signal: controller.signal }))).code).toBe('CANCELLED');
  });
});
