import { type CrmError, type CrmErrorCode } from '@kizuna/crm-core';
import { exitCodes } from '../exitCodes';

/**
 * The exit code of a CrmError, the same for `pull` and `doctor`:
 * UNAVAILABLE/TIMEOUT/NOT_FOUND → 69, RATE_LIMITED/DAILY_LIMIT → 75, AUTH_EXPIRED/AUTH_INVALID/PERMISSION_DENIED and
 * mapping problems (INVALID_TYPE/INVALID_FIELD/INVALID_QUERY) → 77, MALFORMED_RESPONSE → 65,
 * INVALID_INPUT → 2, CANCELLED → 130, anything else → 70.
 */
export function exitCodeOf(code: CrmErrorCode): number {
  switch (code) {
    case 'UNAVAILABLE':
    case 'TIMEOUT':
    case 'NOT_FOUND':
      return exitCodes.unavailable;
    case 'RATE_LIMITED':
    case 'DAILY_LIMIT':
      return exitCodes.tempFail;
    case 'AUTH_EXPIRED':
    case 'AUTH_INVALID':
    case 'PERMISSION_DENIED':
    case 'INVALID_TYPE':
    case 'INVALID_FIELD':
    case 'INVALID_QUERY':
      return exitCodes.noPermission;
    case 'MALFORMED_RESPONSE':
      return exitCodes.dataError;
    case 'INVALID_INPUT':
      return exitCodes.usage;
    case 'CANCELLED':
      return exitCodes.interrupted;
    default:
      return exitCodes.software;
  }
}

const advice: Partial<Record<CrmErrorCode, string>> = {
  AUTH_EXPIRED: 'Pass a fresh --access-token, or --client-id and --refresh-token so Kizuna can renew the session.',
  AUTH_INVALID: 'Check the token, the client id and the login URL (https://test.salesforce.com for a sandbox), or sign in again.',
  PERMISSION_DENIED:
    "The Salesforce user may not do this: an administrator must give it API access and read access to Kizuna's objects. `kizuna doctor` lists what is missing.",
  INVALID_TYPE: "The mapping names an object this user cannot see. Run `kizuna doctor` with the same options to see what to fix.",
  INVALID_FIELD: 'The mapping names a field this user cannot see. Run `kizuna doctor` with the same options to see what to fix.',
  INVALID_QUERY: 'Salesforce refused the query Kizuna built from the mapping. Run `kizuna doctor` with the same options to see what to fix.',
  DAILY_LIMIT: "The org's API allocation for the last 24 hours is spent. Try again in a few hours (or ask an administrator to raise it).",
  RATE_LIMITED: 'Salesforce refuses requests for now (too many at once). Try again in a few minutes.',
  UNAVAILABLE: 'Check --instance-url and the network; if Salesforce is under maintenance, try again later.',
  TIMEOUT: 'Salesforce did not answer in time. Try again later.',
  NOT_FOUND: 'Check --instance-url (https://<your domain>.my.salesforce.com) and --api-version.',
  MALFORMED_RESPONSE: 'Check that --instance-url is the org itself (https://<your domain>.my.salesforce.com), not a proxy or login page.',
  CANCELLED: 'Interrupted.',
};

/**
 * Says what failed and what to do: `<doing>: <Salesforce's message> (<code>)` then the advice.
 * CrmError messages never carry tokens (the adapter names fields, never values, of token answers).
 */
export function describeFailure(doing: string, error: CrmError, resumable: boolean): string {
  const crmCode = error.crmCode === undefined || error.crmCode === error.code ? '' : `, ${error.crmCode}`;
  const lines = [`${doing}: ${error.message} (${error.code}${crmCode})`];
  const hint = advice[error.code];
  if (hint !== undefined) lines.push(hint);
  const temporary = ['DAILY_LIMIT', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT', 'CANCELLED'].includes(error.code);
  if (resumable && temporary) lines.push('Run the same command again to resume where it stopped: rows already written are kept.');
  return lines.join('\n');
}
