import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixtureWithFeedback } from '../testing/canonicalFixture';
import { salesforceHandlers } from './salesforceHandlers';
import { createSalesforceKnobs } from './salesforceKnobs';
import { createSalesforceOrg } from './salesforceOrg';

/** The simulated REST API over real HTTP semantics: msw/node intercepts the global fetch. */
const instanceUrl = 'https://kizuna-test.my.salesforce.com';
const token = 'test-access-token';
const org = createSalesforceOrg(canonicalFixtureWithFeedback(1201));
const knobs = createSalesforceKnobs();
const bigInstanceUrl = 'https://kizuna-big.my.salesforce.com';
const bigOrg = createSalesforceOrg(canonicalFixtureWithFeedback(2001));
const server = setupServer(
  ...salesforceHandlers(org, { instanceUrl, accessTokens: [token], knobs }),
  ...salesforceHandlers(bigOrg, { instanceUrl: bigInstanceUrl, accessTokens: [token] }),
);

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

async function get(pathAndQuery: string, options: { token?: string | null; batchSize?: number; host?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const bearer = options.token === undefined ? token : options.token;
  if (bearer !== null) headers['Authorization'] = `Bearer ${bearer}`;
  if (options.batchSize !== undefined) headers['Sforce-Query-Options'] = `batchSize=${options.batchSize}`;
  const response = await fetch(`${options.host ?? instanceUrl}${pathAndQuery}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

const query = (soql: string, options?: Parameters<typeof get>[1]) =>
  get(`/services/data/v66.0/query?q=${encodeURIComponent(soql)}`, options);

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(knobs, createSalesforceKnobs());
  org.calls.reset();
});

describe('paging by nextRecordsUrl', () => {
  it('pages 1,201 rows at batchSize=200 in 7 pages, totalSize on every page, no nextRecordsUrl on the last', async () => {
    const pages: Page[] = [];
    let reply = await query('SELECT Id, Score__c FROM Kizuna_Feedback__c', { batchSize: 200 });
    for (;;) {
      expect(reply.status).toBe(200);
      const page = reply.body as Page;
      pages.push(page);
      if (page.done) break;
      expect(page.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g[0-9A-Za-z]{15}-\d+$/);
      reply = await get(page.nextRecordsUrl ?? '', { batchSize: 200 });
    }
    expect(pages).toHaveLength(7);
    expect(pages.map((page) => page.totalSize)).toEqual(Array(7).fill(1201));
    expect(pages.map((page) => page.records.length)).toEqual([200, 200, 200, 200, 200, 200, 1]);
    expect(pages.at(-1)).not.toHaveProperty('nextRecordsUrl');
    expect(new Set(pages.flatMap((page) => page.records.map((r) => r['Id']))).size).toBe(1201);
    expect(org.calls.byEndpoint).toMatchObject({ query: 1, queryMore: 6 });
    // The cursor closes with its last page.
    const lastUrl = pages.at(-2)?.nextRecordsUrl ?? '';
    expect((await get(lastUrl)).body).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
  });

  it('defaults to batches of 2,000 and clamps batchSize to 200–2,000', async () => {
    const first = (await query('SELECT Id FROM Kizuna_Feedback__c', { host: bigInstanceUrl })).body as Page;
    expect([first.records.length, first.totalSize, first.done]).toEqual([2000, 2001, false]);
    const last = (await get(first.nextRecordsUrl ?? '', { host: bigInstanceUrl })).body as Page;
    expect([last.records.length, last.done]).toEqual([1, true]);
    const small = (await query('SELECT Id FROM Kizuna_Feedback__c', { batchSize: 10 })).body as Page;
    expect(small.records).toHaveLength(200);
  });

  it('ends an aggregate result past 2,000 groups with done: false, and refuses queryMore on it', async () => {
    const first = (await query('SELECT Name, COUNT(Id) n FROM Kizuna_Feedback__c GROUP BY Name', { host: bigInstanceUrl })).body as Page;
    expect([first.records.length, first.totalSize, first.done]).toEqual([2000, 2001, false]);
    const more = await get(first.nextRecordsUrl ?? '', { host: bigInstanceUrl });
    expect(more.status).toBe(400);
    expect(more.body).toEqual([
      {
        message: 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
        errorCode: 'INVALID_QUERY_LOCATOR',
      },
    ]);
  });

  it('serves queryAll and accepts its follow-up under /queryAll/ as well as /query/', async () => {
    const first = (await get(`/services/data/v66.0/queryAll?q=${encodeURIComponent('SELECT Id FROM Kizuna_Feedback__c')}`, { batchSize: 1000 })).body as Page;
    expect(first.nextRecordsUrl).toMatch(/\/query\/01g/);
    const next = await get((first.nextRecordsUrl ?? '').replace('/query/', '/queryAll/'));
    expect((next.body as Page).records).toHaveLength(201);
    expect(org.calls.byEndpoint).toMatchObject({ queryAll: 1, queryMore: 1 });
  });

  it('answers an unknown, closed or expired locator with 400 INVALID_QUERY_LOCATOR', async () => {
    const expected = { status: 400, body: [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }] };
    expect(await get('/services/data/v66.0/query/01g5g0000000000AAA-200')).toMatchObject(expected);
    expect(await get('/services/data/v66.0/query/not-a-locator')).toMatchObject(expected);
    const first = (await query('SELECT Id FROM Kizuna_Feedback__c', { batchSize: 1000 })).body as Page;
    org.cursors.expireAll();
    expect(await get(first.nextRecordsUrl ?? '')).toMatchObject(expected);
  });

  it('keeps 10 cursors open: an 11th paged query closes the oldest', async () => {
    const firsts: Page[] = [];
    for (let i = 0; i < 11; i += 1) firsts.push((await query('SELECT Id FROM Kizuna_Feedback__c', { batchSize: 1000 })).body as Page);
    expect((await get(firsts[0]?.nextRecordsUrl ?? '')).status).toBe(400);
    expect((await get(firsts[10]?.nextRecordsUrl ?? '')).status).toBe(200);
  });
});

describe('records on the wire', () => {
  it('has relative attributes urls, null for empty fields, datetimes with +0000, nested parents and children', async () => {
    const soql = "SELECT Name, Industry, (SELECT Responded_At__c, Contact__r.Name FROM Kizuna_Feedback__r WHERE Score__c = 3 AND Responded_At__c > 2026-05-01T00:00:00Z) FROM Account WHERE Name = 'Acme Corp'";
    const page = (await query(soql)).body as Page;
    expect(page.records).toEqual([
      {
        attributes: { type: 'Account', url: `/services/data/v66.0/sobjects/Account/${org.salesforceIdOf('account', 'acc-1')}` },
        Name: 'Acme Corp',
        Industry: 'Manufacturing',
        Kizuna_Feedback__r: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Kizuna_Feedback__c', url: `/services/data/v66.0/sobjects/Kizuna_Feedback__c/${org.salesforceIdOf('feedback', 'fb-2')}` },
              Responded_At__c: '2026-05-22T08:00:00.000+0000',
              Contact__r: null,
            },
          ],
        },
      },
    ]);
  });

  it('answers COUNT() in totalSize and GROUP BY as AggregateResult rows in one batch', async () => {
    expect((await query('SELECT COUNT() FROM Kizuna_Feedback__c')).body).toEqual({ totalSize: 1201, done: true, records: [] });
    const grouped = (await query('SELECT Kind__c, COUNT(Id) FROM Kizuna_Feedback__c GROUP BY Kind__c')).body as Page;
    expect(grouped.records).toEqual([{ attributes: { type: 'AggregateResult' }, Kind__c: 'nps', expr0: 1201 }]);
    const many = (await query('SELECT Name, COUNT(Id) FROM Kizuna_Feedback__c GROUP BY Name LIMIT 500', { batchSize: 200 })).body as Page;
    expect([many.totalSize, many.done, many.records.length]).toEqual([500, true, 500]);
  });

  it('reports SOQL errors as a JSON array with the documented status', async () => {
    expect(await query('SELECT Id FORM Account')).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: "unexpected token: 'Account'" }] });
    expect(await query('SELECT Bogus FROM Account')).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
    expect(await query('SELECT Id FROM Survey')).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_TYPE' }] });
    const [error] = (await query('SELECT Id FROM Survey')).body as Record<string, unknown>[];
    expect(Object.keys(error ?? {})).toEqual(['message', 'errorCode']);
    expect(await get('/services/data/v99.0/query?q=SELECT+Id+FROM+Account')).toMatchObject({ status: 404, body: [{ errorCode: 'NOT_FOUND' }] });
  });
});

describe('authentication, limits and accounting', () => {
  const session = { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };

  it('answers 401 INVALID_SESSION_ID without a token, with an unknown one, and once a token expires', async () => {
    expect(await query('SELECT Id FROM Account', { token: null })).toMatchObject(session);
    expect(await query('SELECT Id FROM Account', { token: 'forged' })).toMatchObject(session);
    const shortLived = org.sessions.issue();
    knobs.tokenExpiresAfterCalls = 2;
    expect((await query('SELECT Id FROM Account', { token: shortLived })).status).toBe(200);
    expect((await query('SELECT Id FROM Account', { token: shortLived })).status).toBe(200);
    expect(await query('SELECT Id FROM Account', { token: shortLived })).toMatchObject(session);
    expect((await query('SELECT Id FROM Account', { token: org.sessions.issue() })).status).toBe(200);
  });

  it('sends Sforce-Limit-Info on every answer and 403 REQUEST_LIMIT_EXCEEDED past the daily limit', async () => {
    knobs.dailyLimit = 2;
    const first = await query('SELECT Id FROM Account');
    expect(first.headers.get('Sforce-Limit-Info')).toBe('api-usage=1/2');
    expect((await query('SELECT Id FROM Account')).headers.get('Sforce-Limit-Info')).toBe('api-usage=2/2');
    expect(await query('SELECT Id FROM Account')).toMatchObject({
      status: 403,
      body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    });
  });

  it('counts every request by endpoint, with the bytes sent, until reset', async () => {
    const replies = [await query('SELECT Id FROM Account'), await query('SELECT Id FROM Account', { token: null })];
    const bytes = replies.reduce((total, reply) => total + new TextEncoder().encode(JSON.stringify(reply.body)).length, 0);
    expect(org.calls.snapshot()).toEqual({
      total: 2,
      byEndpoint: { query: 2, queryAll: 0, queryMore: 0, sobjects: 0, collections: 0, composite: 0, token: 0, userinfo: 0 },
      bytesSent: bytes,
      apiUsage: 1,
    });
    org.calls.reset();
    expect(org.calls.total).toBe(0);
  });
});

describe('fault knobs', () => {
  it('answers queued faults one per request, then recovers', async () => {
    knobs.failNext.push('serverError', 'serviceUnavailable', 'queryTimeout');
    expect(await query('SELECT Id FROM Account')).toMatchObject({ status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION' }] });
    expect(await query('SELECT Id FROM Account')).toMatchObject({ status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE' }] });
    expect(await query('SELECT Id FROM Account')).toMatchObject({
      status: 400,
      body: [{ message: 'Your query request was running for too long.', errorCode: 'QUERY_TIMEOUT' }],
    });
    expect((await query('SELECT Id FROM Account')).status).toBe(200);
  });

  it('can cut a body short so it is not JSON', async () => {
    knobs.failNext.push('malformedBody');
    const response = await fetch(`${instanceUrl}/services/data/v66.0/query?q=SELECT+Id+FROM+Account`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('still answers with latency set (the delay itself is measured in bench/, not asserted here)', async () => {
    knobs.latencyMs = 5;
    expect((await query('SELECT COUNT() FROM Account')).body).toEqual({ totalSize: 3, done: true, records: [] });
  });
});
