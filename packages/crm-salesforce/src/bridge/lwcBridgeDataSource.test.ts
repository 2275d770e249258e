import { createFetchTransport, objectMappingSchema, withBearerAuth, type ObjectMapping } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers, type SalesforceOrg } from '@kizuna/crm-sim';
import type { AccountContext } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccountContext } from '../composite/readAccountContext';
import { parseSalesforceConnection } from '../connection';
import { salesforceDefaultMapping, type SalesforceMapping } from '../defaultMapping';
import type { ApexGateway } from './apexGatewayTransport';
import { gatewayAllowlistOf } from './gatewayAllowlist';
import { createLwcBridgeDataSource } from './lwcBridgeDataSource';
import { createReferenceGateway } from './referenceGateway';

/**
 * The bridge against the simulated org, with the reference gateway playing Apex: the account
 * context read through structured plans must be the one the REST composite reads from the same
 * org (msw intercepts the REST side).
 */
const instanceUrl = 'https://bridge.my.salesforce.com';
const dataset = generateOrganisation({ seed: 7, accounts: 12 });
const org = createSalesforceOrg(dataset);
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The gateway the LWC would hand over, here the reference implementation over the org; every plan it receives is kept. */
function gatewayOver(target: SalesforceOrg, allowed: SalesforceMapping = salesforceDefaultMapping) {
  const reference = createReferenceGateway({
    query: (soql) => target.query(soql),
    upsert: (object, field, key, fields) => target.sobjects.upsert(object, field, key, fields),
    allowlist: gatewayAllowlistOf(allowed),
  });
  const plans: unknown[] = [];
  const gateway: ApexGateway = {
    read: (planJson) => (plans.push(JSON.parse(planJson)), reference.read(planJson)),
    write: (planJson) => (plans.push(JSON.parse(planJson)), reference.write(planJson)),
  };
  return { gateway, plans };
}

function restContext(accountId: string, mapping: SalesforceMapping = salesforceDefaultMapping): Promise<AccountContext> {
  const transport = withBearerAuth(createFetchTransport(), () => 't');
  return readAccountContext(accountId, { transport, connection: parseSalesforceConnection({ instanceUrl }), mapping });
}

/** The same context regardless of the order rows came in. */
function comparable(context: AccountContext) {
  const byJson = <T>(items: readonly T[]) => items.map((item) => JSON.stringify(item)).sort();
  return {
    account: context.account,
    contacts: byJson(context.contacts),
    touchpoints: byJson(context.touchpoints),
    feedback: byJson(context.feedback),
    supportCases: byJson(context.supportCases),
    opportunities: byJson(context.opportunities),
    actions: byJson(context.actions),
    rejected: byJson(context.rejected),
    unavailable: byJson(context.unavailable),
  };
}

const accountIds = dataset.accounts.slice(0, 6).map((account) => [account.name, org.salesforceIdOf('account', account.id)] as const);
const [firstAccount] = accountIds;
if (firstAccount === undefined) throw new Error('no accounts generated');
const firstAccountId = firstAccount[1];

