import { objectMappingSchema } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers, type SalesforceOrg } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApexGateway } from '../bridge/apexGatewayTransport';
import { gatewayAllowlistOf } from '../bridge/gatewayAllowlist';
import { createLwcBridgeDataSource } from '../bridge/lwcBridgeDataSource';
import { createReferenceGateway } from '../bridge/referenceGateway';
import { salesforceDefaultMapping, type SalesforceMapping } from '../defaultMapping';
import { createSalesforceDataSource } from '../salesforceDataSource';
import { mapsMultiCurrencyField, singleCurrencyMapping } from './orgCurrencies';

/**
 * The default mapping reads `CurrencyIsoCode`, which only multi-currency orgs have. Against a
 * simulated single-currency org (JPY) every read still works, over REST and through the Apex
 * gateway, with the org's currency on every account and opportunity; a multi-currency org pays
 * nothing for it.
 */
const dataset = generateOrganisation({ seed: 7, accounts: 30 });
const singleCurrency = createSalesforceOrg(dataset, { multiCurrency: false, corporateCurrency: 'JPY' });
const multiCurrency = createSalesforceOrg(dataset);
const single = 'https://single-currency.my.salesforce.com';
const multi = 'https://multi-currency.my.salesforce.com';
const server = setupServer(...salesforceHandlers(singleCurrency, { instanceUrl: single, accessTokens: ['t'] }), ...salesforceHandlers(multiCurrency, { instanceUrl: multi, accessTokens: ['t'] }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const window = { from: '2025-10-01', to: '2026-10-01' };
const rest = (instanceUrl: string, mapping?: SalesforceMapping) => createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't', ...(mapping ? { mapping } : {}) });

function bridgeOver(org: SalesforceOrg) {
  const reference = createReferenceGateway({
    query: (soql) => org.query(soql),
    allowlist: gatewayAllowlistOf(salesforceDefaultMapping),
    fieldType: (object, field) => org.describe(object)?.fields.find((candidate) => candidate.name === field)?.type,
  });
  const gateway: ApexGateway = { read: (planJson) => reference.read(planJson), write: (planJson) => reference.write(planJson) };
  return createLwcBridgeDataSource({ gateway });
}

const busiest = [...dataset.accounts].sort(
  (a, b) => dataset.opportunities.filter((o) => o.accountId === b.id).length - dataset.opportunities.filter((o) => o.accountId === a.id).length,
)[0];
if (busiest === undefined) throw new Error('the sample organisation has no accounts');

describe('the default mapping in a single-currency org', () => {
  it('lists, reads and windows accounts over REST with the org currency, learning it once', async () => {
    const source = rest(single);
    const accounts = await source.listAccounts();
    expect(accounts).toHaveLength(dataset.accounts.length);
    expect(new Set(accounts.map((account) => account.currency))).toEqual(new Set(['JPY']));
    // the refused read, CurrencyType (refused: single currency), Organization, the read again
    expect(source.stats.calls).toBe(4);

    const id = singleCurrency.salesforceIdOf('account', busiest.id);
    const context = await source.getAccountContext(id);
    expect(context.unavailable).toEqual([]);
    expect(context.account.currency).toBe('JPY');
    expect(context.opportunities.length).toBeGreaterThan(0);
    expect(context.opportunities.every((opportunity) => opportunity.currency === 'JPY')).toBe(true);

    const { dataset: read, unavailable, rejected } = await source.readDataset(window);
    expect([unavailable, rejected]).toEqual([[], []]);
    expect(read.accounts).toHaveLength(dataset.accounts.length);
    expect(read.opportunities.length).toBeGreaterThan(0);
    expect([...read.accounts, ...read.opportunities].every((record) => record.currency === 'JPY')).toBe(true);

    // learnt: the next read is one query again
    const before = source.stats.calls;
    await source.listAccounts();
    expect(source.stats.calls - before).toBe(1);
  });

  it('reads through the Apex gateway with the org currency', async () => {
    const bridge = bridgeOver(singleCurrency);
    const context = await bridge.getAccountContext(singleCurrency.salesforceIdOf('account', busiest.id));
    expect(context.unavailable).toEqual([]);
    expect(context.account.currency).toBe('JPY');
    expect(context.opportunities.every((opportunity) => opportunity.currency === 'JPY')).toBe(true);
    const { dataset: read, unavailable } = await bridge.readDataset({ ...window, entities: ['opportunity'] });
    expect(unavailable).toEqual([]);
    expect(read.opportunities.length).toBeGreaterThan(0);
    expect(new Set([...read.accounts, ...read.opportunities].map((record) => record.currency))).toEqual(new Set(['JPY']));
  });
});

describe('the default mapping in a multi-currency org', () => {
  it('reads each record’s own currency and asks nothing more', async () => {
    const source = rest(multi);
    const accounts = await source.listAccounts();
    expect(source.stats.calls).toBe(1);
    expect(accounts.map((account) => account.currency).sort()).toEqual(dataset.accounts.map((account) => account.currency).sort());
    const context = await bridgeOver(multiCurrency).getAccountContext(multiCurrency.salesforceIdOf('account', busiest.id));
    expect(context.account.currency).toBe(busiest.currency);
  });

  it('keeps a refusal for another missing field: it asks the org once, then fails as before', async () => {
    const account = objectMappingSchema.parse({ ...salesforceDefaultMapping.account, fields: { ...salesforceDefaultMapping.account.fields, industry: 'Industry_Missing__c' } });
    const source = rest(multi, { ...salesforceDefaultMapping, account });
    await expect(source.listAccounts()).rejects.toMatchObject({ code: 'INVALID_FIELD' });
    // the refused read and the CurrencyType query that says the org has several currencies
    expect(source.stats.calls).toBe(2);
    await expect(source.listAccounts()).rejects.toMatchObject({ code: 'INVALID_FIELD' });
    expect(source.stats.calls).toBe(3);
  });
});

describe('singleCurrencyMapping', () => {
  it('leaves CurrencyIsoCode out and gives the org currency as a constant', () => {
    expect(mapsMultiCurrencyField(salesforceDefaultMapping)).toBe(true);
    const mapping = singleCurrencyMapping(salesforceDefaultMapping, 'EUR');
    expect(mapsMultiCurrencyField(mapping)).toBe(false);
    expect(mapping.account.fields['currency']).toBeUndefined();
    expect(mapping.account.constants).toEqual({ currency: 'EUR' });
    expect(mapping.opportunity.constants).toEqual({ currency: 'EUR' });
    expect(mapping.account.fields['arr']).toBe('Kizuna_ARR__c');
    expect(mapping.contact).toEqual(salesforceDefaultMapping.contact);
  });
});
