import { describe, expect, it } from 'vitest';
import { parseElementAttributes } from './elementSettings';

const defaults = { asOf: '2026-10-01T09:00:00.000Z', pageLanguage: 'en-US' };

describe('parseElementAttributes', () => {
  it('turns attributes into dashboard settings, with defaults for what is left out', () => {
    expect(parseElementAttributes({ role: 'bu-leader', crm: 'salesforce' }, defaults)).toEqual({
      ok: true,
      crm: 'salesforce',
      settings: { role: 'bu-leader', locale: 'en', theme: 'neutral', colourScheme: 'light', asOf: '2026-10-01T09:00:00.000Z' },
    });
    expect(
      parseElementAttributes(
        { role: 'account-manager', crm: 'zoho', account: '3000000032096', locale: 'ja-JP', theme: 'zoho', 'colour-scheme': 'dark', 'as-of': '2026-04-01T00:00:00+09:00' },
        defaults,
      ),
    ).toEqual({
      ok: true,
      crm: 'zoho',
      settings: { role: 'account-manager', accountId: '3000000032096', locale: 'ja', theme: 'zoho', colourScheme: 'dark', asOf: '2026-04-01T00:00:00+09:00' },
    });
  });

  it('takes the page language when locale is absent', () => {
    const result = parseElementAttributes({ role: 'cx-leader', crm: 'web' }, { ...defaults, pageLanguage: 'ja' });
    expect(result.ok && result.settings.locale).toBe('ja');
  });

  it('names every wrong attribute at once', () => {
    expect(parseElementAttributes({ role: 'ceo', crm: 'Salesforce', 'as-of': 'today', 'colour-scheme': 'sepia' }, defaults)).toEqual({
      ok: false,
      issues: [
        'role: must be one of account-manager, bu-leader, cx-leader',
        'crm: must be a lower-case name such as "salesforce"',
        'colour-scheme: must be one of light, dark',
        'as-of: must be an ISO instant such as 2026-10-01T00:00:00Z',
      ],
    });
    expect(parseElementAttributes({ crm: 'salesforce' }, defaults)).toMatchObject({ ok: false, issues: ['role: must be one of account-manager, bu-leader, cx-leader'] });
  });

  it('takes an account-href template with {id}, a path or an http(s) URL, and refuses any other', () => {
    const leader = { role: 'bu-leader', crm: 'salesforce' };
    expect(parseElementAttributes({ ...leader, 'account-href': '/crm/accounts/{id}' }, defaults)).toMatchObject({ ok: true, accountHref: '/crm/accounts/{id}' });
    expect(parseElementAttributes({ ...leader, 'account-href': 'https://crm.example.com/a/{id}/view' }, defaults)).toMatchObject({ ok: true, accountHref: 'https://crm.example.com/a/{id}/view' });
    expect(parseElementAttributes({ ...leader, 'account-href': 'javascript:alert("{id}")' }, defaults)).toEqual({ ok: false, issues: ['account-href: must be a path or an http(s) URL'] });
    expect(parseElementAttributes({ ...leader, 'account-href': '/crm/accounts/' }, defaults)).toEqual({ ok: false, issues: ['account-href: must contain {id} where the account id goes'] });
  });
});
