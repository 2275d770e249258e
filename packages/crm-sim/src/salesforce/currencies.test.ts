import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { createSalesforceOrg } from './salesforceOrg';

/** Multi-currency orgs and single-currency orgs, as Salesforce lays each out. */
const dataset = generateOrganisation({ seed: 5, accounts: 6 });

describe('the currencies of a simulated org', () => {
  it('is multi-currency by default: records carry their currency, CurrencyType lists the currencies', () => {
    const org = createSalesforceOrg(dataset);
    const accounts = org.query('SELECT Id, CurrencyIsoCode FROM Account').records;
    expect(accounts.map((record) => record['CurrencyIsoCode']).sort()).toEqual(dataset.accounts.map((account) => account.currency).sort());
    const corporate = org.query('SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true').records;
    expect(corporate).toHaveLength(1);
    expect(dataset.accounts.map((account) => account.currency)).toContain(corporate[0]?.['IsoCode']);
  });

  it('has no currency field and no CurrencyType in a single-currency org; the org names its currency', () => {
    const org = createSalesforceOrg(dataset, { multiCurrency: false, corporateCurrency: 'JPY' });
    expect(() => org.query('SELECT Id, CurrencyIsoCode FROM Account')).toThrow(expect.objectContaining({ errorCode: 'INVALID_FIELD' }));
    expect(() => org.query('SELECT Id, CurrencyIsoCode FROM Opportunity')).toThrow(expect.objectContaining({ errorCode: 'INVALID_FIELD' }));
    expect(() => org.query('SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true')).toThrow(expect.objectContaining({ errorCode: 'INVALID_TYPE' }));
    expect(org.query('SELECT DefaultCurrencyIsoCode FROM Organization').records.map((record) => record['DefaultCurrencyIsoCode'])).toEqual(['JPY']);
    expect(org.query('SELECT Id, Name FROM Account').records).toHaveLength(dataset.accounts.length);
    expect(org.records('Account').every((record) => !('CurrencyIsoCode' in record))).toBe(true);
  });
});
