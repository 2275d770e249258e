import type { CrmError, CrmErrorCode } from '@kizuna/crm-core';

const advice: Partial<Record<CrmErrorCode, string>> = {
  AUTH_EXPIRED: 'Pass a fresh --access-token, or --client-id, --client-secret and --refresh-token so Kizuna can renew it.',
  AUTH_INVALID: "Check the token, the client and the data centre: --api-domain and --accounts-server must be your org's (e.g. https://www.zohoapis.jp and https://accounts.zoho.jp), or sign in again.",
  PERMISSION_DENIED: "The Zoho user's profile may not do this: an administrator must grant read access to Kizuna's modules. `kizuna doctor --crm zoho` lists what is missing.",
  INVALID_TYPE: 'The mapping names a module this user cannot see. Run `kizuna doctor --crm zoho` with the same options to see what to fix.',
  INVALID_FIELD: 'The mapping names a field this user cannot see. Run `kizuna doctor --crm zoho` with the same options to see what to fix.',
  INVALID_QUERY: 'Zoho refused the request Kizuna built from the mapping. Run `kizuna doctor --crm zoho` with the same options to see what to fix.',
  DAILY_LIMIT: "The org's API credits for the last 24 hours are spent. Try again in a few hours (or ask an administrator to add credits).",
  RATE_LIMITED: "Zoho refuses requests for now (too many at once, or the day's credits are spent: Zoho does not say which). Try again later.",
  UNAVAILABLE: 'Check --api-domain and the network; if Zoho is under maintenance, try again later.',
  TIMEOUT: 'Zoho did not answer in time. Try again later.',
  NOT_FOUND: "Check --api-domain (your org's api_domain, e.g. https://www.zohoapis.eu) and --api-version (v8).",
  MALFORMED_RESPONSE: "Check that --api-domain is your org's API domain, not a proxy or a sign-in page.",
  CANCELLED: 'Interrupted.',
};

/** `<doing>: <Zoho's message> (<code>, <Zoho code>)` then what to do — the Salesforce commands' format. */
export function describeZohoFailure(doing: string, error: CrmError, resumable: boolean): string {
  const crmCode = error.crmCode === undefined || error.crmCode === error.code ? '' : `, ${error.crmCode}`;
  const lines = [`${doing}: ${error.message} (${error.code}${crmCode})`];
  const hint = advice[error.code];
  if (hint !== undefined) lines.push(hint);
  const temporary = ['DAILY_LIMIT', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT', 'CANCELLED'].includes(error.code);
  if (resumable && temporary) lines.push('Run the same command again to resume where it stopped: rows already written are kept.');
  return lines.join('\n');
}
