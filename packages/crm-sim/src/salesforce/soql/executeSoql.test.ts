import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { SalesforceApiError } from '../salesforceApiError';
import { createSalesforceOrg } from '../salesforceOrg';

const org = createSalesforceOrg(canonicalFixture(), { now: () => Date.parse('2026-05-22T12:00:00Z') });
const acme = org.salesforceIdOf('account', 'acc-1');

function names(soql: string): unknown[] {
  return org.query(soql).records.map((record) => record['Name']);
}

function errorOf(soql: string): { status: number; errorCode: string; message: string } {
  try {
    org.query(soql);
  } catch (error) {
    if (error instanceof SalesforceApiError) return { status: error.status, errorCode: error.errorCode, message: error.message };
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

describe('SELECT: fields and relationships', () => {
  it("keys fields by the schema's API names, not the query's casing", () => {
    const [record] = org.query("select name, INDUSTRY from account where name = 'acme corp'").records;
    expect(Object.keys(record ?? {})).toEqual(['attributes', 'Name', 'Industry']);
    expect(record?.['attributes']).toEqual({ type: 'Account', url: `/services/data/v66.0/sobjects/Account/${acme}` });
  });

  it('accepts WITH SECURITY_ENFORCED and WITH USER_MODE (the simulated user sees everything)', () => {
    expect(names("SELECT Name FROM Account WHERE Name = 'Beta KK' WITH SECURITY_ENFORCED")).toEqual(['Beta KK']);
    expect(names("SELECT Name FROM Account WHERE Name = 'Beta KK' WITH USER_MODE")).toEqual(['Beta KK']);
  });

  it('nests parent fields under the relationship name, null when the lookup is empty', () => {
    const records = org.query('SELECT Score__c, Contact__r.Name, Contact__r.Account.Name FROM Kizuna_Feedback__c ORDER BY Responded_At__c').records;
    expect(records[0]?.['Contact__r']).toMatchObject({ attributes: { type: 'Contact' }, Name: "Sean O'Brien", Account: { Name: 'Beta KK' } });
    expect(records[2]?.['Contact__r']).toBeNull();
  });

  it('traverses polymorphic lookups through the Name object', () => {
    const [task] = org.query("SELECT What.Name, What.Type FROM Task WHERE TaskSubtype = 'Email'").records;
    expect(task?.['What']).toEqual({
      attributes: { type: 'Name', url: `/services/data/v66.0/sobjects/Account/${acme}` },
      Name: 'Acme Corp',
      Type: 'Account',
    });
  });

  it('returns child subqueries as nested QueryResults, null when there are no children', () => {
    const records = org.query("SELECT Name, (SELECT Name FROM Contacts WHERE Name LIKE 'H%'), (SELECT Score__c FROM Kizuna_Feedback__r ORDER BY Score__c DESC LIMIT 1) FROM Account ORDER BY Name").records;
    expect(records[0]).toMatchObject({
      Name: 'Acme Corp',
      Contacts: { totalSize: 1, done: true, records: [{ Name: 'Hanako Yamada' }] },
      Kizuna_Feedback__r: { totalSize: 1, done: true, records: [{ Score__c: 9 }] },
    });
    expect(records[1]?.['Contacts']).toBeNull();
    expect(records[2]).toMatchObject({ Name: 'Gamma Ltd', Contacts: null, Kizuna_Feedback__r: null });
  });
});

describe('WHERE', () => {
  it('compares text case-insensitively and treats != as including nulls', () => {
    expect(names("SELECT Name FROM Account WHERE Name = 'ACME CORP'")).toEqual(['Acme Corp']);
    expect(names("SELECT Name FROM Account WHERE Industry != 'Manufacturing' ORDER BY Name")).toEqual(['Beta KK', 'Gamma Ltd']);
    expect(names('SELECT Name FROM Account WHERE Industry = null ORDER BY Name')).toEqual(['Beta KK', 'Gamma Ltd']);
  });

  it('supports ranges, IN, NOT IN, LIKE with escapes, booleans, dates and datetimes with any offset', () => {
    expect(names('SELECT Name FROM Account WHERE Kizuna_ARR__c > 0 AND Kizuna_ARR__c <= 45500.5')).toEqual(['Beta KK']);
    expect(names("SELECT Name FROM Account WHERE Kizuna_Status__c NOT IN ('churned') ORDER BY Name DESC")).toEqual(['Gamma Ltd', 'Acme Corp']);
    expect(names("SELECT Name FROM Contact WHERE Name LIKE '%o\\'b_ien'")).toEqual(["Sean O'Brien"]);
    expect(names("SELECT Name FROM Account WHERE Kizuna_Churned_On__c >= 2026-02-01")).toEqual(['Beta KK']);
    expect(org.query('SELECT Id FROM Case WHERE IsEscalated = true').totalSize).toBe(1);
    expect(org.query('SELECT Id FROM Kizuna_Feedback__c WHERE Responded_At__c > 2026-05-21T17:00:00+09:00').totalSize).toBe(1);
    expect(org.query('SELECT Id FROM Kizuna_Feedback__c WHERE Responded_At__c >= 2026-05-21T08:00:00.000+0000').totalSize).toBe(2);
  });

  it('accepts 15- and 18-char ids for Id and lookups', () => {
    expect(names(`SELECT Name FROM Account WHERE Id = '${acme.slice(0, 15)}'`)).toEqual(['Acme Corp']);
    expect(org.query(`SELECT Id FROM Contact WHERE AccountId IN ('${acme.toLowerCase()}')`).totalSize).toBe(2);
  });

  it('evaluates AND / OR / NOT with parentheses, and refuses AND mixed with OR without them', () => {
    expect(names("SELECT Name FROM Account WHERE (Name = 'Beta KK' OR Name = 'Gamma Ltd') AND Kizuna_Status__c = 'active'")).toEqual(['Gamma Ltd']);
    expect(names("SELECT Name FROM Account WHERE NOT Name = 'Acme Corp' ORDER BY Name")).toEqual(['Beta KK', 'Gamma Ltd']);
    expect(names("SELECT Name FROM Account WHERE Kizuna_ARR__c > 0 AND (NOT Name LIKE 'A%')")).toEqual(['Beta KK']);
    expect(errorOf("SELECT Name FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'")).toMatchObject({ errorCode: 'MALFORMED_QUERY', message: "unexpected token: 'OR'" });
    expect(errorOf("SELECT Name FROM Account WHERE Name = 'a' AND NOT Name = 'b'").errorCode).toBe('MALFORMED_QUERY');
  });

  it('resolves date literals relative to the org clock, in UTC', () => {
    expect(org.query('SELECT Id FROM Kizuna_Feedback__c WHERE Responded_At__c = TODAY').totalSize).toBe(1);
    expect(org.query('SELECT Id FROM Kizuna_Feedback__c WHERE Responded_At__c = LAST_N_DAYS:7').totalSize).toBe(2);
    expect(org.query('SELECT Id FROM Kizuna_Feedback__c WHERE Responded_At__c < THIS_MONTH').totalSize).toBe(1);
  });

  it('filters with a semi-join subquery', () => {
    expect(names('SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Kizuna_Feedback__c WHERE Score__c <= 6)')).toEqual(['Acme Corp']);
    expect(names('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ')).toEqual(['Gamma Ltd']);
  });
});

describe('ORDER BY, LIMIT, OFFSET', () => {
  it('sorts nulls first by default and last when asked', () => {
    expect(names('SELECT Name FROM Account ORDER BY Industry, Name')).toEqual(['Beta KK', 'Gamma Ltd', 'Acme Corp']);
    expect(names('SELECT Name FROM Account ORDER BY Industry DESC NULLS LAST, Name DESC')).toEqual(['Acme Corp', 'Gamma Ltd', 'Beta KK']);
  });

  it('pages with LIMIT and OFFSET, and refuses an OFFSET past 2,000', () => {
    const result = org.query('SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1');
    expect(result.totalSize).toBe(1);
    expect(result.records.map((r) => r['Name'])).toEqual(['Beta KK']);
    expect(errorOf('SELECT Name FROM Account OFFSET 2001').errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
  });
});

describe('COUNT and aggregates', () => {
  it('COUNT() answers in totalSize with no records; COUNT(Id) returns an AggregateResult row', () => {
    expect(org.query('SELECT COUNT() FROM Kizuna_Feedback__c WHERE Score__c >= 7')).toEqual({ totalSize: 2, done: true, records: [] });
    expect(org.query('SELECT COUNT(Id) FROM Kizuna_Feedback__c WHERE Score__c >= 7')).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'AggregateResult' }, expr0: 2 }],
    });
    expect(errorOf('SELECT COUNT(), Name FROM Account').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT COUNT() FROM Account ORDER BY Name').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT COUNT() FROM Account GROUP BY Industry').errorCode).toBe('MALFORMED_QUERY');
  });

  it('names unaliased aggregates expr0, expr1 … and keeps aliases and grouped field names', () => {
    const { records } = org.query('SELECT Account__r.Name acct, Kind__c, COUNT(Id), AVG(Score__c) avgScore, MAX(Responded_At__c) FROM Kizuna_Feedback__c GROUP BY Account__r.Name, Kind__c ORDER BY COUNT(Id) DESC');
    expect(records).toEqual([
      { attributes: { type: 'AggregateResult' }, acct: 'Acme Corp', Kind__c: 'nps', expr0: 2, avgScore: 6, expr1: '2026-05-22T08:00:00.000+0000' },
      { attributes: { type: 'AggregateResult' }, acct: 'Beta KK', Kind__c: 'nps', expr0: 1, avgScore: 7, expr1: '2026-01-15T12:30:00.123+0000' },
    ]);
  });

  it('groups by date functions, filters groups with HAVING, and returns one row without GROUP BY', () => {
    const byMonth = org.query('SELECT CALENDAR_MONTH(Responded_At__c) m, COUNT(Id) n FROM Kizuna_Feedback__c GROUP BY CALENDAR_MONTH(Responded_At__c) HAVING COUNT(Id) > 1').records;
    expect(byMonth).toEqual([{ attributes: { type: 'AggregateResult' }, m: 5, n: 2 }]);
    expect(org.query("SELECT COUNT(Id), SUM(Score__c) FROM Kizuna_Feedback__c WHERE Kind__c = 'ces'").records).toEqual([
      { attributes: { type: 'AggregateResult' }, expr0: 0, expr1: null },
    ]);
  });

  it('refuses what Salesforce refuses: ungrouped fields, non-groupable fields, SUM of text', () => {
    expect(errorOf('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry')).toMatchObject({ errorCode: 'MALFORMED_QUERY', message: 'Field must be grouped or aggregated: Name' });
    expect(errorOf('SELECT Score__c, COUNT(Id) FROM Kizuna_Feedback__c GROUP BY Score__c')).toMatchObject({ errorCode: 'INVALID_FIELD', message: "field 'Score__c' can not be grouped in a query call" });
    expect(errorOf('SELECT SUM(Name) FROM Account').message).toBe('field Name does not support aggregate operator SUM');
    expect(errorOf('SELECT COUNT(Id) FROM Account LIMIT 1').errorCode).toBe('MALFORMED_QUERY');
  });

  it('computes every group of a GROUP BY (the 2,000-row batch cap is applied by the REST resource)', async () => {
    const { canonicalFixtureWithFeedback } = await import('../../testing/canonicalFixture');
    const big = createSalesforceOrg(canonicalFixtureWithFeedback(2001));
    const query = 'SELECT Name, COUNT(Id) FROM Kizuna_Feedback__c GROUP BY Name';
    expect(big.query(query).totalSize).toBe(2001);
    expect(big.query(`${query} LIMIT 2000`).totalSize).toBe(2000);
  });
});