describe('createLwcBridgeDataSource: the account context through the Apex gateway', () => {
  it.each(accountIds)('reads the context of %s exactly as the REST composite does', async (_name, accountId) => {
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org).gateway });
    const [viaGateway, viaRest] = await Promise.all([bridge.getAccountContext(accountId), restContext(accountId)]);
    expect(viaGateway.rejected).toEqual([]);
    expect(viaGateway.contacts.length + viaGateway.touchpoints.length + viaGateway.feedback.length).toBeGreaterThan(0);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
  });

  it('asks once: the account with its contacts, cases and opportunities as children, then feedback, tasks, events and actions', async () => {
    const { gateway, plans } = gatewayOver(org);
    const bridge = createLwcBridgeDataSource({ gateway });
    await bridge.getAccountContext(firstAccountId);
    expect(bridge.stats.calls).toBe(1);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      version: 1,
      queries: {
        account: {
          kind: 'records',
          object: 'Account',
          where: [{ field: 'Id', op: 'eq', value: firstAccountId }],
          children: [{ relationship: 'Contacts' }, { relationship: 'Cases' }, { relationship: 'Opportunities' }],
        },
        feedback: { object: 'Kizuna_Feedback__c', where: [{ field: 'Account__c', op: 'eq', value: firstAccountId }] },
        tasks: { object: 'Task', where: [{ field: 'WhatId', op: 'eq', value: firstAccountId }, { field: 'Kizuna_Action_Key__c', op: 'isNull' }] },
        events: { object: 'Event' },
        actions: { object: 'Task', where: [{ field: 'WhatId', op: 'eq', value: firstAccountId }, { field: 'Kizuna_Action_Key__c', op: 'notNull' }] },
      },
    });
  });

  it('reads lists longer than a page to the end (keyset on Id), children included, and gets the same context', async () => {
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org).gateway, pageSize: 2 });
    const [viaGateway, viaRest] = await Promise.all([bridge.getAccountContext(firstAccountId), restContext(firstAccountId)]);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
    expect(bridge.stats.calls).toBeGreaterThan(1);
  });

  it('also reads SObjects serialized as they are (`attributes`, child `{ totalSize, done, records }`, `+0000` datetimes)', async () => {
    const { gateway } = gatewayOver(org);
    const serialized = (value: unknown): unknown => {
      if (typeof value === 'string') return value.replace(/^(\d{4}-\d{2}-\d{2}T[\d:.]+)Z$/, '$1+0000');
      if (Array.isArray(value)) return { totalSize: value.length, done: true, records: value.map(serialized) };
      if (typeof value !== 'object' || value === null) return value;
      const fields = Object.entries(value).map(([key, field]) => [key, key === 'records' ? (field as unknown[]).map(serialized) : serialized(field)]);
      return { attributes: { type: 'SObject' }, ...Object.fromEntries(fields) };
    };
    const asSerialized: ApexGateway = {
      read: async (planJson) => {
        const answer = JSON.parse(String(await gateway.read(planJson))) as { results: Record<string, { records?: unknown[] }> };
        for (const part of Object.values(answer.results)) if (part.records !== undefined) part.records = part.records.map(serialized);
        return answer;
      },
      write: (planJson) => gateway.write(planJson),
    };
    const bridge = createLwcBridgeDataSource({ gateway: asSerialized });
    const [viaGateway, viaRest] = await Promise.all([bridge.getAccountContext(firstAccountId), restContext(firstAccountId)]);
    expect(viaGateway.contacts.length).toBeGreaterThan(0);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
  });

  it('keeps the account when the org has no such object, and says which part is gone — as the REST path does', async () => {
    const mapping = { ...salesforceDefaultMapping, feedback: objectMappingSchema.parse({ ...salesforceDefaultMapping.feedback, object: 'Survey_Answer__c' }) };
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org, mapping).gateway, mapping });
    const [viaGateway, viaRest] = await Promise.all([bridge.getAccountContext(firstAccountId), restContext(firstAccountId, mapping)]);
    expect(viaGateway.unavailable.map((part) => [part.entity, part.code])).toEqual([['feedback', 'INVALID_TYPE']]);
    expect(viaGateway.feedback).toEqual([]);
    expect(comparable(viaGateway)).toEqual(comparable(viaRest));
  });

  it('reports a part the deployed gateway does not allow (another object than it was deployed for) as unavailable', async () => {
    const mapping = { ...salesforceDefaultMapping, feedback: objectMappingSchema.parse({ ...salesforceDefaultMapping.feedback, object: 'Survey_Answer__c' }) };
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org).gateway, mapping });
    const context = await bridge.getAccountContext(firstAccountId);
    expect(context.account.name).toBe(firstAccount[0]);
    expect(context.unavailable).toMatchObject([{ entity: 'feedback', code: 'PERMISSION_DENIED', message: 'Survey_Answer__c is not allowlisted' }]);
    expect(context.contacts.length).toBeGreaterThan(0);
  });

  it('says NOT_FOUND for an account the user cannot see, and refuses an id that is not a Salesforce id before calling', async () => {
    const { gateway, plans } = gatewayOver(org);
    const bridge = createLwcBridgeDataSource({ gateway });
    await expect(bridge.getAccountContext('001000000000000AAA')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(bridge.getAccountContext("001' OR Name != '")).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(plans).toHaveLength(1);
  });
});

describe('createLwcBridgeDataSource: accounts and the mapping', () => {
  it('lists every account, by name', async () => {
    const bridge = createLwcBridgeDataSource({ gateway: gatewayOver(org).gateway, pageSize: 5 });
    const accounts = await bridge.listAccounts();
    expect(accounts.map((account) => account.name)).toEqual(dataset.accounts.map((account) => account.name).sort((a, b) => a.localeCompare(b)));
    expect(bridge.stats.calls).toBe(Math.ceil((dataset.accounts.length + 1) / 5));
  });

  it('refuses a mapping that names something other than an API name before any call', () => {
    const { gateway, plans } = gatewayOver(org);
    const injected: ObjectMapping = { ...salesforceDefaultMapping.feedback, object: 'Kizuna_Feedback__c WHERE Name != null' };
    const mapping = { ...salesforceDefaultMapping, feedback: injected };
    expect(() => createLwcBridgeDataSource({ gateway, mapping })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const badField: ObjectMapping = { ...salesforceDefaultMapping.contact, fields: { ...salesforceDefaultMapping.contact.fields, email: 'Email, (SELECT Id FROM Cases)' } };
    expect(() => createLwcBridgeDataSource({ gateway, mapping: { ...salesforceDefaultMapping, contact: badField } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(plans).toEqual([]);
  });
});
