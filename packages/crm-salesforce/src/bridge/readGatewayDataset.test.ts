import { objectMappingSchema } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers, type SalesforceOrg } from '@kizuna/crm-sim';
import type { DatasetRead } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceDefaultMapping, type SalesforceMapping } from '../defaultMapping';
import { createSalesforceDataSource } from '../salesforceDataSource';
import type { ApexGateway } from './apexGatewayTransport';
import { gatewayAllowlistOf } from './gatewayAllowlist';
import { createLwcBridgeDataSource } from './lwcBridgeDataSource';
import { createReferenceGateway, type GatewayUser } from './referenceGateway';

/**
 * Portfolio reads and the current user through the Apex gateway, with the reference gateway
 * playing Apex over the simulated org: the dataset must be the one the REST path reads from the
 * same org, sent as the structured plans of the contract (§2.4, §2.5).
 */
const instanceUrl = 'https://bridge-dataset.my.salesforce.com';
const dataset = generateOrganisation({ seed: 5, accounts: 40 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const aiko: GatewayUser = { id: '005000000000123AAA', name: '佐藤 愛子', email: 'aiko@kizuna.example', locale: 'ja_JP', language: 'ja', timeZone: 'Asia/Tokyo' };

function gatewayOver(target: SalesforceOrg, allowed: SalesforceMapping = salesforceDefaultMapping, user: GatewayUser | undefined = aiko) {
  const reference = createReferenceGateway({
    query: (soql) => target.query(soql),
    allowlist: gatewayAllowlistOf(allowed),
    fieldType: (object, field) => target.describe(object)?.fields.find((candidate) => candidate.name === field)?.type,
    ...(user === undefined ? {} : { currentUser: () => user }),
  });
  const plans: Array<{ queries: Record<string, unknown> }> = [];
  const gateway: ApexGateway = {
    read: (planJson) => (plans.push(JSON.parse(planJson) as { queries: Record<string, unknown> }), reference.read(planJson)),
    write: (planJson) => reference.write(planJson),
  };
  return { gateway, plans };
}

function comparable({ dataset: read, rejected, unavailable }: DatasetRead) {
  const byJson = (items: readonly unknown[]) => items.map((item) => JSON.stringify(item)).sort();
  const parts: Array<[string, readonly unknown[]]> = [...Object.entries(read), ['rejected', rejected], ['unavailable', unavailable]];
  return Object.fromEntries(parts.map(([key, items]) => [key, byJson(items)]));
}

const rest = (mapping: SalesforceMapping = salesforceDefaultMapping) => createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't', mapping });
const window = { from: '2025-10-01', to: '2026-10-01' };

