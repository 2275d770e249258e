import { describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { queryAll } from '../restQuery';
import { withRetry, withTokenRefresh, withUsageTracking } from '@kizuna/crm-core';
import { json, loginUrl, notForRestApi, recording, sessionExpired, tokenBody, tokenEndpoint } from './fakeSalesforce';
import {
  classifySalesforceResponse,
  isSalesforceRefreshable,
  parseSforceLimitInfo,
  salesforceUsageFrom,
} from './salesforceLayers';
import { createSalesforceTokenSource } from './salesforceTokenSource';

describe('classifySalesforceResponse', () => {
  it('leaves 2xx alone and classifies the rest with salesforceErrorFrom', () => {
    expect(classifySalesforceResponse(json(200, { done: true }))).toBeUndefined();
    expect(classifySalesforceResponse(json(204, null))).toBeUndefined();
    const cases = [
      [sessionExpired(), 'AUTH_EXPIRED', true],
      [notForRestApi(), 'AUTH_INVALID', false],
      [json(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]), 'DAILY_LIMIT', false],
      [json(403, [{ message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]), 'RATE_LIMITED', false],
      [json(400, [{ message: 'Your query request was running for too long.', errorCode: 'QUERY_TIMEOUT' }]), 'TIMEOUT', false],
      [{ status: 503, headers: new Headers(), text: '<html>down</html>' }, 'UNAVAILABLE', false],
    ] as const;
    for (const [response, code, refreshable] of cases) {
      const error = classifySalesforceResponse(response);
      expect(error?.code).toBe(code);
      expect(error !== undefined && isSalesforceRefreshable(error)).toBe(refreshable);
    }
  });
});

describe('parseSforceLimitInfo', () => {
  it('finds api-usage among whatever else the header carries', () => {
    expect(parseSforceLimitInfo('api-usage=10018/100000')).toEqual({ used: 10018, limit: 100000 });
    expect(parseSforceLimitInfo('api-usage=110018/100000; api-bursts=1/750')).toEqual({ used: 110018, limit: 100000 });
    expect(parseSforceLimitInfo('per-app-api-usage=17/250(appName=Kizuna), api-usage=25/15000')).toEqual({ used: 25, limit: 15000 });
    expect(parseSforceLimitInfo('per-app-api-usage=17/250(appName=Kizuna)')).toBeUndefined();
    expect(parseSforceLimitInfo(null)).toBeUndefined();
    expect(parseSforceLimitInfo('api-usage=1/0')).toBeUndefined();
  });
});

describe('the layers stacked for Salesforce', () => {
  it('refreshes an expired session once at the login host, retries a concurrency refusal, and tracks usage', async () => {
    const connection = parseSalesforceConnection({ instanceUrl: 'https://acme.my.salesforce.com' });
    const usage = { 'Sforce-Limit-Info': 'api-usage=42/15000' };
    const page = json(200, { totalSize: 1, done: true, records: [{ attributes: { type: 'Account' }, Id: '001000000000001AAA' }] }, usage);
    const org = recording((request) => {
      if (request.headers?.['Authorization'] !== 'Bearer A2') return sessionExpired();
      return org.requests.length === 2
        ? json(403, [{ message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], usage)
        : page;
    });
    const endpoint = tokenEndpoint(json(200, tokenBody('A2')));
    const tokens = createSalesforceTokenSource({
      loginUrl,
      clientId: '3MVG9_consumer_key',
      session: { connection, accessToken: 'A1', refreshToken: 'R1', identityUrl: `${loginUrl}/id/00D/005`, scopes: [], issuedAt: undefined },
      transport: endpoint.transport,
    });

    const tracked = withUsageTracking(org.transport, { parse: salesforceUsageFrom, now: () => 7 });
    const authed = withTokenRefresh(tracked, { tokens, classify: classifySalesforceResponse, isRefreshable: isSalesforceRefreshable });
    const transport = withRetry(authed, { classify: classifySalesforceResponse, random: () => 0, sleep: () => Promise.resolve() });

    const records = await queryAll(transport, connection, 'SELECT Id FROM Account');
    expect(records.map((record) => record['Id'])).toEqual(['001000000000001AAA']);
    expect(org.requests.map((request) => request.headers?.['Authorization'])).toEqual(['Bearer A1', 'Bearer A2', 'Bearer A2']);
    expect(endpoint.requests.map((request) => request.url)).toEqual(['https://login.salesforce.com/services/oauth2/token']);
    expect(tracked.usage()).toEqual({ used: 42, limit: 15000, at: 7 });
  });

  it('lets a session that is not valid for the REST API fail at once, without a refresh', async () => {
    const connection = parseSalesforceConnection({ instanceUrl: 'https://acme.my.salesforce.com' });
    const org = recording(() => notForRestApi());
    const endpoint = tokenEndpoint();
    const tokens = createSalesforceTokenSource({
      loginUrl,
      clientId: '3MVG9_consumer_key',
      session: { connection, accessToken: 'A1', refreshToken: 'R1', identityUrl: `${loginUrl}/id/00D/005`, scopes: [], issuedAt: undefined },
      transport: endpoint.transport,
    });
    const transport = withTokenRefresh(org.transport, { tokens, classify: classifySalesforceResponse, isRefreshable: isSalesforceRefreshable });
    await expect(queryAll(transport, connection, 'SELECT Id FROM Account')).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(org.requests).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(0);
  });
});
