import { describe, expect, it } from 'vitest';
import { jsonResponse, zohoError } from './testing/fakeTransport';
import { classifyZohoResponse, isZohoRefreshable, zohoErrorFrom } from './zohoError';

describe('Zoho errors', () => {
  it('refreshes on INVALID_TOKEN only', () => {
    const expired = zohoErrorFrom(zohoError(401, 'INVALID_TOKEN', 'invalid oauth token'));
    expect([expired.code, expired.crmCode, isZohoRefreshable(expired)]).toEqual(['AUTH_EXPIRED', 'INVALID_TOKEN', true]);
  });

  it('never refreshes AUTHENTICATION_FAILURE or OAUTH_SCOPE_MISMATCH, and says what to fix', () => {
    const failure = zohoErrorFrom(zohoError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed'));
    expect(failure.code).toBe('AUTH_INVALID');
    expect(isZohoRefreshable(failure)).toBe(false);
    expect(failure.message).toMatch(/Sign in again at the data centre of your org/);
    const scope = zohoErrorFrom(zohoError(401, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'));
    expect(scope.code).toBe('AUTH_INVALID');
    expect(isZohoRefreshable(scope)).toBe(false);
    expect(scope.message).toMatch(/grant ZohoCRM\.modules\.ALL, ZohoCRM\.coql\.READ/);
  });

  it('names the column of an INVALID_QUERY as a missing field', () => {
    const error = zohoErrorFrom(zohoError(400, 'INVALID_QUERY', 'column given seems to be invalid', { column_name: 'Kizuna_Segment' }));
    expect([error.code, error.fields]).toEqual(['INVALID_FIELD', ['Kizuna_Segment']]);
    expect(zohoErrorFrom(zohoError(400, 'SYNTAX_ERROR', 'invalid query formed', { clause: 'where' })).code).toBe('INVALID_QUERY');
    expect(zohoErrorFrom(zohoError(400, 'INVALID_MODULE', 'the module name given seems to be invalid')).code).toBe('INVALID_TYPE');
    expect(zohoErrorFrom(zohoError(400, 'INVALID_QUERY', 'invalid module given', { module: 'CX_Answers' })).code).toBe('INVALID_TYPE');
  });

  it('reads 429 as retryable and the all-failed write envelope as its first record error', () => {
    expect(zohoErrorFrom(zohoError(429, 'TOO_MANY_REQUESTS')).retryable).toBe(true);
    expect(zohoErrorFrom(jsonResponse(429)).code).toBe('RATE_LIMITED');
    const batch = jsonResponse(400, { data: [{ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Subject' }, message: 'required field not found', status: 'error' }] });
    expect([zohoErrorFrom(batch).code, zohoErrorFrom(batch).fields]).toEqual(['VALIDATION', ['Subject']]);
  });

  it('treats 204 and 207 as answers, not errors', () => {
    expect(classifyZohoResponse(jsonResponse(204))).toBeUndefined();
    expect(classifyZohoResponse(jsonResponse(207, { data: [] }))).toBeUndefined();
    expect(classifyZohoResponse(jsonResponse(502))?.code).toBe('UNAVAILABLE');
  });
});
