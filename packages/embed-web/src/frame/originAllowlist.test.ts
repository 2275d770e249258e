import { describe, expect, it } from 'vitest';
import { createOriginAllowlist, EmbedConfigError } from './originAllowlist';

describe('createOriginAllowlist', () => {
  it('allows exactly the configured origins', () => {
    const allowlist = createOriginAllowlist(['https://crm.example.com', 'http://127.0.0.1:5173']);
    expect(allowlist.allows('https://crm.example.com')).toBe(true);
    expect(allowlist.allows('http://127.0.0.1:5173')).toBe(true);
    // Same host over http, another port, a subdomain, a look-alike suffix, a trailing slash: all refused.
    for (const origin of [
      'http://crm.example.com',
      'https://crm.example.com:8443',
      'https://evil.crm.example.com',
      'https://crm.example.com.evil.test',
      'https://crm.example.com/',
      'HTTPS://CRM.EXAMPLE.COM',
      'null',
      '',
    ]) {
      expect(allowlist.allows(origin), origin).toBe(false);
    }
  });

  it('refuses configurations that are not exact origins, naming the entry', () => {
    for (const origin of ['*', 'https://*.example.com', 'https://crm.example.com/', 'https://crm.example.com/app', 'crm.example.com', 'null', 'javascript:alert(1)', 'https://CRM.example.com']) {
      expect(() => createOriginAllowlist([origin]), origin).toThrow(EmbedConfigError);
    }
    expect(() => createOriginAllowlist(['https://ok.example.com', 'https://x.example.com/path'])).toThrow(/"https:\/\/x\.example\.com\/path"/);
    expect(() => createOriginAllowlist([])).toThrow(/empty/);
  });
});
