import { describe, expect, it } from 'vitest';
import { accountPath, homePath, openedAccountPath, parseRoute, pathOf } from './routes';

describe('parseRoute', () => {
  it('opens the account list at the root and account pages by each host’s record id', () => {
    expect(parseRoute('/', '')).toEqual({ route: { page: 'accounts' }, locale: undefined, role: 'account-manager', scheme: 'light' });
    expect(parseRoute('/salesforce/account/001000000000001AAA/', '?lang=ja')).toEqual({
      route: { page: 'account', host: 'salesforce', accountId: '001000000000001AAA' },
      locale: 'ja',
      role: 'account-manager',
      scheme: 'light',
    });
    expect(parseRoute('/zoho/account/5725767000000412001', '').route).toEqual({
      page: 'account',
      host: 'zoho',
      accountId: '5725767000000412001',
    });
  });

  it('opens the home pages with the business-unit leader by default, any role on request', () => {
    expect(parseRoute('/salesforce/home', '')).toMatchObject({ route: { page: 'home', host: 'salesforce' }, role: 'bu-leader' });
    expect(parseRoute('/zoho/home', '?role=cx-leader&theme=dark&lang=en')).toEqual({
      route: { page: 'home', host: 'zoho' },
      locale: 'en',
      role: 'cx-leader',
      scheme: 'dark',
    });
  });

  it('refuses anything that is not an id of that host rather than passing it on to a query', () => {
    expect(parseRoute("/salesforce/account/001' OR Id != '", '').route.page).toBe('not-found');
    expect(parseRoute('/salesforce/account/%3Cscript%3E', '').route.page).toBe('not-found');
    expect(parseRoute('/zoho/account/001000000000001AAA', '').route.page).toBe('not-found');
    expect(parseRoute('/zoho/account/12345', '').route.page).toBe('not-found');
    expect(parseRoute('/hubspot/home', '').route.page).toBe('not-found');
  });

  it('ignores unknown languages, roles and themes instead of failing', () => {
    expect(parseRoute('/', '?lang=fr&role=admin&theme=%3Cx%3E')).toMatchObject({
      locale: undefined,
      role: 'account-manager',
      scheme: 'light',
    });
  });

  it('builds the links the pages use, leaving defaults out', () => {
    expect(accountPath('salesforce', '001000000000001AAA', { locale: 'ja' })).toBe('/salesforce/account/001000000000001AAA?lang=ja');
    expect(accountPath('zoho', '5725767000000412001')).toBe('/zoho/account/5725767000000412001');
    expect(homePath('zoho', { role: 'cx-leader', scheme: 'dark' })).toBe('/zoho/home?role=cx-leader&theme=dark');
    expect(parseRoute('/zoho/home', '?role=cx-leader&theme=dark').role).toBe('cx-leader');
  });
});

describe('pathOf', () => {
  it('links the same page with other switches, keeping the others', () => {
    const account = parseRoute('/salesforce/account/001000000000001AAA', '?lang=ja').route;
    expect(pathOf(account, { role: 'bu-leader', locale: 'ja', scheme: 'dark' })).toBe('/salesforce/account/001000000000001AAA?role=bu-leader&lang=ja&theme=dark');
    expect(pathOf({ page: 'home', host: 'web' }, { role: 'cx-leader' })).toBe('/web/home?role=cx-leader');
    expect(pathOf({ page: 'accounts' }, { locale: 'en', scheme: 'light' })).toBe('/?lang=en');
  });
});

describe('openedAccountPath', () => {
  it('opens the account on the same host for its account manager, keeping the language and theme', () => {
    const home = { pathname: '/salesforce/home', search: '?role=bu-leader&lang=en&theme=dark' };
    expect(openedAccountPath('salesforce', '001000000000001AAA', home)).toBe('/salesforce/account/001000000000001AAA?role=account-manager&lang=en&theme=dark');
    expect(openedAccountPath('zoho', '5725767000000412001', { pathname: '/zoho/home', search: '?role=cx-leader' })).toBe('/zoho/account/5725767000000412001?role=account-manager');
    expect(openedAccountPath('web', '001000000000001', { pathname: '/web/home', search: '?lang=ja' })).toBe('/web/account/001000000000001?role=account-manager&lang=ja');
  });

  it('opens nothing for an id that is not a record id of that host', () => {
    const home = { pathname: '/salesforce/home', search: '' };
    expect(openedAccountPath('salesforce', '../../admin', home)).toBeUndefined();
    expect(openedAccountPath('salesforce', '5725767000000412001', home)).toBeUndefined();
    expect(openedAccountPath('zoho', '001000000000001AAA', home)).toBeUndefined();
    expect(openedAccountPath('web', 'javascript:alert(1)', home)).toBeUndefined();
  });
});
