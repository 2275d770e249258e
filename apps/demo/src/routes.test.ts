import { describe, expect, it } from 'vitest';
import { accountPath, parseRoute } from './routes';

describe('parseRoute', () => {
  it('opens the account list at the root and an account page by Salesforce id', () => {
    expect(parseRoute('/', '')).toEqual({ route: { page: 'accounts' }, locale: 'en' });
    expect(parseRoute('/salesforce/account/001000000000001AAA/', '?lang=ja')).toEqual({
      route: { page: 'salesforce-account', accountId: '001000000000001AAA' },
      locale: 'ja',
    });
  });

  it('refuses anything that is not an id rather than passing it on to a query', () => {
    expect(parseRoute("/salesforce/account/001' OR Id != '", '').route.page).toBe('not-found');
    expect(parseRoute('/salesforce/account/%3Cscript%3E', '').route.page).toBe('not-found');
  });

  it('ignores unknown languages', () => {
    expect(parseRoute('/', '?lang=fr').locale).toBe('en');
  });

  it('builds the links the list page uses', () => {
    expect(accountPath('001000000000001AAA', 'ja')).toBe('/salesforce/account/001000000000001AAA?lang=ja');
  });
});
