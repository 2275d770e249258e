import { createFetchTransport } from '@kizuna/crm-core';
import { createSalesforceKnobs, createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPkcePair } from './auth/pkce';
import { createSalesforceTokenSource } from './auth/salesforceTokenSource';
import { exchangeCode } from './auth/webServerFlow';
import { createSalesforceDataSource } from './salesforceDataSource';

/**
 * The adapter's transport stack against the simulated org's faults: expired sessions refreshed
 * once through the real OAuth flow, limits told apart, transient failures retried, usage exposed.
 */
const instanceUrl = 'https://limits.my.salesforce.com';
const loginUrl = 'https://login.limits.test';
const dataset = generateOrganisation({ seed: 31, accounts: 3 });
const org = createSalesforceOrg(dataset);
const knobs = createSalesforceKnobs();
const server = setupServer(...salesforceHandlers(org, { instanceUrl, loginUrl, knobs }));
const firstAccount = dataset.accounts[0];
if (firstAccount === undefined) throw new Error('no account generated');
const accountId = org.salesforceIdOf('account', firstAccount.id);
const noWait = { sleep: () => Promise.resolve(), random: () => 0.5 };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(knobs, createSalesforceKnobs());
  org.calls.reset();
});

/** Signs in through the web-server flow with PKCE, as the demo's login page would. */
async function signIn() {
  const { verifier, challenge } = await createPkcePair();
  const redirectUri = 'https://app.kizuna.test/callback';
  const code = org.oauth.issueAuthorizationCode({ clientId: 'kizuna', redirectUri, codeChallenge: challenge });
  const transport = createFetchTransport();
  const session = await exchangeCode({ loginUrl, clientId: 'kizuna', redirectUri, code, codeVerifier: verifier }, transport);
  return { session, tokens: createSalesforceTokenSource({ loginUrl, clientId: 'kizuna', session, transport }) };
}

describe('the Salesforce transport stack against simulated faults', () => {
  it('refreshes an expired session once, however many requests hit the expiry together', async () => {
    const { session, tokens } = await signIn();
    expect(session.connection.instanceUrl).toBe(instanceUrl);
    const dataSource = createSalesforceDataSource({ connection: session.connection, tokens, retry: noWait });
    await dataSource.getAccountContext(accountId);
    org.sessions.expire(await tokens.current());
    const contexts = await Promise.all(Array.from({ length: 5 }, () => dataSource.getAccountContext(accountId)));
    expect(contexts.every((context) => context.account.name === firstAccount.name)).toBe(true);
    expect(org.calls.byEndpoint.token).toBe(2); // the sign-in, then one refresh
  });

  it('never refreshes a session the REST API will not accept, and says so', async () => {
    const { tokens } = await signIn();
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens, retry: noWait });
    knobs.failNext.push('sessionNotValidForRest');
    await expect(dataSource.getAccountContext(accountId)).rejects.toMatchObject({ code: 'AUTH_INVALID', crmCode: 'INVALID_SESSION_ID' });
    expect(org.calls.byEndpoint.token).toBe(1);
  });

  it('stops on the daily limit without retrying, and exposes the usage it read', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => org.sessions.issue(), retry: noWait });
    await dataSource.getAccountContext(accountId);
    expect(dataSource.usage()).toMatchObject({ used: 1, limit: knobs.dailyLimit });
    knobs.dailyLimit = 1;
    const before = dataSource.stats.calls;
    await expect(dataSource.getAccountContext(accountId)).rejects.toMatchObject({ code: 'DAILY_LIMIT' });
    expect(dataSource.stats.calls - before).toBe(1);
  });

  it('retries transient failures (5xx, QUERY_TIMEOUT) with bounded backoff', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => org.sessions.issue(), retry: noWait });
    knobs.failNext.push('serviceUnavailable', 'queryTimeout');
    const context = await dataSource.getAccountContext(accountId);
    expect(context.account.name).toBe(firstAccount.name);
    expect(dataSource.stats.calls).toBe(3);
    knobs.failNext.push('serverError', 'serverError', 'serverError', 'serverError');
    await expect(dataSource.getAccountContext(accountId)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('backs off when the concurrency limit refuses, and gets through', async () => {
    Object.assign(knobs, { latencyMs: 20, concurrentLimit: 2 });
    const token = org.sessions.issue();
    const dataSource = createSalesforceDataSource({
      connection: { instanceUrl },
      tokens: () => token,
      retry: { random: () => 0.5, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))), maxAttempts: 8 },
    });
    const contexts = await Promise.all(Array.from({ length: 4 }, () => dataSource.getAccountContext(accountId)));
    expect(contexts).toHaveLength(4);
    expect(dataSource.stats.calls).toBeGreaterThan(4);
  });
});
