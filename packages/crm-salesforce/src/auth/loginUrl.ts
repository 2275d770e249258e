import { CrmError } from '@kizuna/crm-core';

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of an https URL (http only for a local simulator), or `undefined` when the URL
 * carries anything else — a path, a query, credentials — or is not a URL at all.
 */
export function secureOrigin(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && localHosts.has(parsed.hostname));
  const bare = parsed.pathname === '/' && parsed.search === '' && parsed.hash === '';
  const anonymous = parsed.username === '' && parsed.password === '';
  return secure && bare && anonymous ? parsed.origin : undefined;
}

/**
 * Where to sign in: `https://login.salesforce.com`, `https://test.salesforce.com` (sandboxes) or
 * the org's My Domain. Only ever used for `/services/oauth2/*`; data calls go to `instance_url`.
 */
export function loginOrigin(loginUrl: string): string {
  const origin = secureOrigin(loginUrl);
  if (origin === undefined) {
    throw new CrmError(
      'INVALID_INPUT',
      'The Salesforce login URL must be an https origin with no path, such as https://login.salesforce.com.',
    );
  }
  return origin;
}
