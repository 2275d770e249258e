import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixture, canonicalFixtureWithFeedback } from '../testing/canonicalFixture';
import { createZohoOrg } from './zohoOrg';
import { zohoHandlers } from './zohoHandlers';
import { dataOf, objectOf, zohoTestClient } from './testing/zohoTestClient';

const now = Date.parse('2026-06-01T00:00:00Z');
const org = createZohoOrg(canonicalFixture(), { dataCentre: 'JP', now: () => now });
const big = createZohoOrg(canonicalFixtureWithFeedback(2_450), { dataCentre: 'EU', timeZone: 'Europe/London', now: () => now });
const server = setupServer(...zohoHandlers([org, big]));
org.oauth.issueAccessToken('jp-token');
big.oauth.issueAccessToken('eu-token');
const api = zohoTestClient(org.apiDomain, 'jp-token');
const eu = zohoTestClient(big.apiDomain, 'eu-token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  org.knobs.failNext.length = 0;
});
afterAll(() => server.close());

describe('GET /crm/v8/{module}', () => {
  it('returns the requested fields plus id, lookups as {name, id}, Owner as {name, id, email}, datetimes in the user zone', async () => {
    const reply = await api.get('/Contacts?fields=Last_Name,Full_Name,Account_Name,Owner,Created_Time&sort_order=asc');
    expect(reply.status).toBe(200);
    const [first] = dataOf(reply);
    expect(first).toEqual({
      Last_Name: 'Yamada',
      Full_Name: 'Hanako Yamada',
      Account_Name: { name: 'Acme Corp', id: org.zohoIdOf('account', 'acc-1') },
      Owner: { name: expect.any(String), id: expect.stringMatching(/^\d{19}$/), email: expect.stringContaining('@') },
      Created_Time: '2024-01-01T09:00:00+09:00',
      id: org.zohoIdOf('contact', 'con-1'),
    });
    expect(objectOf(reply.body)['info']).toEqual({
      call: false,
      per_page: 200,
      next_page_token: null,
      count: 3,
      sort_by: 'id',
      page: 1,
      previous_page_token: null,
      page_token_expiry: null,
      sort_order: 'asc',
      email: false,
      more_records: false,
    });
  });

  it('refuses a list without fields (REQUIRED_PARAM_MISSING) and more than 50 fields (LIMIT_EXCEEDED)', async () => {
    const missing = await api.get('/Accounts');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'fields' }, message: expect.any(String), status: 'error' });
    const many = Array.from({ length: 51 }, (_, i) => `Field_${i}`).join(',');
    const tooMany = await api.get(`/Accounts?fields=${many}`);
    expect(tooMany.status).toBe(400);
    expect(objectOf(tooMany.body)['code']).toBe('LIMIT_EXCEEDED');
  });

  it('answers 204 with no body when nothing is there', async () => {
    const reply = await api.get(`/Accounts?fields=Account_Name&ids=${org.zohoIdOf('contact', 'con-1')}`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
  });

  it('with If-Modified-Since gives only records modified after it, 304 when there are none', async () => {
    const all = await api.get('/Accounts?fields=Account_Name', {});
    expect(dataOf(all)).toHaveLength(3);
    const since = await api.send('GET', '/Accounts?fields=Account_Name', undefined, { headers: { 'If-Modified-Since': '2024-01-01T09:00:00+09:00' } });
    expect(since.status).toBe(304);
    expect(since.text).toBe('');
    const earlier = await api.send('GET', '/Accounts?fields=Account_Name', undefined, { headers: { 'If-Modified-Since': '2023-12-31T00:00:00+09:00' } });
    expect(dataOf(earlier)).toHaveLength(3);
  });

  it('gets one record with every field; an unknown id is 204', async () => {
    const id = org.zohoIdOf('feedback', 'fb-1');
    const [record] = dataOf(await api.get(`/Kizuna_Feedback/${id}`));
    expect(record).toMatchObject({ id, Score: 9, Drivers_Asked: ['support_responsiveness'], Responded_At: '2026-05-21T17:00:00+09:00', Contact: { name: 'Hanako Yamada', id: org.zohoIdOf('contact', 'con-1') } });
    expect((await api.get('/Kizuna_Feedback/6012345000099999999')).status).toBe(204);
  });

  it('answers INVALID_MODULE for an unknown module and 404 INVALID_URL_PATTERN for an unknown path', async () => {
    expect(objectOf((await api.get('/Meetings?fields=Event_Title')).body)['code']).toBe('INVALID_MODULE');
    const unknownPath = await api.get('/Accounts/1/2/3');
    expect(unknownPath.status).toBe(404);
    expect(objectOf(unknownPath.body)['code']).toBe('INVALID_URL_PATTERN');
  });

  it('pages with page up to 2,000 records, then only with page_token', async () => {
    const page10 = await eu.get('/Kizuna_Feedback?fields=Score&per_page=200&page=10');
    expect(page10.status).toBe(200);
    const info = objectOf(objectOf(page10.body)['info']);
    expect(info['more_records']).toBe(true);
    const beyond = await eu.get('/Kizuna_Feedback?fields=Score&per_page=200&page=11');
    expect(beyond.status).toBe(400);
    expect(objectOf(beyond.body)['code']).toBe('DISCRETE_PAGINATION_LIMIT_EXCEEDED');
    const token = String(info['next_page_token']);
    const both = await eu.get(`/Kizuna_Feedback?fields=Score&per_page=200&page=11&page_token=${token}`);
    expect(objectOf(both.body)['code']).toBe('AMBIGUITY_DURING_PROCESSING');
    const next = await eu.get(`/Kizuna_Feedback?fields=Score&per_page=200&page_token=${token}`);
    expect(next.status).toBe(200);
    expect(objectOf(next.body)['info']).toMatchObject({ page: 11, previous_page_token: expect.any(String), page_token_expiry: '2026-06-02T01:00:00+01:00' });
    const back = await eu.get(`/Kizuna_Feedback?fields=Score&per_page=200&page_token=${String(objectOf(objectOf(next.body)['info'])['previous_page_token'])}`);
    expect(dataOf(back)).toEqual(dataOf(page10));
    const ids = new Set<unknown>();
    let reply = await eu.get('/Kizuna_Feedback?fields=Score&per_page=200');
    for (;;) {
      for (const record of dataOf(reply)) ids.add(record['id']);
      const pageInfo = objectOf(objectOf(reply.body)['info']);
      if (pageInfo['more_records'] !== true) {
        expect(pageInfo).toMatchObject({ next_page_token: null, previous_page_token: null, page_token_expiry: null, count: 50 });
        break;
      }
      reply = await eu.get(`/Kizuna_Feedback?fields=Score&per_page=200&page_token=${String(pageInfo['next_page_token'])}`);
    }
    expect(ids.size).toBe(2_450);
  });
});
