import { CrmError, type CrmErrorCode, type HttpResponse } from '@kizuna/crm-core';
import { z } from 'zod';

/** Salesforce REST errors are a JSON array of `{ message, errorCode, fields? }`. */
const restErrorBodySchema = z
  .array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }))
  .min(1);

function codeFor(status: number, errorCode: string, message: string): CrmErrorCode {
  switch (errorCode) {
    case 'INVALID_SESSION_ID':
      // "This session is not valid for use with the REST API" cannot be fixed by a refresh.
      return message.startsWith('Session expired or invalid') ? 'AUTH_EXPIRED' : 'AUTH_INVALID';
    case 'REQUEST_LIMIT_EXCEEDED':
      return message.startsWith('TotalRequests') ? 'DAILY_LIMIT' : 'RATE_LIMITED';
    case 'INVALID_TYPE':
      return 'INVALID_TYPE';
    case 'INVALID_FIELD':
      return 'INVALID_FIELD';
    case 'MALFORMED_QUERY':
    case 'INVALID_QUERY_FILTER_OPERATOR':
    case 'INVALID_QUERY_LOCATOR':
      return 'INVALID_QUERY';
    case 'QUERY_TIMEOUT':
      return 'TIMEOUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'INSUFFICIENT_ACCESS':
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
    case 'API_DISABLED_FOR_ORG':
      return 'PERMISSION_DENIED';
    case 'DUPLICATE_VALUE':
    case 'DUPLICATES_DETECTED':
      return 'DUPLICATE';
    case 'SERVER_UNAVAILABLE':
      return 'UNAVAILABLE';
    default:
      if (status === 401) return 'AUTH_INVALID';
      if (status === 403) return 'PERMISSION_DENIED';
      if (status === 404) return 'NOT_FOUND';
      if (status === 429) return 'RATE_LIMITED';
      if (status >= 500) return 'UNAVAILABLE';
      return 'UNKNOWN';
  }
}

/**
 * The CrmError for a non-2xx Salesforce response. Branches on status and `errorCode` (and the
 * message prefix only where Salesforce uses one code for two situations), never on free text.
 */
export function salesforceErrorFrom(response: HttpResponse): CrmError {
  let body: unknown;
  try {
    body = JSON.parse(response.text) as unknown;
  } catch {
    body = undefined;
  }
  if (response.status === 403 && response.text.trim() === 'Bad_OAuth_Token') {
    // The OAuth resources (UserInfo, identity URL) refuse an invalid or expired token with a plain
    // 403 `Bad_OAuth_Token` instead of the REST API's 401 INVALID_SESSION_ID (observed: Salesforce
    // Mobile SDK iOS issue 3398, jsforce pull request 736). A refresh may cure it.
    return new CrmError('AUTH_EXPIRED', 'Salesforce did not accept the access token (Bad_OAuth_Token).', { status: 403, crmCode: 'Bad_OAuth_Token' });
  }
  const parsed = restErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    // A 429 from a proxy or edge in front of the org carries no Salesforce body: still back off and retry.
    const code: CrmErrorCode = response.status >= 500 ? 'UNAVAILABLE' : response.status === 429 ? 'RATE_LIMITED' : 'MALFORMED_RESPONSE';
    return new CrmError(code, `Salesforce answered HTTP ${response.status} without a readable error body.`, {
      status: response.status,
    });
  }
  const [first] = parsed.data;
  const errorCode = first?.errorCode ?? 'UNKNOWN';
  const message = first?.message ?? '';
  return new CrmError(codeFor(response.status, errorCode, message), message.trim(), {
    status: response.status,
    crmCode: parsed.data.length > 1 ? 'MULTIPLE_API_ERRORS' : errorCode,
    fields: first?.fields ?? [],
    cause: parsed.data,
  });
}
