import { describe, expect, it } from 'vitest';
import { aggregateKey, coqlSelect, coqlString, coqlWhere } from './coqlText';

describe('COQL text', () => {
  it('brackets more than two conditions in pairs, as COQL requires', () => {
    expect(coqlWhere([])).toBe('id is not null');
    expect(coqlWhere([{ field: 'Score', op: '>=', value: 9 }])).toBe('Score >= 9');
    expect(
      coqlWhere([
        { field: 'Scale', op: '=', value: 'nps_0_10' },
        { field: 'Score', op: '>=', value: 9 },
        { field: 'Account.Kizuna_Segment', op: 'in', values: ['ent', 'smb'] },
      ]),
    ).toBe("((Scale = 'nps_0_10' and Score >= 9) and Account.Kizuna_Segment in ('ent', 'smb'))");
  });

  it('escapes literals, so a value can never end the string', () => {
    expect(coqlString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    const query = coqlSelect({ module: 'Accounts', fields: ['id'], where: [{ field: 'Account_Name', op: '=', value: "x' or id is not null or Account_Name = '" }] });
    expect(query).toBe("select id from Accounts where Account_Name = 'x\\' or id is not null or Account_Name = \\'' limit 2000");
  });

  it('refuses identifiers that are not API names', () => {
    expect(() => coqlSelect({ module: 'Accounts', fields: ['id from Users --'] })).toThrow(/Not a Zoho field API name/);
    expect(() => coqlSelect({ module: 'Accounts; drop', fields: ['id'] })).toThrow(/Not a Zoho module API name/);
  });

  it('writes aggregates under the keys Zoho gives their columns, and checks the documented limits', () => {
    expect(aggregateKey('COUNT', 'id')).toBe('COUNT(id)');
    expect(
      coqlSelect({
        module: 'Kizuna_Feedback',
        fields: ['Account.Kizuna_Business_Unit'],
        aggregates: [{ fn: 'COUNT', field: 'id' }, { fn: 'SUM', field: 'Score' }],
        groupBy: ['Account.Kizuna_Business_Unit'],
        limit: 2000,
        offset: 2000,
      }),
    ).toBe('select Account.Kizuna_Business_Unit, COUNT(id), SUM(Score) from Kizuna_Feedback where id is not null group by Account.Kizuna_Business_Unit limit 2000 offset 2000');
    const six = Array.from({ length: 6 }, () => ({ fn: 'SUM' as const, field: 'Score' }));
    expect(() => coqlSelect({ module: 'Deals', fields: [], aggregates: six })).toThrow(/at most 5 aggregates/);
    expect(() => coqlSelect({ module: 'Deals', fields: ['a', 'b', 'c', 'd', 'e'], groupBy: ['a', 'b', 'c', 'd', 'e'] })).toThrow(/at most 4 fields/);
    expect(() => coqlSelect({ module: 'Deals', fields: ['id'], limit: 2001 })).toThrow(/LIMIT is 1 to 2000/);
    expect(() => coqlSelect({ module: 'Deals', fields: ['id'], offset: 98_001 })).toThrow(/100000/);
  });
});
