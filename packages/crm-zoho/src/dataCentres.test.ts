import { describe, expect, it } from 'vitest';
import { accountsServerOf, apiDomainOf, crmUrl, dataCentreOfApiDomain, parseZohoConnection, zohoDataCentres } from './dataCentres';

describe('data centres', () => {
  it('knows the eight data centres, Canada signing in at zohocloud.ca', () => {
    expect(Object.keys(zohoDataCentres)).toEqual(['US', 'EU', 'IN', 'AU', 'JP', 'CA', 'SA', 'CN']);
    expect(zohoDataCentres.CA.accountsServer).toBe('https://accounts.zohocloud.ca');
    expect(accountsServerOf('https://accounts.zohocloud.ca')).toBe('https://accounts.zohocloud.ca');
    expect(() => accountsServerOf('https://accounts.zoho.ca')).toThrow(/accounts server/);
  });

  it('sends tokens only to Zoho API domains', () => {
    for (const centre of Object.values(zohoDataCentres)) expect(apiDomainOf(centre.apiDomain)).toBe(centre.apiDomain);
    expect(apiDomainOf('https://sandbox.zohoapis.eu/')).toBe('https://sandbox.zohoapis.eu');
    for (const bad of ['https://www.zohoapis.com.evil.example', 'http://www.zohoapis.com', 'https://www.zohoapis.jp/crm', 'https://user:pw@www.zohoapis.jp', 'http://127.0.0.1:8080']) {
      expect(() => apiDomainOf(bad), bad).toThrow(/API domain/);
    }
    expect(apiDomainOf('http://127.0.0.1:8080', true)).toBe('http://127.0.0.1:8080');
    expect(dataCentreOfApiDomain('https://www.zohoapis.com.au')).toBe('AU');
  });

  it('builds every URL on the api_domain', () => {
    const connection = parseZohoConnection({ apiDomain: 'https://www.zohoapis.jp' });
    expect(crmUrl(connection, 'Accounts', new URLSearchParams({ fields: 'id,Account_Name', page: '1' }))).toBe('https://www.zohoapis.jp/crm/v8/Accounts?fields=id%2CAccount_Name&page=1');
    expect(() => parseZohoConnection({ apiDomain: 'https://www.zohoapis.jp', apiVersion: '8' })).toThrow(/apiVersion: must look like v8/);
  });
});
