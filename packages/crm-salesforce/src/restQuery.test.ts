import { CrmError, type HttpRequest, type HttpTransport } from '@kizuna/crm-core';
import { describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from './connection';
import { queryAll } from './restQuery';

const connection = parseSalesforceConnection({ instanceUrl: 'https://acme.my.salesforce.com/' });

function json(status: number, body: unknown) {
  return { status, headers: new Headers({ 'content-type': 'application/json;charset=UTF-8' }), text: JSON.stringify(body) };
}

/** A transport that answers from a script and records what was asked. */
function scripted(...answers: ReturnType<typeof json>[]): { transport: HttpTransport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const transport: HttpTransport = (request) => {
    requests.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected request');
    return Promise.resolve(answer);
  };
  return { transport, requests };
}

const record = (id: string) => ({ attributes: { type: 'Contact', url: `/services/data/v66.0/sobjects/Contact/${id}` }, Id: id });

describe('queryAll', () => {
  it('follows nextRecordsUrl until done, even when a page holds fewer rows than the batch size', async () => {
    const { transport, requests } = scripted(
      json(200, { totalSize: 3, done: false, nextRecordsUrl: '/services/data/v66.0/query/01gRO0000016PIAYA2-1', records: [record('a')] }),
      json(200, { totalSize: 3, done: false, nextRecordsUrl: '/services/data/v66.0/query/01gRO0000016PIAYA2-2', records: [record('b')] }),
      json(200, { totalSize: 3, done: true, records: [record('c')] }),
    );
    const records = await queryAll(transport, connection, "SELECT Id FROM Contact WHERE Name = 'O''Brien'", { batchSize: 200 });
    expect(records.map((r) => r['Id'])).toEqual(['a', 'b', 'c']);
    expect(requests.map((r) => r.url)).toEqual([
      `https://acme.my.salesforce.com/services/data/v66.0/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Name = 'O''Brien'")}`,
      'https://acme.my.salesforce.com/services/data/v66.0/query/01gRO0000016PIAYA2-1',
      'https://acme.my.salesforce.com/services/data/v66.0/query/01gRO0000016PIAYA2-2',
    ]);
    expect(requests[0]?.headers?.['Sforce-Query-Options']).toBe('batchSize=200');
  });

  it('uses queryAll when deleted and archived rows are wanted', async () => {
    const { transport, requests } = scripted(json(200, { totalSize: 0, done: true, records: [] }));
    await queryAll(transport, connection, 'SELECT Id FROM Task', { includeDeleted: true });
    expect(requests[0]?.url).toContain('/services/data/v66.0/queryAll?q=');
  });

  it('never follows a nextRecordsUrl that points away from the instance', async () => {
    const { transport } = scripted(
      json(200, { totalSize: 2, done: false, nextRecordsUrl: 'https://evil.example/steal', records: [record('a')] }),
    );
    await expect(queryAll(transport, connection, 'SELECT Id FROM Contact')).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it('stops instead of looping when a page repeats its nextRecordsUrl', async () => {
    const page = { totalSize: 9, done: false, nextRecordsUrl: '/services/data/v66.0/query/01g-1', records: [record('a')] };
    const { transport } = scripted(json(200, page), json(200, page));
    await expect(queryAll(transport, connection, 'SELECT Id FROM Contact')).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });

  it.each([
    [401, 'INVALID_SESSION_ID', 'Session expired or invalid', 'AUTH_EXPIRED'],
    [401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API', 'AUTH_INVALID'],
    [403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', 'DAILY_LIMIT'],
    [403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.', 'RATE_LIMITED'],
    [400, 'INVALID_TYPE', "sObject type 'Kizuna_Feedback__c' is not supported.", 'INVALID_TYPE'],
    [400, 'INVALID_FIELD', "No such column 'Score__c' on entity 'Kizuna_Feedback__c'.", 'INVALID_FIELD'],
    [400, 'MALFORMED_QUERY', "unexpected token: 'invalid'", 'INVALID_QUERY'],
    [400, 'QUERY_TIMEOUT', 'Your query request was running for too long.', 'TIMEOUT'],
  ])('turns HTTP %i %s (%s) into CrmError %s', async (status, errorCode, message, code) => {
    const { transport } = scripted(json(status, [{ message, errorCode }]));
    const error = await queryAll(transport, connection, 'SELECT Id FROM Contact').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code, crmCode: errorCode, status });
  });

  it('reports a body that is not the documented shape as MALFORMED_RESPONSE, and HTML from a proxy too', async () => {
    const { transport } = scripted(json(200, { records: 'nope' }), { status: 502, headers: new Headers(), text: '<html>Bad gateway</html>' });
    await expect(queryAll(transport, connection, 'SELECT Id FROM Contact')).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
    await expect(queryAll(transport, connection, 'SELECT Id FROM Contact')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 502 });
  });
});
