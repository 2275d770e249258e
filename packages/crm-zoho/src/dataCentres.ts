import { CrmError } from '@kizuna/crm-core';
import { z } from 'zod';

/**
 * Zoho's data centres: where an org's users sign in (accounts server) and where its CRM API
 * answers (`api_domain`). Source: the v8 multi-DC page and the official TypeScript SDK's
 * `constants.ts`; Canada signs in at `accounts.zohocloud.ca`, not `accounts.zoho.ca`.
 */
export const zohoDataCentres = {
  US: { accountsServer: 'https://accounts.zoho.com', apiDomain: 'https://www.zohoapis.com' },
  EU: { accountsServer: 'https://accounts.zoho.eu', apiDomain: 'https://www.zohoapis.eu' },
  IN: { accountsServer: 'https://accounts.zoho.in', apiDomain: 'https://www.zohoapis.in' },
  AU: { accountsServer: 'https://accounts.zoho.com.au', apiDomain: 'https://www.zohoapis.com.au' },
  JP: { accountsServer: 'https://accounts.zoho.jp', apiDomain: 'https://www.zohoapis.jp' },
  CA: { accountsServer: 'https://accounts.zohocloud.ca', apiDomain: 'https://www.zohoapis.ca' },
  SA: { accountsServer: 'https://accounts.zoho.sa', apiDomain: 'https://www.zohoapis.sa' },
  CN: { accountsServer: 'https://accounts.zoho.com.cn', apiDomain: 'https://www.zohoapis.com.cn' },
} as const;
export type ZohoDataCentre = keyof typeof zohoDataCentres;

/** Authorisation always starts at the global accounts server; it redirects with the user's own. */
export const globalAccountsServer = zohoDataCentres.US.accountsServer;

const apiHosts = /^(www|sandbox|developer)\.zohoapis\.(com|eu|in|com\.au|jp|ca|sa|com\.cn)$/;
const accountsHosts = /^accounts\.(zoho\.(com|eu|in|com\.au|jp|sa|com\.cn)|zohocloud\.ca)$/;

function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function originOf(text: string, hosts: RegExp, what: string, allowLocal: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CrmError('INVALID_INPUT', `${what} must be a URL (got ${text}).`);
  }
  const plain = url.username === '' && url.password === '' && url.search === '' && url.hash === '' && (url.pathname === '/' || url.pathname === '');
  const zoho = url.protocol === 'https:' && hosts.test(url.hostname) && url.port === '';
  if (!plain || !(zoho || (allowLocal && isLocal(url)))) {
    throw new CrmError('INVALID_INPUT', `${what} must be a Zoho ${what === 'The API domain' ? 'API domain such as https://www.zohoapis.jp' : 'accounts server such as https://accounts.zoho.jp'} (got ${url.origin}).`);
  }
  return url.origin;
}

/**
 * An `api_domain` checked to be a Zoho CRM API host (or, with `allowLocal`, an http localhost
 * simulator): access tokens are only ever sent there, so a forged token response cannot
 * redirect them.
 */
export function apiDomainOf(text: string, allowLocal = false): string {
  return originOf(text, apiHosts, 'The API domain', allowLocal);
}

/** An `accounts-server` checked to be one of Zoho's accounts servers. */
export function accountsServerOf(text: string, allowLocal = false): string {
  return originOf(text, accountsHosts, 'The accounts server', allowLocal);
}

/** The data centre whose API domain this is (`undefined` for sandboxes' unknown hosts and simulators). */
export function dataCentreOfApiDomain(apiDomain: string): ZohoDataCentre | undefined {
  const host = new URL(apiDomain).hostname.replace(/^(www|sandbox|developer)\./, 'www.');
  const found = Object.entries(zohoDataCentres).find(([, centre]) => new URL(centre.apiDomain).hostname === host);
  return found === undefined ? undefined : (found[0] as ZohoDataCentre);
}

export const zohoConnectionSchema = z.strictObject({
  apiDomain: z.string(),
  apiVersion: z.string().regex(/^v\d{1,2}$/, 'must look like v8').default('v8'),
  /** Accept an http localhost API domain (a simulator). Never for real orgs. */
  allowLocal: z.boolean().default(false),
});
export type ZohoConnectionInput = z.input<typeof zohoConnectionSchema>;
export interface ZohoConnection {
  readonly apiDomain: string;
  readonly apiVersion: string;
}

/** Checked connection settings; failures are INVALID_INPUT naming the setting. */
export function parseZohoConnection(input: unknown): ZohoConnection {
  const result = zohoConnectionSchema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new CrmError('INVALID_INPUT', `Zoho connection settings are invalid — ${detail}`, { cause: result.error });
  }
  return { apiDomain: apiDomainOf(result.data.apiDomain, result.data.allowLocal), apiVersion: result.data.apiVersion };
}

/** `{api_domain}/crm/v8/<path>`. */
export function crmUrl(connection: ZohoConnection, path: string, params?: URLSearchParams): string {
  const query = params === undefined || [...params.keys()].length === 0 ? '' : `?${params.toString()}`;
  return `${connection.apiDomain}/crm/${connection.apiVersion}/${path}${query}`;
}
