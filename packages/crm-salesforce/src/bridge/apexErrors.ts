import { CrmError, toCrmError, type CrmErrorCode } from '@kizuna/crm-core';
import { z } from 'zod';
import type { GatewayRefusal } from './gatewayResults';

/** Gateway error codes (gatewayResults.ts) → the adapter's codes. */
const gatewayCodes: Readonly<Record<string, CrmErrorCode>> = {
  INVALID_TYPE: 'INVALID_TYPE',
  INVALID_FIELD: 'INVALID_FIELD',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  NOT_ALLOWED: 'PERMISSION_DENIED',
  TOO_MANY_ROWS: 'INVALID_QUERY',
  ROW_BUDGET_EXCEEDED: 'RATE_LIMITED',
  INVALID_QUERY: 'INVALID_QUERY',
  INVALID_PLAN: 'INVALID_INPUT',
};

/** The CrmError for a query or plan the gateway refused; `crmCode` keeps the gateway's code. */
export function refusalError(refusal: GatewayRefusal): CrmError {
  return new CrmError(gatewayCodes[refusal.errorCode] ?? 'UNKNOWN', refusal.message, { crmCode: refusal.errorCode, cause: refusal });
}

/** Salesforce DML status codes (`Database.Error.getStatusCode()`) → the adapter's codes. */
const dmlCodes: Readonly<Record<string, CrmErrorCode>> = {
  DUPLICATE_VALUE: 'DUPLICATE',
  DUPLICATE_EXTERNAL_ID: 'DUPLICATE',
  DUPLICATES_DETECTED: 'DUPLICATE',
  INSUFFICIENT_ACCESS: 'PERMISSION_DENIED',
  INSUFFICIENT_ACCESS_OR_READONLY: 'PERMISSION_DENIED',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'PERMISSION_DENIED',
  NOT_ALLOWED: 'PERMISSION_DENIED',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  INVALID_FIELD: 'INVALID_FIELD',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'INVALID_FIELD',
  INVALID_TYPE: 'INVALID_TYPE',
  REQUIRED_FIELD_MISSING: 'VALIDATION',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'VALIDATION',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: 'VALIDATION',
  FIELD_INTEGRITY_EXCEPTION: 'VALIDATION',
  INVALID_CROSS_REFERENCE_KEY: 'VALIDATION',
  INVALID_EMAIL_ADDRESS: 'VALIDATION',
  MALFORMED_ID: 'VALIDATION',
  STRING_TOO_LONG: 'VALIDATION',
  NUMBER_OUTSIDE_VALID_RANGE: 'VALIDATION',
  ENTITY_IS_DELETED: 'NOT_FOUND',
};

export function crmCodeOfDmlStatus(statusCode: string): CrmErrorCode {
  return dmlCodes[statusCode] ?? 'UNKNOWN';
}

/**
 * How an Apex failure reaches LWC JavaScript: a fetch-Response-like object whose `body` holds
 * `{ message, exceptionType, isUserDefinedException, stackTrace }` for an unhandled exception
 * (only `message` for AuraHandledException), or an array `[{ message, errorCode }]` from UI API.
 * Observed in the wild: `message` itself being such an array.
 */
const apexErrorMessageSchema = z.union([z.string(), z.array(z.object({ message: z.string(), errorCode: z.string().optional() })).min(1)]);
const apexErrorSchema = z.object({
  body: z.union([
    z.object({ message: apexErrorMessageSchema, exceptionType: z.string().optional(), stackTrace: z.string().nullish() }),
    z.array(z.object({ message: z.string(), errorCode: z.string().optional() })).min(1),
  ]),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
});
type ApexError = z.infer<typeof apexErrorSchema>;

function exceptionCode(exceptionType: string, message: string): CrmErrorCode {
  const type = exceptionType.replace(/^System\./, '');
  if (type === 'NoAccessException' || type === 'SecurityException' || /insufficient (access|permissions)/i.test(message)) return 'PERMISSION_DENIED';
  if (type === 'QueryException') {
    if (/^No such column|^Didn't understand relationship|inaccessible field/i.test(message)) return 'INVALID_FIELD';
    if (/^sObject type .* is not supported/i.test(message)) return 'INVALID_TYPE';
    return 'INVALID_QUERY';
  }
  if (type === 'LimitException') return 'INVALID_QUERY';
  return 'UNKNOWN';
}

const uiApiCodes: Readonly<Record<string, CrmErrorCode>> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_SESSION_ID: 'AUTH_EXPIRED',
  INSUFFICIENT_ACCESS: 'PERMISSION_DENIED',
  INVALID_TYPE: 'INVALID_TYPE',
  INVALID_FIELD: 'INVALID_FIELD',
};

function fromApexError(error: ApexError, cause: unknown): CrmError {
  const status = error.status === undefined ? {} : { status: error.status };
  const body = error.body;
  const first = Array.isArray(body) ? body[0] : typeof body.message === 'string' ? { message: body.message } : body.message[0];
  const message = first?.message ?? error.statusText ?? 'The Apex gateway failed.';
  const errorCode = first !== undefined && 'errorCode' in first ? first.errorCode : undefined;
  if (!Array.isArray(body) && body.exceptionType !== undefined) {
    return new CrmError(exceptionCode(body.exceptionType, message), message, { ...status, crmCode: body.exceptionType, cause });
  }
  if (errorCode !== undefined) return new CrmError(uiApiCodes[errorCode] ?? 'UNKNOWN', message, { ...status, crmCode: errorCode, cause });
  // A failed server round trip with no Apex exception behind it (unverified: offline, server busy).
  const unreachable = error.status === 0 || (error.status !== undefined && error.status >= 502);
  return new CrmError(unreachable ? 'UNAVAILABLE' : 'UNKNOWN', message, { ...status, cause });
}

/**
 * Whatever a gateway call rejected with, as a CrmError with the original as `cause`: Apex
 * exceptions by `exceptionType` (and, for QueryException, the start of Salesforce's message),
 * UI-API-style bodies by `errorCode`, JavaScript errors as `toCrmError` classifies them.
 */
export function apexErrorToCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const parsed = apexErrorSchema.safeParse(error);
  return parsed.success ? fromApexError(parsed.data, error) : toCrmError(error);
}
