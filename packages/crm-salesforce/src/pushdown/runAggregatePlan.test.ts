import { createFetchTransport, withBearerAuth, withCallAccounting, type CallStats } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { batchPlans, buildFactTables, compileKpi, evaluateKpi, finishKpi, groupKeyOf, kpiCatalogue, type KpiRequest } from '@kizuna/metrics';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { salesforceDefaultMapping } from '../defaultMapping';
import { compileAggregateSoql } from './compileAggregateSoql';
import { salesforceBreakdownFields, sourceLayouts } from './planFields';
import { runAggregatePlan } from './runAggregatePlan';

/**
 * The metrics core's plans pushed down into (simulated) Salesforce as SOQL GROUP BY queries give
 * the same KPI values as the in-memory evaluation, while moving only group totals.
 */
const instanceUrl = 'https://acme.my.salesforce.com';
const dataset = generateOrganisation({ seed: 3, accounts: 300 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
const tables = buildFactTables(dataset);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function context() {
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = withBearerAuth(withCallAccounting(createFetchTransport(), stats), () => 't');
  return { stats, pushdown: { transport, connection: parseSalesforceConnection({ instanceUrl }), mapping: salesforceDefaultMapping } };
}

const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };

describe('runAggregatePlan against the simulated org', () => {
  it('compiles a plan query to SOQL from mapped identifiers and escaped literals', () => {
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['businessUnitId', 'period'], window });
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const layout = sourceLayouts(salesforceDefaultMapping).feedback;
    if (layout === undefined) throw new Error('feedback has a layout');
    expect(compileAggregateSoql(plan.queries['promoters'] ?? { source: 'feedback', where: [], groupBy: [], measures: [] }, layout, salesforceDefaultMapping.account).soql).toBe(
      'SELECT Account__r.Kizuna_Business_Unit__c g0, CALENDAR_YEAR(Responded_At__c) py1, CALENDAR_QUARTER(Responded_At__c) pq1, COUNT(Id) m0 ' +
        "FROM Kizuna_Feedback__c WHERE Scale__c = 'nps_0_10' AND Responded_At__c >= 2025-10-01T00:00:00Z AND Responded_At__c < 2026-10-01T00:00:00Z AND Score__c >= 9 " +
        'GROUP BY Account__r.Kizuna_Business_Unit__c, CALENDAR_YEAR(Responded_At__c), CALENDAR_QUARTER(Responded_At__c)',
    );
  });

  const requests: Array<[string, KpiRequest]> = [
    ['business unit × segment, last 4 quarters', { groupBy: ['businessUnitId', 'segmentId'], window }],
    ['period × journey stage', { groupBy: ['period', 'journeyStage'] }],
    ['one segment, by product line', { groupBy: ['productLineId'], filters: [{ dimension: 'segmentId', values: [dataset.segments[0]?.id ?? ''] }] }],
  ];
  const pushable = ['nps', 'csat', 'cesAgree', 'cesMean', 'escalationRate', 'renewalRate', 'netRevenueRetention', 'churnRate'] as const;

  it.each(requests)('gives the in-memory values for every pushable KPI: %s', async (_name, request) => {
    for (const id of pushable) {
      const definition = kpiCatalogue[id];
      const plan = compileKpi(definition, request);
      if ('unsupported' in plan) throw new Error(`${id} is pushable`);
      const result = await runAggregatePlan(plan, context().pushdown);
      if (!result.pushed) throw new Error(`${id}: ${result.unsupported}`);
      const totals = result.totals;
      const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
      const pushed = finishKpi(definition, request, plan, totals).groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const);
      const direct = evaluateKpi(definition, tables, request).groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const);
      expect(new Map(pushed).size, id).toBe(new Map(direct).size);
      for (const [key, result] of direct) {
        const other = new Map(pushed).get(key);
        expect(other?.n, `${id} ${key}`).toBe(result.n);
        expect(other?.value ?? null, `${id} ${key}`).toBeCloseTo(result.value ?? Number.NaN, 9);
      }
    }
  });

  it('moves only group totals: NPS by unit × segment sends its three counts in one composite, a few kilobytes', async () => {
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['businessUnitId', 'segmentId'], window });
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const { stats, pushdown } = context();
    await runAggregatePlan(plan, pushdown);
    expect(stats.calls).toBe(1);
    expect(stats.bytesReceived).toBeLessThan(16_384);
  });

  it('runs the whole business-unit view batched: 24 plan queries in 10 aggregates, two composites, the in-memory values', async () => {
    const request: KpiRequest = { groupBy: ['businessUnitId', 'segmentId'], window };
    const plans = pushable.map((id) => {
      const plan = compileKpi(kpiCatalogue[id], request);
      if ('unsupported' in plan) throw new Error(`${id} is pushable`);
      return plan;
    });
    const batch = batchPlans(plans, { breakdownFields: salesforceBreakdownFields(salesforceDefaultMapping) });
    expect([batch.plannedQueries, Object.keys(batch.plan.queries).length]).toEqual([24, 10]);
    const { stats, pushdown } = context();
    const result = await runAggregatePlan(batch.plan, pushdown);
    if (!result.pushed) throw new Error(result.unsupported);
    expect(stats.calls).toBe(2);
    const perPlan = batch.totalsOf(result.totals);
    pushable.forEach((id, index) => {
      const plan = plans[index];
      if (plan === undefined) throw new Error(`no plan for ${id}`);
      const pushed = new Map(finishKpi(kpiCatalogue[id], request, plan, perPlan[index] ?? {}).groups.map((group) => [groupKeyOf(group.keys, request.groupBy), group.result] as const));
      const direct = evaluateKpi(kpiCatalogue[id], tables, request).groups;
      expect(pushed.size, id).toBe(direct.length);
      for (const group of direct) {
        const other = pushed.get(groupKeyOf(group.keys, request.groupBy));
        expect(other?.n, `${id} ${JSON.stringify(group.keys)}`).toBe(group.result.n);
        expect(other?.value ?? null, id).toBeCloseTo(group.result.value ?? Number.NaN, 9);
      }
    });
  });

  it('groups by a breakdown through groupable fields only: the score through its text twin, never the Number field', () => {
    const layout = sourceLayouts(salesforceDefaultMapping).feedback;
    if (layout === undefined) throw new Error('feedback has a layout');
    const query = { source: 'feedback' as const, where: [], groupBy: ['segmentId' as const], measures: [{ id: 'n', op: 'count' as const }], breakdown: ['scale', 'score'] };
    expect(compileAggregateSoql(query, layout, salesforceDefaultMapping.account).soql).toBe(
      'SELECT Account__r.Kizuna_Segment__c g0, Scale__c b0, Score_Key__c b1, COUNT(Id) m0 FROM Kizuna_Feedback__c GROUP BY Account__r.Kizuna_Segment__c, Scale__c, Score_Key__c',
    );
    expect(() => compileAggregateSoql({ ...query, breakdown: ['comment'] }, layout, salesforceDefaultMapping.account)).toThrow(/cannot group Kizuna_Feedback__c by comment/);
    expect(salesforceBreakdownFields(salesforceDefaultMapping)).toMatchObject({ feedback: expect.arrayContaining(['scale', 'score']), supportCase: expect.arrayContaining(['escalated']), opportunity: expect.arrayContaining(['status', 'type']) });
  });

  it('splits a cut past the 2,000-group batch instead of truncating it', async () => {
    const bigDataset = generateOrganisation({ seed: 4, accounts: 700 });
    const bigOrg = createSalesforceOrg(bigDataset);
    const bigUrl = 'https://big.my.salesforce.com';
    server.use(...salesforceHandlers(bigOrg, { instanceUrl: bigUrl, accessTokens: ['t'] }));
    const request: KpiRequest = { groupBy: ['accountId', 'period'] };
    const plan = compileKpi(kpiCatalogue.nps, request);
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const direct = evaluateKpi(kpiCatalogue.nps, buildFactTables(bigDataset), request).groups;
    expect(direct.length).toBeGreaterThan(2000);
    const { stats, pushdown } = context();
    const result = await runAggregatePlan(plan, { ...pushdown, connection: parseSalesforceConnection({ instanceUrl: bigUrl }) });
    if (!result.pushed) throw new Error(result.unsupported);
    const pushed = new Map(finishKpi(kpiCatalogue.nps, request, plan, result.totals).groups.map((group) => [groupKeyOf(group.keys, request.groupBy), group.result] as const));
    expect(pushed.size).toBe(direct.length);
    // In the org, accounts are known by their Salesforce ids.
    for (const group of direct) {
      const keys = { ...group.keys, accountId: bigOrg.salesforceIdOf('account', group.keys.accountId ?? '') };
      expect(pushed.get(groupKeyOf(keys, request.groupBy))?.value).toBe(group.result.value);
    }
    // the query that overflowed, the distinct accounts, and the halves that fit
    expect(stats.calls).toBeGreaterThan(3);
  });

  it('says which plans this org cannot take, so the caller evaluates them in memory', async () => {
    const plan = compileKpi(kpiCatalogue.engagement, { groupBy: ['businessUnitId'] });
    if ('unsupported' in plan) throw new Error('engagement has a plan');
    expect(await runAggregatePlan(plan, context().pushdown)).toEqual({ pushed: false, unsupported: 'no Salesforce field holds businessUnitId' });
  });
});