describe('errors', () => {
  it('answers unknown objects, fields and relationships as the API does', () => {
    expect(errorOf('SELECT Id FROM Acount')).toMatchObject({ status: 400, errorCode: 'INVALID_TYPE', message: expect.stringMatching(/^sObject type 'Acount' is not supported\./) });
    expect(errorOf('SELECT Nme FROM Account')).toEqual({
      status: 400,
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Nme' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    });
    expect(errorOf('SELECT Account__c.Name FROM Kizuna_Feedback__c').message).toMatch(/^Didn't understand relationship 'Account__c' in field path/);
    expect(errorOf('SELECT Id, (SELECT Id FROM Feedback) FROM Account')).toMatchObject({ errorCode: 'INVALID_TYPE', message: expect.stringMatching(/^Didn't understand relationship 'Feedback' in FROM part/) });
  });

  it('refuses malformed SOQL, wrong literal types, bad ids and filters on long text', () => {
    expect(errorOf('SELECT Id FROM')).toEqual({ status: 400, errorCode: 'MALFORMED_QUERY', message: 'unexpected token: <EOF>' });
    expect(errorOf('SELECT Id FROM Account WHERE Name = 5')).toMatchObject({ errorCode: 'INVALID_QUERY_FILTER_OPERATOR', message: "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes" });
    expect(errorOf("SELECT Id FROM Account WHERE Kizuna_ARR__c = '5'").message).toBe("value of filter criterion for field 'Kizuna_ARR__c' must be of type double and should not be enclosed in quotes");
    expect(errorOf("SELECT Id FROM Account WHERE Id = 'acc-1'").message).toBe('invalid ID field: acc-1');
    expect(errorOf("SELECT Id FROM Kizuna_Feedback__c WHERE Comment__c = 'x'")).toMatchObject({ errorCode: 'INVALID_FIELD', message: "field 'Comment__c' can not be filtered in query call" });
  });

  it('answers SOQL the simulator does not implement with 501 SIM_UNSUPPORTED, never a fake Salesforce error', () => {
    expect(errorOf('SELECT toLabel(Industry) FROM Account')).toMatchObject({ status: 501, errorCode: 'SIM_UNSUPPORTED' });
    expect(errorOf('SELECT Industry, COUNT(Id) FROM Account GROUP BY CUBE(Industry)').errorCode).toBe('SIM_UNSUPPORTED');
  });
});
