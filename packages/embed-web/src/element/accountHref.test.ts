import { describe, expect, it } from 'vitest';
import { accountUrl } from './accountHref';

const page = 'https://intranet.example.com/cx/home?role=bu-leader';

describe('accountUrl', () => {
  it('puts the account id, URL-encoded, where the template says and resolves it against the page', () => {
    expect(accountUrl('/crm/accounts/{id}', '001000000000001AAA', page)).toBe('https://intranet.example.com/crm/accounts/001000000000001AAA');
    expect(accountUrl('accounts/{id}?from={id}', 'acc-1', page)).toBe('https://intranet.example.com/cx/accounts/acc-1?from=acc-1');
    expect(accountUrl('https://crm.example.com/a/{id}/view', 'a b/c', page)).toBe('https://crm.example.com/a/a%20b%2Fc/view');
  });

  it('gives no URL for a template without {id}, with another scheme, or that resolves to one', () => {
    expect(accountUrl('/crm/accounts', 'acc-1', page)).toBeUndefined();
    expect(accountUrl('javascript:alert({id})', 'acc-1', page)).toBeUndefined();
    expect(accountUrl(' JavaScript:alert({id})', 'acc-1', page)).toBeUndefined();
    expect(accountUrl('data:text/html,{id}', 'acc-1', page)).toBeUndefined();
    expect(accountUrl('/crm/accounts/{id}', 'acc-1', 'about:blank')).toBeUndefined();
  });
});
