import { describe, expect, it } from 'vitest';
import { CrmError, toCrmError } from './crmError';

describe('CrmError', () => {
  it('keeps the CRM code, status and cause, and knows whether retrying can help', () => {
    const cause = new Error('socket hang up');
    const error = new CrmError('UNAVAILABLE', 'Salesforce is unavailable.', { status: 503, crmCode: 'SERVER_UNAVAILABLE', cause });
    expect(error).toMatchObject({ code: 'UNAVAILABLE', status: 503, crmCode: 'SERVER_UNAVAILABLE', retryable: true });
    expect(error.cause).toBe(cause);
    expect(new CrmError('DAILY_LIMIT', 'spent').retryable).toBe(false);
  });

  it('normalises anything thrown', () => {
    expect(toCrmError(new TypeError('fetch failed')).code).toBe('UNAVAILABLE');
    expect(toCrmError(new DOMException('aborted', 'AbortError')).code).toBe('CANCELLED');
    expect(toCrmError('boom')).toMatchObject({ code: 'UNKNOWN', message: 'boom' });
    const original = new CrmError('NOT_FOUND', 'gone');
    expect(toCrmError(original)).toBe(original);
  });

  it('normalises even values that cannot be turned into text', () => {
    expect(toCrmError(Object.create(null))).toMatchObject({ code: 'UNKNOWN', message: 'The CRM failed in an unexpected way.' });
    expect(toCrmError({ toString: 'not a function', valueOf: 1 })).toMatchObject({ code: 'UNKNOWN' });
  });
});
