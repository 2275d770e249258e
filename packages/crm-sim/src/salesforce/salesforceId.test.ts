import { describe, expect, it } from 'vitest';
import { createIdSequence, salesforceIdChecksum, toSalesforceId18 } from './salesforceId';

describe('salesforceIdChecksum', () => {
  it('computes the case-safe suffix of the ids in the Salesforce docs', () => {
    expect(salesforceIdChecksum('001D000000IRFma')).toBe('IAH');
    expect(salesforceIdChecksum('001D000000IqhSL')).toBe('IAZ');
  });

  it('refuses anything that is not a 15-character id', () => {
    expect(() => salesforceIdChecksum('001D000000IRFm')).toThrow(/15-character/);
  });
});

describe('toSalesforceId18', () => {
  it('extends a 15-char id, and restores the case of an 18-char one from its suffix', () => {
    expect(toSalesforceId18('001D000000IRFma')).toBe('001D000000IRFmaIAH');
    expect(toSalesforceId18('001d000000irfmaiah')).toBe('001D000000IRFmaIAH');
    expect(toSalesforceId18('001D000000IQHSLIAZ')).toBe('001D000000IqhSLIAZ');
  });

  it('returns null for non-ids and for a suffix that cannot belong to the id', () => {
    expect(toSalesforceId18('acc-1')).toBeNull();
    // 'Z' would make the digit '0' upper case.
    expect(toSalesforceId18('001D000000IRFmaZAH')).toBeNull();
  });
});

describe('createIdSequence', () => {
  it('hands out ascending 18-char ids with the key prefix and a valid checksum', () => {
    const next = createIdSequence('001');
    const first = next();
    const second = next();
    expect(first).toMatch(/^0015g0[0-9A-Za-z]{12}$/);
    expect(toSalesforceId18(first.slice(0, 15))).toBe(first);
    expect(second > first).toBe(true);
  });

  it('is deterministic: the same prefix gives the same ids', () => {
    expect(createIdSequence('a01')()).toBe(createIdSequence('a01')());
    expect(createIdSequence('a01')()).not.toBe(createIdSequence('a02')());
  });
});
