import { CrmError, parseJsonBody, type HttpTransport } from '@kizuna/crm-core';
import type { CrmUser } from '@kizuna/model';
import { z } from 'zod';
import type { SalesforceConnection } from './connection';
import { salesforceErrorFrom } from './salesforceError';

/**
 * The claims of Salesforce's UserInfo endpoint that Kizuna reads (OpenID Connect UserInfo; help
 * "Query for User Information", remoteaccess_using_userinfo_endpoint.htm). `locale` and `language`
 * are Salesforce locale keys (`en_US`, `ja_JP`), `zoneinfo` an IANA zone. Other claims (`sub`,
 * `photos`, `urls`, `utcOffset` …) are allowed and ignored.
 */
export const salesforceUserInfoSchema = z.object({
  user_id: z.string().regex(/^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/, 'must be a User id'),
  name: z.string().min(1),
  email: z.string().optional(),
  locale: z.string().min(2),
  language: z.string().optional(),
  zoneinfo: z.string().optional(),
});
export type SalesforceUserInfo = z.infer<typeof salesforceUserInfoSchema>;

/**
 * A Salesforce locale key as a BCP 47 tag: `ja_JP` → `ja-JP`, `zh_Hant_TW` → `zh-Hant-TW`.
 * Salesforce-only suffixes that are not BCP 47 subtags (`zh_CN_PINYIN`, `de_DE_EURO`) are dropped.
 */
export function bcp47FromSalesforceLocale(locale: string): string {
  const [language = '', ...rest] = locale.split(/[_-]/);
  const subtags = [language.toLowerCase()];
  const [first, second] = rest;
  const script = first !== undefined && /^[A-Za-z]{4}$/.test(first) ? first : undefined;
  if (script !== undefined) subtags.push(script.charAt(0).toUpperCase() + script.slice(1).toLowerCase());
  const region = script === undefined ? first : second;
  if (region !== undefined && /^(?:[A-Za-z]{2}|\d{3})$/.test(region)) subtags.push(region.toUpperCase());
  try {
    return Intl.getCanonicalLocales(subtags.join('-'))[0] ?? language.toLowerCase();
  } catch {
    return language.toLowerCase();
  }
}

/** An IANA zone the runtime knows, or undefined. */
function knownTimeZone(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The canonical user of a UserInfo answer. */
export function crmUserOf(info: SalesforceUserInfo): CrmUser {
  const timeZone = knownTimeZone(info.zoneinfo);
  return {
    id: info.user_id,
    name: info.name,
    ...(info.email === undefined || info.email === '' ? {} : { email: info.email }),
    locale: bcp47FromSalesforceLocale(info.locale),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
}

/**
 * The signed-in user: `GET {instance}/services/oauth2/userinfo` with the access token (the My
 * Domain answers it as the login host does). Not a REST data resource, so it is not counted
 * against the daily API allocation; an invalid token is refused with 403 `Bad_OAuth_Token`,
 * which the transport stack treats as an expired session (one refresh).
 */
export async function readCurrentUser(transport: HttpTransport, connection: SalesforceConnection, signal?: AbortSignal): Promise<CrmUser> {
  const response = await transport({
    method: 'GET',
    url: `${connection.instanceUrl}/services/oauth2/userinfo`,
    headers: { Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (response.status !== 200) throw salesforceErrorFrom(response);
  const parsed = salesforceUserInfoSchema.safeParse(parseJsonBody(response, 'user information'));
  if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned user information of an unexpected shape.', { cause: parsed.error });
  return crmUserOf(parsed.data);
}
