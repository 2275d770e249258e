import { CrmError, type CrmErrorCode, type HttpResponse } from '@kizuna/crm-core';
import { z } from 'zod';

/**
 * Zoho's error envelope: request-level errors are a top-level `{code, details, message, status}`
 * (OAS `common.json` API_Exception); an all-failed write is HTTP 400 with the same objects in
 * `data[]`, one per record.
 */
export const zohoErrorBodySchema = z.object({
  code: z.string(),
  message: z.string().default(''),
  status: z.string().optional(),
  details: z.record(z.string(), z.unknown()).nullish(),
});
export type ZohoErrorBody = z.infer<typeof zohoErrorBodySchema>;

const dataErrorsSchema = z.object({ data: z.array(zohoErrorBodySchema).min(1) });

/** The scopes Kizuna asks for; a token without them is refused with OAUTH_SCOPE_MISMATCH. */
export const zohoScopes = ['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoCRM.users.READ'] as const;

/** What the user must do, for the refusals a person has to fix. */
const remedies: Readonly<Record<string, string>> = {
  INVALID_TOKEN: 'The Zoho access token expired or was revoked.',
  AUTHENTICATION_FAILURE:
    'Zoho could not authenticate the request: the access token is not a Zoho CRM token for this data centre. Sign in again at the data centre of your org (its api_domain), and do not pass the token as "Bearer".',
  OAUTH_SCOPE_MISMATCH: `The Zoho token lacks a scope this call needs: sign in again and grant ${zohoScopes.join(', ')}. Refreshing cannot add scopes.`,
  INACTIVE_USER: 'The Zoho user is inactive: an administrator must activate the user, or sign in as another.',
  NO_PERMISSION: "The Zoho user's profile does not allow this: an administrator must grant the permission.",
};

function stringDetail(details: Readonly<Record<string, unknown>> | null | undefined, key: string): string | undefined {
  const value = details?.[key];
  return typeof value === 'string' ? value : undefined;
}

function codeFor(status: number, body: ZohoErrorBody): CrmErrorCode {
  switch (body.code) {
    case 'INVALID_TOKEN':
      return 'AUTH_EXPIRED';
    case 'AUTHENTICATION_FAILURE':
    case 'OAUTH_SCOPE_MISMATCH':
    case 'INACTIVE_USER':
      return 'AUTH_INVALID';
    case 'NO_PERMISSION':
    case 'NOT_SUPPORTED':
    case 'FEATURE_NOT_SUPPORTED':
    case 'AUTHORIZATION_FAILED':
      return 'PERMISSION_DENIED';
    case 'INVALID_MODULE':
      return 'INVALID_TYPE';
    case 'INVALID_QUERY':
      // "column given seems to be invalid" names the column, "invalid module given" the module
      // (COQL answers an unknown module so, not with INVALID_MODULE); other reasons are the query's own.
      if (stringDetail(body.details, 'column_name') !== undefined) return 'INVALID_FIELD';
      return stringDetail(body.details, 'module') === undefined ? 'INVALID_QUERY' : 'INVALID_TYPE';
    case 'SYNTAX_ERROR':
    case 'LIMIT_EXCEEDED':
    case 'REQUIRED_PARAM_MISSING':
    case 'AMBIGUITY_DURING_PROCESSING':
    case 'DISCRETE_PAGINATION_LIMIT_EXCEEDED':
    case 'PAGINATION_LIMIT_EXCEEDED':
    case 'TOKEN_BOUND_DATA_MISMATCH':
    case 'EXPIRED_VALUE':
    case 'INVALID_ALIAS':
    case 'DUPLICATE_ALIAS':
    case 'INVALID_REQUEST_METHOD':
      return 'INVALID_QUERY';
    case 'DUPLICATE_DATA':
      return status === 401 ? 'INVALID_QUERY' : 'DUPLICATE';
    case 'INVALID_DATA':
    case 'MANDATORY_NOT_FOUND':
    case 'RECORD_LOCKED':
    case 'ALREADY_MODIFIED':
      return 'VALIDATION';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    case 'INVALID_URL_PATTERN':
    case 'INVALID_HOST':
      return 'NOT_FOUND';
    case 'INTERNAL_ERROR':
      return 'UNAVAILABLE';
    default:
      if (status === 429) return 'RATE_LIMITED';
      if (status === 401) return 'AUTH_INVALID';
      if (status === 403) return 'PERMISSION_DENIED';
      if (status === 404) return 'NOT_FOUND';
      if (status >= 500) return 'UNAVAILABLE';
      return 'UNKNOWN';
  }
}

/** The CrmError for one Zoho error object (request-level, or one record's result). */
export function crmErrorOfZoho(status: number, body: ZohoErrorBody): CrmError {
  const code = codeFor(status, body);
  const field = stringDetail(body.details, 'api_name') ?? stringDetail(body.details, 'column_name') ?? stringDetail(body.details, 'param_name');
  const remedy = remedies[body.code];
  const said = body.message.trim();
  const message = remedy === undefined ? said || `Zoho answered ${body.code}.` : `${remedy}${said === '' ? '' : ` (Zoho: ${said})`}`;
  return new CrmError(code, message, { status, crmCode: body.code, fields: field === undefined ? [] : [field], cause: body });
}

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The CrmError for a Zoho CRM response that is not a success. Branches on HTTP status and Zoho's
 * `code`, never on message text.
 */
export function zohoErrorFrom(response: HttpResponse): CrmError {
  const body = parsedBody(response.text);
  const single = zohoErrorBodySchema.safeParse(body);
  if (single.success) return crmErrorOfZoho(response.status, single.data);
  const perRecord = dataErrorsSchema.safeParse(body);
  if (perRecord.success && perRecord.data.data[0] !== undefined) return crmErrorOfZoho(response.status, perRecord.data.data[0]);
  if (response.status === 429) return new CrmError('RATE_LIMITED', 'Zoho CRM refused the call: too many requests.', { status: 429 });
  const code: CrmErrorCode = response.status >= 500 ? 'UNAVAILABLE' : 'MALFORMED_RESPONSE';
  return new CrmError(code, `Zoho CRM answered HTTP ${response.status} without a readable error body.`, { status: response.status });
}

/** For the transport layers: nothing for 2xx (204 and 207 included), else the error. */
export function classifyZohoResponse(response: HttpResponse): CrmError | undefined {
  return response.status >= 200 && response.status < 300 ? undefined : zohoErrorFrom(response);
}

/** Only INVALID_TOKEN is worth a refresh; AUTHENTICATION_FAILURE and OAUTH_SCOPE_MISMATCH never are. */
export function isZohoRefreshable(error: CrmError): boolean {
  return error.code === 'AUTH_EXPIRED' && error.crmCode === 'INVALID_TOKEN';
}
