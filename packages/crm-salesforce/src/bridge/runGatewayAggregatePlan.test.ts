import { createFetchTransport, withBearerAuth } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers, type SalesforceOrg } from '@kizuna/crm-sim';
import { compileKpi, finishKpi, groupKeyOf, kpiCatalogue, type KpiDefinition, type KpiRequest } from '@kizuna/metrics';
import type { AggregatePlan, GroupTotals } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { salesforceDefaultMapping } from '../defaultMapping';
import { sourceLayouts } from '../pushdown/planFields';
import { runAggregatePlan } from '../pushdown/runAggregatePlan';
import { compileGatewayAggregate } from './aggregateQueries';
import type { ApexGateway } from './apexGatewayTransport';
import { gatewayAllowlistOf } from './gatewayAllowlist';
import { createLwcBridgeDataSource } from './lwcBridgeDataSource';
import { createReferenceGateway } from './referenceGateway';

/**
 * Metrics plans pushed down through the Apex gateway give the same group totals — and so the
 * same KPI values — as the REST pushdown over the same (simulated) org.
 */
const instanceUrl = 'https://pushdown.my.salesforce.com';
const dataset = generateOrganisation({ seed: 3, accounts: 300 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function bridgeOver(target: SalesforceOrg, maxRowsPerQuery?: number) {
  const reference = createReferenceGateway({
    query: (soql) => target.query(soql),
    allowlist: gatewayAllowlistOf(salesforceDefaultMapping),
    ...(maxRowsPerQuery === undefined ? {} : { maxRowsPerQuery }),
  });
  return createLwcBridgeDataSource({ gateway: reference });
}

function viaRest(plan: AggregatePlan) {
  const transport = withBearerAuth(createFetchTransport(), () => 't');
  return runAggregatePlan(plan, { transport, connection: parseSalesforceConnection({ instanceUrl }), mapping: salesforceDefaultMapping });
}

function kpiValues(definition: KpiDefinition, request: KpiRequest, plan: AggregatePlan, totals: Record<string, GroupTotals[]>) {
  const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
  return new Map(finishKpi(definition, request, plan, totals).groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const));
}

const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };

