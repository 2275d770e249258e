import { describe, expect, it } from 'vitest';
import { recordPageUrl } from './recordPageUrl';

const home = { pathname: '/salesforce/home', search: '?role=bu-leader&lang=en&theme=dark' };
const accountPage = (recordId: unknown) => ({ type: 'standard__recordPage', attributes: { recordId, objectApiName: 'Account', actionName: 'view' } });

describe('recordPageUrl (the demo’s lightning/navigation)', () => {
  it('takes an Account record page to the demo’s Lightning record page, for the account manager, in the same language and theme', () => {
    expect(recordPageUrl(accountPage('001000000000001AAA'), home)).toBe('/salesforce/account/001000000000001AAA?role=account-manager&lang=en&theme=dark');
    expect(recordPageUrl(accountPage('001000000000001'), { pathname: '/salesforce/home', search: '' })).toBe('/salesforce/account/001000000000001?role=account-manager');
  });

  it('goes nowhere it has no page for, nor to an id that is not a Salesforce id', () => {
    expect(() => recordPageUrl({ type: 'standard__recordPage', attributes: { recordId: '003000000000001AAA', objectApiName: 'Contact', actionName: 'view' } }, home)).toThrow(/Account record pages only/);
    expect(() => recordPageUrl({ type: 'standard__webPage', attributes: { url: 'https://example.com' } }, home)).toThrow(/Account record pages only/);
    expect(() => recordPageUrl({ ...accountPage('001000000000001AAA'), attributes: { recordId: '001000000000001AAA', objectApiName: 'Account', actionName: 'edit' } }, home)).toThrow(/Account record pages only/);
    expect(() => recordPageUrl(accountPage('../../setup'), home)).toThrow(/not a Salesforce record id/);
    expect(() => recordPageUrl(accountPage(42), home)).toThrow(/Account record pages only/);
    expect(() => recordPageUrl(undefined, home)).toThrow(/Account record pages only/);
  });
});
