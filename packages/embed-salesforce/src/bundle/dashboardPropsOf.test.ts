import { describe, expect, it } from 'vitest';
import { dashboardPropsOf } from './dashboardPropsOf';
import { KizunaEmbedError } from './embedError';

const now = new Date('2026-05-20T20:49:32.000Z');
const onAccountPage = {
  recordId: '001000000000001AAA',
  objectApiName: 'Account',
  role: 'account-manager',
  period: 'current',
  theme: 'dark',
  locale: 'ja-JP',
  timeZone: 'Asia/Tokyo',
};

describe('dashboardPropsOf', () => {
  it('shows the account of an Account page, in the user language, in Salesforce colours', () => {
    expect(dashboardPropsOf(onAccountPage, now)).toEqual({
      role: 'account-manager',
      accountId: '001000000000001AAA',
      locale: 'ja',
      theme: 'salesforce',
      colourScheme: 'dark',
      asOf: '2026-05-20T20:49:32.000Z',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('reads Salesforce locale keys and falls back to English', () => {
    expect(dashboardPropsOf({ ...onAccountPage, locale: 'ja_JP' }, now).locale).toBe('ja');
    expect(dashboardPropsOf({ ...onAccountPage, locale: 'fr-FR' }, now).locale).toBe('en');
  });

  it('has no account on app and home pages, nor on another object', () => {
    const appPage = { ...onAccountPage, role: 'bu-leader', recordId: undefined, objectApiName: undefined };
    expect(dashboardPropsOf(appPage, now)).not.toHaveProperty('accountId');
    expect(dashboardPropsOf({ ...appPage, recordId: null, objectApiName: null }, now)).not.toHaveProperty('accountId');
    expect(dashboardPropsOf({ ...onAccountPage, objectApiName: 'Opportunity' }, now)).not.toHaveProperty('accountId');
  });

  it('moves asOf to the end of the chosen period', () => {
    expect(dashboardPropsOf({ ...onAccountPage, period: 'last-year-end' }, now).asOf).toBe('2026-01-01T00:00:00.000Z');
  });

  it('names every misconfigured property at once', () => {
    const failure = (() => {
      try {
        dashboardPropsOf({ ...onAccountPage, role: 'Account Manager', period: 'yesterday', recordId: "001' OR 1=1" }, now);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(KizunaEmbedError);
    expect(failure).toMatchObject({ code: 'INVALID_SETTINGS' });
    const message = failure instanceof Error ? failure.message : '';
    expect(message).toContain('role:');
    expect(message).toContain('period:');
    expect(message).toContain('recordId: must be a 15- or 18-character Salesforce id');
  });

  it('gives the leader dashboards the way to an account when the component navigates, and none otherwise', () => {
    const onOpenAccount = (accountId: string) => void accountId;
    const leaderPage = { ...onAccountPage, role: 'bu-leader', recordId: undefined, objectApiName: undefined };
    expect(dashboardPropsOf(leaderPage, now, onOpenAccount).leader?.onOpenAccount).toBe(onOpenAccount);
    expect(dashboardPropsOf(leaderPage, now)).not.toHaveProperty('leader');
  });

  it('refuses settings it does not know (a component and a bundle from different builds)', () => {
    expect(() => dashboardPropsOf({ ...onAccountPage, colour: 'red' }, now)).toThrow(/misconfigured/);
  });
});