describe('runAggregatePlan through the Apex gateway', () => {
  it('compiles a plan query from mapped identifiers and typed values (dates tagged for Apex to bind)', () => {
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['businessUnitId', 'period'], window });
    const layout = sourceLayouts(salesforceDefaultMapping).feedback;
    const promoters = 'queries' in plan ? plan.queries['promoters'] : undefined;
    if (layout === undefined || promoters === undefined) throw new Error('nps has a promoters query over feedback');
    expect(compileGatewayAggregate(promoters, layout, salesforceDefaultMapping.account).query).toEqual({
      kind: 'aggregate',
      object: 'Kizuna_Feedback__c',
      groupBy: [
        { field: 'Account__r.Kizuna_Business_Unit__c', alias: 'g0' },
        { fn: 'CALENDAR_YEAR', field: 'Responded_At__c', alias: 'py1' },
        { fn: 'CALENDAR_QUARTER', field: 'Responded_At__c', alias: 'pq1' },
      ],
      measures: [{ op: 'COUNT', alias: 'm0' }],
      where: [
        { field: 'Scale__c', op: 'eq', value: 'nps_0_10' },
        { field: 'Responded_At__c', op: 'gte', value: { dateTime: '2025-10-01T00:00:00.000Z' } },
        { field: 'Responded_At__c', op: 'lt', value: { dateTime: '2026-10-01T00:00:00.000Z' } },
        { field: 'Score__c', op: 'gte', value: 9 },
      ],
    });
  });

  const requests: Array<[string, KpiRequest]> = [
    ['business unit × segment, last 4 quarters', { groupBy: ['businessUnitId', 'segmentId'], window }],
    ['period × journey stage', { groupBy: ['period', 'journeyStage'] }],
    ['one segment, by product line', { groupBy: ['productLineId'], filters: [{ dimension: 'segmentId', values: [dataset.segments[0]?.id ?? ''] }] }],
  ];
  const kpis = ['nps', 'csat', 'cesMean', 'escalationRate', 'renewalRate', 'netRevenueRetention', 'churnRate'] as const;

  it.each(requests)('gives the REST pushdown’s KPI values: %s', async (_name, request) => {
    const bridge = bridgeOver(org);
    for (const id of kpis) {
      const definition = kpiCatalogue[id];
      const plan = compileKpi(definition, request);
      if ('unsupported' in plan) throw new Error(`${id} is pushable`);
      const [gateway, rest] = await Promise.all([bridge.runAggregatePlan(plan), viaRest(plan)]);
      if (!gateway.pushed || !rest.pushed) throw new Error(`${id} was not pushed down`);
      const fromGateway = kpiValues(definition, request, plan, gateway.totals);
      const fromRest = kpiValues(definition, request, plan, rest.totals);
      expect(fromGateway.size, id).toBe(fromRest.size);
      expect(fromGateway.size, id).toBeGreaterThan(0);
      for (const [key, result] of fromRest) {
        expect(fromGateway.get(key)?.n, `${id} ${key}`).toBe(result.n);
        expect(fromGateway.get(key)?.value ?? null, `${id} ${key}`).toBe(result.value);
      }
    }
  });

  it('asks for all of a KPI’s queries in one call', async () => {
    const bridge = bridgeOver(org);
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['businessUnitId', 'segmentId'], window });
    if ('unsupported' in plan) throw new Error('nps is pushable');
    expect(Object.keys(plan.queries).length).toBeGreaterThan(1);
    await bridge.runAggregatePlan(plan);
    expect(bridge.stats.calls).toBe(1);
  });

  it('splits a cut with more groups than one answer may hold, instead of truncating it', async () => {
    const request: KpiRequest = { groupBy: ['accountId', 'period'] };
    const plan = compileKpi(kpiCatalogue.nps, request);
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const whole = await bridgeOver(org).runAggregatePlan(plan);
    const bridge = bridgeOver(org, 400);
    const split = await bridge.runAggregatePlan(plan);
    if (!whole.pushed || !split.pushed) throw new Error('nps was not pushed down');
    expect(kpiValues(kpiCatalogue.nps, request, plan, split.totals)).toEqual(kpiValues(kpiCatalogue.nps, request, plan, whole.totals));
    expect(kpiValues(kpiCatalogue.nps, request, plan, split.totals).size).toBeGreaterThan(400);
    expect(bridge.stats.calls).toBeGreaterThan(2);
  });

  it('resends a query Apex skipped because the call’s row budget was spent', async () => {
    const reference = createReferenceGateway({ query: (soql) => org.query(soql), allowlist: gatewayAllowlistOf(salesforceDefaultMapping) });
    let skipped = false;
    const gateway: ApexGateway = {
      read: async (planJson) => {
        const answer = JSON.parse(String(await reference.read(planJson))) as { results: Record<string, unknown> };
        const [first, ...others] = Object.keys(answer.results);
        if (!skipped && first !== undefined && others.length > 0) {
          skipped = true;
          answer.results[first] = { ok: false, errorCode: 'ROW_BUDGET_EXCEEDED', message: 'Not run: the query-row budget of this call is spent.' };
        }
        return JSON.stringify(answer);
      },
      write: (planJson) => reference.write(planJson),
    };
    const bridge = createLwcBridgeDataSource({ gateway });
    const plan = compileKpi(kpiCatalogue.nps, { groupBy: ['segmentId'], window });
    if ('unsupported' in plan) throw new Error('nps is pushable');
    const [result, rest] = await Promise.all([bridge.runAggregatePlan(plan), viaRest(plan)]);
    expect(bridge.stats.calls).toBe(2);
    expect(result).toEqual(rest);
  });

  it('says which plans this org cannot take, as the REST pushdown does', async () => {
    const plan = compileKpi(kpiCatalogue.engagement, { groupBy: ['businessUnitId'] });
    if ('unsupported' in plan) throw new Error('engagement has a plan');
    const bridge = bridgeOver(org);
    expect(await bridge.runAggregatePlan(plan)).toEqual(await viaRest(plan));
    expect(await bridge.runAggregatePlan(plan)).toEqual({ pushed: false, unsupported: 'no Salesforce field holds businessUnitId' });
    expect(bridge.stats.calls).toBe(0);
  });
});
