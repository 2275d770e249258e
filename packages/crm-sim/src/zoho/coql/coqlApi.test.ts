import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { createZohoOrg } from '../zohoOrg';
import { zohoHandlers } from '../zohoHandlers';
import { dataOf, objectOf, zohoTestClient } from '../testing/zohoTestClient';

const org = createZohoOrg(canonicalFixture(), { dataCentre: 'JP', now: () => Date.parse('2026-06-01T00:00:00Z') });
const server = setupServer(...zohoHandlers(org));
org.oauth.issueAccessToken('token');
org.oauth.issueAccessToken('no-coql', { scopes: ['ZohoCRM.modules.ALL'] });
org.oauth.issueAccessToken('contacts-only', { scopes: ['ZohoCRM.coql.READ', 'ZohoCRM.modules.contacts.READ'] });
const api = zohoTestClient(org.apiDomain, 'token');
const acme = org.zohoIdOf('account', 'acc-1');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const errorOf = (body: unknown): unknown => objectOf(body)['code'];

describe('POST /crm/v8/coql', () => {
  it('selects fields plus id, lookups as {name, id}, dotted lookup fields as flat keys', async () => {
    const reply = await api.coql(
      `select Last_Name, Account_Name, Account_Name.Industry, Owner from Contacts where Account_Name = '${acme}' order by Last_Name desc`,
    );
    expect(reply.status).toBe(200);
    expect(objectOf(reply.body)['info']).toEqual({ count: 2, more_records: false });
    expect(dataOf(reply)).toEqual([
      {
        Last_Name: 'Yamada',
        Account_Name: { name: 'Acme Corp', id: acme },
        'Account_Name.Industry': 'Manufacturing',
        Owner: { name: expect.any(String), id: expect.stringMatching(/^\d{19}$/) },
        id: org.zohoIdOf('contact', 'con-1'),
      },
      { Last_Name: 'Cher', Account_Name: { name: 'Acme Corp', id: acme }, 'Account_Name.Industry': 'Manufacturing', Owner: expect.anything(), id: org.zohoIdOf('contact', 'con-2') },
    ]);
  });

  it('filters with bracketed and/or, in, not in, like, is null and datetimes with offsets', async () => {
    const rows = async (where: string): Promise<unknown[]> => {
      const reply = await api.coql(`select Score from Kizuna_Feedback where ${where}`);
      return reply.status === 204 ? [] : dataOf(reply).map((row) => row['Score']);
    };
    expect(await rows(`((Score >= 7 and Kind = 'nps') or Score < 0)`)).toEqual([9, 7]);
    expect(await rows(`Score in (3, 9)`)).toEqual([9, 3]);
    expect(await rows(`Score not in (3, 9)`)).toEqual([7]);
    expect(await rows(`Comment like '%support%'`)).toEqual([9]);
    expect(await rows(`Contact is null`)).toEqual([3]);
    expect(await rows(`Responded_At >= '2026-05-21T17:00:00+09:00'`)).toEqual([9, 3]);
    expect(await rows(`Responded_At > '2026-05-21T08:00:00Z'`)).toEqual([3]);
    expect(await rows(`Responded_At between '2026-05-21T00:00:00+09:00' and '2026-05-21T23:59:59+09:00'`)).toEqual([9]);
    expect(await rows(`'Account.Account_Name' = 'Beta KK'`)).toEqual([7]);
  });

  it('follows two relations, not user lookups, and compares multi-selects as whole sets', async () => {
    const twoHops = await api.coql(`select 'Contact.Account_Name.Account_Name' from Kizuna_Feedback where Contact is not null order by Score`);
    expect(dataOf(twoHops).map((row) => row['Contact.Account_Name.Account_Name'])).toEqual(['Beta KK', 'Acme Corp']);
    expect((await api.coql(`select Drivers_Asked from Kizuna_Feedback where Drivers_Asked = 'support_responsiveness'`)).status).toBe(200);
    expect((await api.coql(`select Drivers_Asked from Kizuna_Feedback where Drivers_Asked = 'support_responsiveness;pricing'`)).status).toBe(204);
    expect(errorOf((await api.coql(`select id from Kizuna_Feedback where Drivers_Asked like '%support%'`)).body)).toBe('INVALID_QUERY');
    // User lookups and polymorphic What_Id (without ->) cannot be followed.
    expect(errorOf((await api.coql(`select Owner.email from Accounts where id is not null`)).body)).toBe('INVALID_QUERY');
    expect(errorOf((await api.coql(`select What_Id.Account_Name from Tasks where id is not null`)).body)).toBe('INVALID_QUERY');
  });

  it('refuses three unbracketed conditions with SYNTAX_ERROR, and a query without WHERE', async () => {
    const unbracketed = await api.coql(`select Score from Kizuna_Feedback where Score > 1 and Score < 9 and Kind = 'nps'`);
    expect(unbracketed.status).toBe(400);
    expect(errorOf(unbracketed.body)).toBe('SYNTAX_ERROR');
    const bracketed = await api.coql(`select Score from Kizuna_Feedback where ((Score > 1 and Score < 9) and Kind = 'nps')`);
    expect(bracketed.status).toBe(200);
    expect(errorOf((await api.coql('select Score from Kizuna_Feedback')).body)).toBe('SYNTAX_ERROR');
  });

  it('answers INVALID_QUERY for an unknown column and a bad operator, 204 for no match', async () => {
    const unknown = await api.coql(`select Nope from Accounts where id is not null`);
    expect(unknown.body).toEqual({ code: 'INVALID_QUERY', details: { column_name: 'Nope' }, message: 'column given seems to be invalid', status: 'error' });
    expect((await api.coql(`select id from Contacts where Account_Name like '%a%'`)).body).toEqual({
      code: 'INVALID_QUERY',
      details: { reason: 'invalid operator found', column_name: 'Account_Name', operator: 'like' },
      message: 'Invalid query formed',
      status: 'error',
    });
    expect((await api.coql(`select id from Leads where id is not null`)).body).toEqual({ code: 'INVALID_MODULE', details: {}, message: 'the given module is not supported in api', status: 'error' });
    expect((await api.send('POST', '/coql', {})).body).toEqual({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'select_query' }, message: 'mandatory key not found', status: 'error' });
    expect(objectOf((await api.coql(`select id from Accounts where id is not null limit 0`)).body)).toMatchObject({ code: 'INVALID_DATA', message: 'limit should be greater than 0' });
    const none = await api.coql(`select Account_Name from Accounts where Account_Name = 'Nobody'`);
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
  });

  it('pages with LIMIT offset, count and refuses more than 2,000 a call', async () => {
    const first = await api.coql(`select Account_Name from Accounts where id is not null limit 0, 2`);
    expect(dataOf(first).map((row) => row['Account_Name'])).toEqual(['Acme Corp', 'Beta KK']);
    expect(objectOf(first.body)['info']).toEqual({ count: 2, more_records: true });
    const second = await api.coql(`select Account_Name from Accounts where id is not null limit 2, 2`);
    expect(dataOf(second).map((row) => row['Account_Name'])).toEqual(['Gamma Ltd']);
    expect(objectOf(second.body)['info']).toEqual({ count: 1, more_records: false });
    const tooMany = await api.coql(`select Account_Name from Accounts where id is not null limit 2001`);
    expect(tooMany.body).toEqual({ code: 'LIMIT_EXCEEDED', details: { by: 'limit', limit: 2000 }, message: expect.any(String), status: 'error' });
  });

  it('aggregates with GROUP BY, keyed by the literal expression, the null group included', async () => {
    const reply = await api.coql(`select Account, COUNT(id), AVG(Score), MAX(Responded_At) from Kizuna_Feedback where id is not null group by Account order by Account`);
    expect(dataOf(reply)).toEqual([
      { Account: { name: 'Acme Corp', id: acme }, 'COUNT(id)': 2, 'AVG(Score)': 6, 'MAX(Responded_At)': '2026-05-22T17:00:00+09:00' },
      { Account: { name: 'Beta KK', id: org.zohoIdOf('account', 'acc-2') }, 'COUNT(id)': 1, 'AVG(Score)': 7, 'MAX(Responded_At)': '2026-01-15T21:30:00+09:00' },
    ]);
    const nullGroup = await api.coql(`select Contact, COUNT(id) from Kizuna_Feedback where id is not null group by Contact order by COUNT(id) desc`);
    expect(dataOf(nullGroup)).toContainEqual({ Contact: null, 'COUNT(id)': 1 });
  });

  it('refuses more than 5 aggregates, more than 4 group fields, duplicates and SUM of text', async () => {
    const six = await api.coql(`select COUNT(id), SUM(Score), AVG(Score), MIN(Score), MAX(Score), COUNT(Account) from Kizuna_Feedback where id is not null`);
    expect(objectOf(six.body)['details']).toEqual({ by: 'aggregate', limit: 5 });
    const five = await api.coql(`select Kind, Scale, Channel, Programme, Journey_Stage, COUNT(id) from Kizuna_Feedback where id is not null group by Kind, Scale, Channel, Programme, Journey_Stage`);
    expect(objectOf(five.body)['details']).toEqual({ by: 'group by', limit: 4 });
    expect(errorOf((await api.coql(`select id from Contacts where id is not null order by id, id`)).body)).toBe('DUPLICATE_DATA');
    expect((await api.coql(`select MAX(Score), MAX(Score) from Kizuna_Feedback where id is not null`)).body).toEqual({
      code: 'DUPLICATE_DATA',
      details: { column_name: 'Score', aggregate: 'MAX' },
      message: 'duplicate aggregate function',
      status: 'error',
    });
    expect(errorOf((await api.coql(`select SUM(Kind) from Kizuna_Feedback where id is not null`)).body)).toBe('INVALID_QUERY');
  });

  it('needs ZohoCRM.coql.READ and read access to the module (401 OAUTH_SCOPE_MISMATCH)', async () => {
    const noCoql = await api.coql(`select id from Accounts where id is not null`, { token: 'no-coql' });
    expect(noCoql.status).toBe(401);
    expect(errorOf(noCoql.body)).toBe('OAUTH_SCOPE_MISMATCH');
    expect((await api.coql(`select id from Contacts where id is not null`, { token: 'contacts-only' })).status).toBe(200);
    expect((await api.coql(`select id from Accounts where id is not null`, { token: 'contacts-only' })).status).toBe(401);
  });

  it('reads polymorphic What_Id through ->, and spends credits by LIMIT', async () => {
    const before = org.calls.credits;
    const reply = await api.coql(`select Subject, 'What_Id->Accounts.Account_Name' from Tasks where Kizuna_Action_Key is not null limit 1500`);
    expect(dataOf(reply)).toEqual([{ Subject: 'Call the detractor', 'What_Id->Accounts.Account_Name': 'Acme Corp', id: expect.any(String) }]);
    expect(org.calls.credits - before).toBe(3);
  });
});