describe('createLwcBridgeDataSource: readDataset', () => {
  it('reads the same portfolio as the REST path, every part in the first call', async () => {
    const { gateway, plans } = gatewayOver(org);
    const bridge = createLwcBridgeDataSource({ gateway, pageSize: 2000 });
    const [viaGateway, viaRest] = await Promise.all([bridge.readDataset(window), rest().readDataset(window)]);
    expect(viaGateway.dataset.feedback.length).toBeGreaterThan(0);
    expect(viaGateway.dataset.touchpoints.length).toBeGreaterThan(0);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
    expect(Object.keys(plans[0]?.queries ?? {}).sort()).toEqual(['accounts', 'actions', 'contacts', 'employeePulses', 'events', 'feedback', 'opportunities', 'supportCases', 'tasks']);
    // employee pulses by the start of their period: the twelve months and four quarters of the window
    const periods = ['2025-10', '2025-Q4', '2025-11', '2025-12', '2026-01', '2026-Q1', '2026-02', '2026-03', '2026-04', '2026-Q2', '2026-05', '2026-06', '2026-07', '2026-Q3', '2026-08', '2026-09'];
    expect(plans[0]?.queries['employeePulses']).toMatchObject({ where: [{ field: 'Period__c', op: 'in', values: periods }] });
    expect(viaGateway.dataset.employeePulses.every((pulse) => periods.includes(pulse.period))).toBe(true);
  });

  it('sends windows and account scopes as structured members, never as SOQL', async () => {
    const { gateway, plans } = gatewayOver(org);
    const unit = dataset.businessUnits[1]?.id ?? '';
    await createLwcBridgeDataSource({ gateway }).readDataset({ ...window, businessUnitIds: [unit], entities: ['touchpoint'] });
    // accounts are always read; contacts only when asked for (or when no entities are named)
    expect(plans[0]?.queries).toEqual({
      accounts: expect.objectContaining({ object: 'Account', where: [{ field: 'Kizuna_Business_Unit__c', op: 'in', values: [unit] }] }),
      tasks: expect.objectContaining({
        object: 'Task',
        where: [{ field: 'Kizuna_Action_Key__c', op: 'isNull' }],
        accountScope: { field: 'WhatId', businessUnitField: 'Kizuna_Business_Unit__c', businessUnits: [unit] },
        window: { fields: ['CompletedDateTime', 'ActivityDate'], from: { dateTime: '2025-10-01T00:00:00.000Z' }, to: { dateTime: '2026-10-01T00:00:00.000Z' } },
        orderBy: [{ field: 'Id', direction: 'ASC' }],
        limit: 500,
      }),
      events: expect.objectContaining({ object: 'Event', window: expect.objectContaining({ fields: ['StartDateTime'] }) }),
    });
  });

  it('cuts by business unit as the REST path does, and pages lists longer than a page', async () => {
    const { gateway } = gatewayOver(org);
    const scope = { ...window, businessUnitIds: [dataset.businessUnits[0]?.id ?? ''], entities: ['feedback', 'supportCase'] as const };
    const bridge = createLwcBridgeDataSource({ gateway, pageSize: 25 });
    const [viaGateway, viaRest] = await Promise.all([bridge.readDataset({ ...scope, entities: [...scope.entities] }), rest().readDataset({ ...scope, entities: [...scope.entities] })]);
    expect(viaGateway.dataset.feedback.length).toBeGreaterThan(25);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
    expect(bridge.stats.calls).toBeGreaterThan(2);
  });

  it('lists an object the org does not have as unavailable, as the REST path does', async () => {
    const mapping = { ...salesforceDefaultMapping, opportunity: objectMappingSchema.parse({ ...salesforceDefaultMapping.opportunity, object: 'Deal__c' }) };
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org, mapping).gateway, mapping });
    const scope = { ...window, entities: ['opportunity' as const, 'feedback' as const] };
    const [viaGateway, viaRest] = await Promise.all([bridge.readDataset(scope), rest(mapping).readDataset(scope)]);
    expect(viaGateway.unavailable.map((part) => [part.entity, part.code])).toEqual([['opportunity', 'INVALID_TYPE']]);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
  });
});

describe('createLwcBridgeDataSource: currentUser', () => {
  it('asks the gateway for the running user and maps it as the REST UserInfo answer is mapped', async () => {
    const { gateway, plans } = gatewayOver(org);
    const bridge = createLwcBridgeDataSource({ gateway });
    expect(await bridge.currentUser()).toEqual({ id: aiko.id, name: aiko.name, email: aiko.email, locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    expect(plans).toEqual([{ version: 1, revision: 0, queries: { user: { kind: 'currentUser' } } }]);
  });

  it('refuses an answer that is not one user', async () => {
    const answering = (records: unknown[]): ApexGateway => ({
      read: () => Promise.resolve(JSON.stringify({ version: 1, ok: true, results: { user: { ok: true, done: true, records } } })),
      write: () => Promise.reject(new Error('no writes')),
    });
    await expect(createLwcBridgeDataSource({ gateway: answering([]) }).currentUser()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
    await expect(createLwcBridgeDataSource({ gateway: answering([{ ...aiko, id: 'not-an-id' }]) }).currentUser()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
    await expect(createLwcBridgeDataSource({ gateway: answering([aiko, aiko]) }).currentUser()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it('reads a user without email or time zone', async () => {
    const { gateway } = gatewayOver(org, salesforceDefaultMapping, { ...aiko, email: null, locale: 'en_GB', timeZone: 'Not/AZone' });
    expect(await createLwcBridgeDataSource({ gateway }).currentUser()).toEqual({ id: aiko.id, name: aiko.name, locale: 'en-GB' });
  });
});
