import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { salesforceTestClient, type Reply } from '../testing/salesforceTestClient';
import { salesforceHandlers } from './salesforceHandlers';
import { createSalesforceKnobs } from './salesforceKnobs';
import { createSalesforceOrg, type SalesforceOrg } from './salesforceOrg';

/** Knobs and accounting shared by every REST resource, over real fetch (msw/node). */
const instanceUrl = 'https://kizuna-knobs.my.salesforce.com';
const loginUrl = 'https://login.kizuna-knobs.example';
const knobs = createSalesforceKnobs();
let org: SalesforceOrg = createSalesforceOrg(canonicalFixture());
const server = setupServer();
const sf = salesforceTestClient(instanceUrl, 'token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(knobs, createSalesforceKnobs());
  org = createSalesforceOrg(canonicalFixture());
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, loginUrl, accessTokens: ['token'], knobs }));
});

const bytesOf = (reply: Reply) => (reply.body === null ? 0 : new TextEncoder().encode(JSON.stringify(reply.body)).length);

describe('concurrentLimit', () => {
  it('answers 403 REQUEST_LIMIT_EXCEEDED (ConcurrentRequests) to a request beyond N in flight', async () => {
    knobs.latencyMs = 60;
    knobs.concurrentLimit = 2;
    const replies = await Promise.all([1, 2, 3].map(() => sf.query('SELECT COUNT() FROM Account')));
    const refused = replies.filter((reply) => reply.status === 403);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 403]);
    expect(refused[0]?.body).toEqual([{ message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(org.calls.apiUsage).toBe(2); // refused before admission
    expect((await sf.query('SELECT COUNT() FROM Account')).status).toBe(200); // the others have landed
  });
});

describe('failNext', () => {
  it("'sessionNotValidForRest' answers the 401 that a token refresh cannot fix", async () => {
    knobs.failNext.push('sessionNotValidForRest');
    const reply = await sf.send('POST', '/sobjects/Account', { Name: 'Never written' });
    expect({ status: reply.status, body: reply.body }).toEqual({
      status: 401,
      body: [{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }],
    });
    expect(reply.headers.get('Sforce-Limit-Info')).toBeNull();
    expect(org.records('Account')).toHaveLength(3);
  });

  it('applies to writes and composite like any request, then recovers', async () => {
    knobs.failNext.push('serviceUnavailable');
    expect((await sf.send('POST', '/composite', { compositeRequest: [] })).status).toBe(503);
    expect((await sf.send('POST', '/sobjects/Account', { Name: 'Written' })).status).toBe(201);
  });
});

describe('accounting', () => {
  it('counts every call by endpoint — composite as one — with the bytes sent; token calls spend no allocation', async () => {
    const accountId = org.salesforceIdOf('account', 'acc-1');
    const code = org.oauth.issueAuthorizationCode({ clientId: 'app', redirectUri: 'https://app.example/cb' });
    const replies = [
      await sf.query('SELECT Id FROM Account'),
      await sf.send('POST', '/sobjects/Task', { Subject: 'Hello', WhatId: accountId }),
      await sf.send('PATCH', `/sobjects/Account/${accountId}`, { Industry: 'Retail' }),
      await sf.send('POST', '/composite', {
        compositeRequest: [
          { method: 'POST', url: '/services/data/v66.0/sobjects/Account', referenceId: 'a', body: { Name: 'A' } },
          { method: 'GET', url: '/services/data/v66.0/sobjects/Account/@{a.id}', referenceId: 'b' },
          { method: 'GET', url: '/services/data/v66.0/query?q=SELECT+Id+FROM+Account', referenceId: 'c' },
        ],
      }),
      await sf.send('POST', '/composite/sobjects', { records: [{ attributes: { type: 'Contact' }, LastName: 'B' }] }),
      await sf.token(loginUrl, { grant_type: 'authorization_code', code, client_id: 'app', redirect_uri: 'https://app.example/cb' }),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([200, 201, 204, 200, 200, 200]);
    expect(org.calls.snapshot()).toEqual({
      total: 6,
      byEndpoint: { query: 1, queryAll: 0, queryMore: 0, sobjects: 2, collections: 1, composite: 1, token: 1, userinfo: 0 },
      bytesSent: replies.reduce((total, reply) => total + bytesOf(reply), 0),
      apiUsage: 5,
    });
    expect(replies[3]?.headers.get('Sforce-Limit-Info')).toBe('api-usage=4/100000');
  });

  it('spends a token call on a write like any other: tokenExpiresAfterCalls applies', async () => {
    const shortLived = org.sessions.issue();
    knobs.tokenExpiresAfterCalls = 1;
    const client = salesforceTestClient(instanceUrl, shortLived);
    expect((await client.send('POST', '/sobjects/Account', { Name: 'First' })).status).toBe(201);
    expect(await client.send('POST', '/sobjects/Account', { Name: 'Second' })).toMatchObject({
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    });
  });
});
