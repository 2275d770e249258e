import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { SalesforceApiError } from '../salesforceApiError';
import { createSalesforceOrg } from '../salesforceOrg';

// Accounts: Acme Corp (active, Manufacturing), Beta KK (churned, no industry), Gamma Ltd (active, no industry).
const org = createSalesforceOrg(canonicalFixture(), { now: () => Date.parse('2026-05-22T12:00:00Z') });
const aggregate = (fields: Record<string, unknown>) => ({ attributes: { type: 'AggregateResult' }, ...fields });

function errorOf(soql: string): { status: number; errorCode: string; message: string } {
  try {
    org.query(soql);
  } catch (error) {
    if (error instanceof SalesforceApiError) return { status: error.status, errorCode: error.errorCode, message: error.message };
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

describe('GROUP BY ROLLUP', () => {
  it('adds a subtotal after each group and a grand total last; GROUPING() tells a subtotal from a null group', () => {
    const { totalSize, records } = org.query(
      'SELECT Kizuna_Status__c, Industry, GROUPING(Kizuna_Status__c) gStatus, GROUPING(Industry) gIndustry, COUNT(Id) n ' +
        'FROM Account GROUP BY ROLLUP(Kizuna_Status__c, Industry)',
    );
    expect(totalSize).toBe(6);
    expect(records).toEqual([
      aggregate({ Kizuna_Status__c: 'active', Industry: 'Manufacturing', gStatus: 0, gIndustry: 0, n: 1 }),
      aggregate({ Kizuna_Status__c: 'active', Industry: null, gStatus: 0, gIndustry: 0, n: 1 }), // a real "no industry" group
      aggregate({ Kizuna_Status__c: 'active', Industry: null, gStatus: 0, gIndustry: 1, n: 2 }), // subtotal for active
      aggregate({ Kizuna_Status__c: 'churned', Industry: null, gStatus: 0, gIndustry: 0, n: 1 }),
      aggregate({ Kizuna_Status__c: 'churned', Industry: null, gStatus: 0, gIndustry: 1, n: 1 }),
      aggregate({ Kizuna_Status__c: null, Industry: null, gStatus: 1, gIndustry: 1, n: 3 }), // grand total
    ]);
  });

  it('numbers unaliased aggregates and GROUPING() columns expr0, expr1 … in SELECT order', () => {
    const { records } = org.query('SELECT Kizuna_Status__c, COUNT(Id), GROUPING(Kizuna_Status__c) FROM Account GROUP BY ROLLUP(Kizuna_Status__c)');
    expect(records).toEqual([
      aggregate({ Kizuna_Status__c: 'active', expr0: 2, expr1: 0 }),
      aggregate({ Kizuna_Status__c: 'churned', expr0: 1, expr1: 0 }),
      aggregate({ Kizuna_Status__c: null, expr0: 3, expr1: 1 }),
    ]);
  });

  it('uses GROUPING() in HAVING and ORDER BY; ORDER BY sorts the subtotal rows with the others', () => {
    const detail = org.query('SELECT Kizuna_Status__c s, COUNT(Id) n FROM Account GROUP BY ROLLUP(Kizuna_Status__c) HAVING GROUPING(Kizuna_Status__c) = 0');
    expect(detail.records.map((r) => r['s'])).toEqual(['active', 'churned']);
    const sorted = org.query('SELECT Kizuna_Status__c s, COUNT(Id) n FROM Account GROUP BY ROLLUP(Kizuna_Status__c) ORDER BY GROUPING(Kizuna_Status__c), Kizuna_Status__c DESC');
    expect(sorted.records.map((r) => [r['s'], r['n']])).toEqual([['churned', 1], ['active', 2], [null, 3]]);
    // soql-parser-js 6.3.1 cannot parse `ORDER BY GROUPING(f) DESC`: the sim answers MALFORMED_QUERY there.
    expect(errorOf('SELECT Industry, COUNT(Id) FROM Account GROUP BY ROLLUP(Industry) ORDER BY GROUPING(Industry) DESC').errorCode).toBe('MALFORMED_QUERY');
  });

  it('rolls up relationship fields too, and answers one grand-total row when nothing matches', () => {
    const byAccount = org.query('SELECT Account__r.Name acct, COUNT(Id) n, GROUPING(Account__r.Name) g FROM Kizuna_Feedback__c GROUP BY ROLLUP(Account__r.Name)');
    expect(byAccount.records).toEqual([aggregate({ acct: 'Acme Corp', n: 2, g: 0 }), aggregate({ acct: 'Beta KK', n: 1, g: 0 }), aggregate({ acct: null, n: 3, g: 1 })]);
    const none = org.query("SELECT Industry, COUNT(Id) n FROM Account WHERE Name = 'Nobody' GROUP BY ROLLUP(Industry)");
    expect(none.records).toEqual([aggregate({ Industry: null, n: 0 })]);
  });

  it('refuses what Salesforce refuses: ROLLUP mixed with GROUP BY fields, more than 3 fields, GROUPING() of an ungrouped field', () => {
    expect(errorOf('SELECT Industry, Name, COUNT(Id) FROM Account GROUP BY ROLLUP(Industry), Name')).toMatchObject({ status: 400, errorCode: 'MALFORMED_QUERY' });
    expect(errorOf('SELECT Industry, Name, COUNT(Id) FROM Account GROUP BY Name, ROLLUP(Industry)').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT COUNT(Id) FROM Account GROUP BY ROLLUP(Industry, Name, Kizuna_Status__c, Kizuna_Segment__c)').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT Industry, GROUPING(Name) FROM Account GROUP BY ROLLUP(Industry)')).toMatchObject({ errorCode: 'MALFORMED_QUERY', message: 'GROUPING() needs a grouped field: Name' });
    expect(errorOf('SELECT GROUPING(Name) FROM Account').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT Kizuna_ARR__c, COUNT(Id) FROM Account GROUP BY ROLLUP(Kizuna_ARR__c)').errorCode).toBe('INVALID_FIELD');
  });

  it('answers GROUP BY CUBE with 501 SIM_UNSUPPORTED', () => {
    expect(errorOf('SELECT Industry, COUNT(Id) FROM Account GROUP BY CUBE(Industry)')).toMatchObject({ status: 501, errorCode: 'SIM_UNSUPPORTED' });
  });
});

describe('GROUPING() without ROLLUP', () => {
  it('is 0 on every row of a plain GROUP BY (no row is a subtotal)', () => {
    const { records } = org.query('SELECT Kizuna_Status__c, GROUPING(Kizuna_Status__c) g FROM Account GROUP BY Kizuna_Status__c');
    expect(records.map((r) => r['g'])).toEqual([0, 0]);
  });
});
