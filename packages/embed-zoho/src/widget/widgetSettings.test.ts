import { describe, expect, it } from 'vitest';
import { planFor, widgetSettings } from './widgetSettings';

const placement = { accountsModule: 'Accounts', roleHint: null };
const page = (entity: string | undefined, entityIds: readonly string[]) => ({ entity, entityIds, buttonPosition: undefined });

describe('planFor (which dashboard a widget shows where it sits)', () => {
  it('shows the account of an account page, related list or button', () => {
    expect(planFor(page('Accounts', ['6012345000000399001']), placement)).toEqual({ kind: 'account', accountId: '6012345000000399001', selected: 1 });
    expect(planFor(page('Accounts', ['1', '2', '3']), placement)).toEqual({ kind: 'account', accountId: '1', selected: 3 });
  });

  it('looks up the account of a contact, deal or case', () => {
    expect(planFor(page('Deals', ['42']), placement)).toEqual({ kind: 'lookup-account', entity: 'Deals', recordId: '42' });
    expect(planFor(page('Cases', ['7', '8']), placement)).toEqual({ kind: 'lookup-account', entity: 'Cases', recordId: '7' });
  });

  it('shows a portfolio dashboard where there is no record, the role from the URL when it is a leader role', () => {
    expect(planFor(page(undefined, []), placement)).toEqual({ kind: 'portfolio', role: 'bu-leader' });
    expect(planFor(page(undefined, []), { ...placement, roleHint: 'cx-leader' })).toEqual({ kind: 'portfolio', role: 'cx-leader' });
    // The account manager's dashboard needs an account: not available without one.
    expect(planFor(page(undefined, []), { ...placement, roleHint: 'account-manager' })).toEqual({ kind: 'portfolio', role: 'bu-leader' });
    expect(planFor(page('Accounts', []), { ...placement, roleHint: 'nonsense' })).toEqual({ kind: 'portfolio', role: 'bu-leader' });
  });

  it('has nothing to show on modules without accounts, and follows a renamed accounts module', () => {
    expect(planFor(page('Leads', ['1']), placement)).toEqual({ kind: 'unsupported', entity: 'Leads' });
    expect(planFor(page('Companies', ['9']), { ...placement, accountsModule: 'Companies' })).toEqual({ kind: 'account', accountId: '9', selected: 1 });
  });
});

describe('widgetSettings', () => {
  it('builds valid dashboard settings with the Zoho theme', () => {
    expect(widgetSettings({ role: 'account-manager', accountId: '9' }, { locale: 'ja', asOf: '2026-10-01T00:00:00.000Z' })).toEqual({
      role: 'account-manager',
      accountId: '9',
      locale: 'ja',
      theme: 'zoho',
      colourScheme: 'light',
      asOf: '2026-10-01T00:00:00.000Z',
    });
  });
});
