import { type CrmError, type HttpResponse } from '@kizuna/crm-core';
import { salesforceErrorFrom } from '../salesforceError';

/**
 * What the transport layers need to know about a Salesforce answer: nothing for 2xx, else the
 * CrmError `salesforceErrorFrom` makes of it (INVALID_SESSION_ID "Session expired or invalid" →
 * AUTH_EXPIRED; "not valid for use with the REST API" → AUTH_INVALID; REQUEST_LIMIT_EXCEEDED
 * TotalRequests → DAILY_LIMIT, ConcurrentRequests → RATE_LIMITED; QUERY_TIMEOUT → TIMEOUT; 5xx → UNAVAILABLE).
 */
export function classifySalesforceResponse(response: HttpResponse): CrmError | undefined {
  return response.status >= 200 && response.status < 300 ? undefined : salesforceErrorFrom(response);
}

/** Only an expired session is worth a refresh; every other auth failure would loop. */
export function isSalesforceRefreshable(error: CrmError): boolean {
  return error.code === 'AUTH_EXPIRED';
}

/**
 * `api-usage=N/M` from a `Sforce-Limit-Info` value, tolerant of other entries around it
 * (`api-usage=110018/100000; api-bursts=1/750`, `per-app-api-usage=17/250(appName=…)`).
 * Usage may exceed the limit during bursts.
 */
export function parseSforceLimitInfo(value: string | null | undefined): { used: number; limit: number } | undefined {
  const match = /(?:^|[\s;,])api-usage=(\d+)\/(\d+)/.exec(value ?? '');
  if (match === null) return undefined;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return limit > 0 ? { used, limit } : undefined;
}

/** The usage parser for `withUsageTracking`. */
export function salesforceUsageFrom(response: HttpResponse): { used: number; limit: number } | undefined {
  return parseSforceLimitInfo(response.headers.get('Sforce-Limit-Info'));
}
