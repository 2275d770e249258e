import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixtureWithFeedback } from '../testing/canonicalFixture';
import { createZohoKnobs } from './zohoKnobs';
import { createZohoOrg } from './zohoOrg';
import { zohoHandlers } from './zohoHandlers';
import { objectOf, zohoTestClient } from './testing/zohoTestClient';

let clock = Date.parse('2026-06-01T00:00:00Z');
const org = createZohoOrg(canonicalFixtureWithFeedback(450), { dataCentre: 'AU', now: () => clock });
const server = setupServer(...zohoHandlers(org));
const issueTokens = (): void => {
  org.oauth.issueAccessToken('token');
  org.oauth.issueAccessToken('other-user-token', { userId: org.users[1]?.id ?? org.admin.id });
};
issueTokens();
const api = zohoTestClient(org.apiDomain, 'token');
const list = '/Kizuna_Feedback?fields=Score,Kind&per_page=200';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  Object.assign(org.knobs, createZohoKnobs());
  issueTokens(); // valid for another hour from the (advanced) clock
});
afterAll(() => server.close());

const codeOf = (body: unknown): unknown => objectOf(body)['code'];
const nextToken = async (): Promise<string> => String(objectOf(objectOf((await api.get(list)).body)['info'])['next_page_token']);

describe('page tokens', () => {
  it('are bound to the user and the other parameters, and expire', async () => {
    const token = await nextToken();
    expect(codeOf((await api.get(`${list}&page_token=${token}`, { token: 'other-user-token' })).body)).toBe('INVALID_DATA');
    expect(codeOf((await api.get(`/Kizuna_Feedback?fields=Score&per_page=200&page_token=${token}`)).body)).toBe('TOKEN_BOUND_DATA_MISMATCH');
    expect(codeOf((await api.get(`${list}&page_token=not-a-token`)).body)).toBe('INVALID_DATA');
    clock += org.knobs.pageTokenLifetimeMs;
    issueTokens(); // a day later the access token is long gone too
    const expired = await api.get(`${list}&page_token=${token}`);
    expect(expired.status).toBe(400);
    expect(codeOf(expired.body)).toBe('EXPIRED_VALUE');
    const fresh = await nextToken();
    org.pageTokens.expireAll();
    expect(codeOf((await api.get(`${list}&page_token=${fresh}`)).body)).toBe('EXPIRED_VALUE');
  });
});

describe('knobs', () => {
  it('429 TOO_MANY_REQUESTS after N calls', async () => {
    org.knobs.tooManyRequestsAfter = org.calls.apiCalls + 2;
    expect((await api.get(list)).status).toBe(200);
    expect((await api.get(list)).status).toBe(200);
    const refused = await api.get(list);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', details: {}, message: expect.any(String), status: 'error' });
  });

  it('caps concurrency overall and COQL separately (429 at once while others are in flight)', async () => {
    org.knobs.latencyMs = 30;
    org.knobs.coqlConcurrencyLimit = 2;
    const coql = () => api.coql('select Score from Kizuna_Feedback where id is not null limit 1');
    const statuses = (await Promise.all([coql(), coql(), coql(), api.get(list)])).map((reply) => reply.status);
    expect(statuses).toEqual([200, 200, 429, 200]);
    org.knobs.concurrencyLimit = 1;
    expect((await Promise.all([api.get(list), api.get(list)])).map((reply) => reply.status)).toEqual([200, 429]);
  });

  it('injects 5xx, HTML and truncated bodies, and expiring tokens', async () => {
    org.knobs.failNext.push('internalError', 'malformedBody', 'truncatedBody', 'invalidToken');
    const failed = await api.get(list);
    expect(failed.status).toBe(500);
    expect(codeOf(failed.body)).toBe('INTERNAL_ERROR');
    const html = await api.get(list);
    expect(html.headers.get('Content-Type')).toContain('text/html');
    expect(() => JSON.parse(html.text) as unknown).toThrow();
    const cut = await api.get(list);
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text) as unknown).toThrow();
    expect((await api.get(list)).status).toBe(401);
    const session = org.oauth.issueAccessToken();
    org.knobs.tokenExpiresAfterCalls = 1;
    const short = zohoTestClient(org.apiDomain, session.token);
    expect((await short.get(list)).status).toBe(200);
    expect(codeOf((await short.get(list)).body)).toBe('INVALID_TOKEN');
  });

  it('times out: no answer for timeoutMs, then a network error', async () => {
    org.knobs.failNext.push('timeout');
    org.knobs.timeoutMs = 20;
    await expect(api.get(list)).rejects.toThrow();
    org.knobs.failNext.push('timeout');
    org.knobs.timeoutMs = 1_000;
    await expect(fetch(`${org.apiDomain}/crm/v8${list}`, { headers: { Authorization: 'Zoho-oauthtoken token' }, signal: AbortSignal.timeout(20) })).rejects.toThrow();
  });
});

describe('call accounting', () => {
  it('counts calls and bytes per endpoint, and COQL credits by LIMIT', async () => {
    org.calls.reset();
    const listed = await api.get(list);
    await api.coql('select Score from Kizuna_Feedback where id is not null limit 300');
    await api.get('/Nope?fields=id');
    const snapshot = org.calls.snapshot();
    expect(snapshot.byEndpoint).toMatchObject({ records: 2, coql: 1 });
    expect(snapshot.bytesByEndpoint.records).toBeGreaterThanOrEqual(new TextEncoder().encode(listed.text).length);
    expect(snapshot).toMatchObject({ total: 3, apiCalls: 3, credits: 3 });
  });
});
