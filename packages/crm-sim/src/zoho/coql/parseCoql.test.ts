import { describe, expect, it } from 'vitest';
import { ZohoApiError } from '../zohoApiError';
import { parseCoql } from './parseCoql';

const syntaxErrorOf = (query: string): ZohoApiError => {
  try {
    parseCoql(query);
  } catch (error) {
    if (error instanceof ZohoApiError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for: ${query}`);
};

describe('parseCoql', () => {
  it('parses select, from, bracketed where, group by, order by and limit offset, count', () => {
    const query = parseCoql(
      "SELECT Account, COUNT(id) as 'Answers' FROM Kizuna_Feedback WHERE ((Score >= 9 AND Kind = 'nps') OR Contact IS NULL) GROUP BY Account ORDER BY COUNT(id) DESC LIMIT 200, 50",
    );
    expect(query.module).toBe('Kizuna_Feedback');
    expect(query.select).toEqual([
      { kind: 'field', field: { text: 'Account', column: 8 }, alias: null },
      { kind: 'aggregate', fn: 'COUNT', field: { text: 'id', column: 23 }, key: 'COUNT(id)', alias: 'Answers' },
    ]);
    expect(query.where).toMatchObject({
      kind: 'logical',
      op: 'or',
      left: { kind: 'logical', op: 'and', left: { kind: 'compare', op: '>=', value: { kind: 'number', value: 9 } } },
      right: { kind: 'null', negated: false },
    });
    expect(query.groupBy.map((field) => field.text)).toEqual(['Account']);
    expect(query.orderBy).toEqual([{ field: { text: 'COUNT(id)', column: expect.any(Number) }, direction: 'desc' }]);
    expect([query.offset, query.limit]).toEqual([200, 50]);
  });

  it('reads quoted field names, in lists, between, not like, escaped quotes and 19-digit ids as text', () => {
    const query = parseCoql(
      "select 'What_Id->Accounts.Account_Name' from Tasks where (Who_Id in (6012345000000000001, '6012345000000000002') and Subject not like '%O''Brien%') limit 10 offset 20",
    );
    expect(query.select[0]).toMatchObject({ field: { text: 'What_Id->Accounts.Account_Name' } });
    expect(query.where).toMatchObject({
      left: { kind: 'in', negated: false, values: [{ kind: 'number', text: '6012345000000000001' }, { kind: 'string', value: '6012345000000000002' }] },
      right: { kind: 'compare', op: 'not like', value: { kind: 'string', value: "%O'Brien%" } },
    });
    expect([query.limit, query.offset]).toEqual([10, 20]);
    expect(parseCoql("select id from Deals where Amount not between 1 and 5").where).toMatchObject({ kind: 'between', negated: true });
  });

  it('answers SYNTAX_ERROR with line, column and near', () => {
    expect(syntaxErrorOf('select id form Accounts where id is not null').details).toEqual({ line: 1, column: 11, near: 'form' });
    expect(syntaxErrorOf("select id from Accounts where Name = 'open").code).toBe('SYNTAX_ERROR');
    expect(syntaxErrorOf('select id from Accounts where (id is not null').details).toMatchObject({ near: '' });
    expect(syntaxErrorOf('delete from Accounts where id is not null').code).toBe('SYNTAX_ERROR');
    expect(syntaxErrorOf('select * from Accounts where id is not null').code).toBe('SYNTAX_ERROR');
    expect(syntaxErrorOf('delete from Accounts where id is not null').body().message).toBe('given coql query not supported');
    expect(syntaxErrorOf('select id from Accounts').details).toEqual({ clause: 'where' });
    // Aggregate names are case-sensitive: an unknown function is INVALID_DATA.
    const lower = syntaxErrorOf('select count(id) from Accounts where id is not null');
    expect([lower.code, lower.details]).toEqual(['INVALID_DATA', { reason: 'unsupported aggregate function', column: 'count(id)' }]);
    expect(syntaxErrorOf('select id from Accounts where a = 1 and b = 2 or c = 3').body().message).toContain('bracketed');
  });
});
