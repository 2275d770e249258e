import { describe, expect, it, vi } from 'vitest';
import { createApexGatewayTransport, type ApexGateway } from './apexGatewayTransport';
import type { ReadPlan, WritePlan } from './gatewayContract';

/**
 * The transport against a scripted gateway: what Apex answers (or how the LWC call fails) is
 * written out in each test, in the shapes the contract and the LWC documentation give.
 */
const accountId = '001000000000001AAA';
const plan: ReadPlan = {
  version: 1,
  queries: {
    account: { kind: 'records', object: 'Account', fields: ['Id', 'Name'], where: [{ field: 'Id', op: 'eq', value: accountId }] },
    byStage: {
      kind: 'aggregate',
      object: 'Opportunity',
      groupBy: [{ field: 'StageName', alias: 'g0' }],
      measures: [{ op: 'SUM', field: 'Amount', alias: 'm0' }],
      where: [{ field: 'CloseDate', op: 'gte', value: { date: '2026-01-01' } }],
    },
  },
};
const answered = {
  version: 1,
  ok: true,
  results: {
    account: { ok: true, records: [{ Id: accountId, Name: 'Acme' }], done: true },
    byStage: { ok: true, records: [{ g0: 'Closed Won', m0: 1200 }], done: true },
  },
};

function scripted(answer: () => Promise<unknown>) {
  const read = vi.fn((_planJson: string) => answer());
  const write = vi.fn((_planJson: string) => answer());
  const gateway: ApexGateway = { read, write };
  return { transport: createApexGatewayTransport(gateway), read, write };
}

describe('createApexGatewayTransport: answers', () => {
  it('sends the plan as JSON text and takes the answer as JSON text (what `JSON.serialize` in Apex returns)', async () => {
    const { transport, read } = scripted(() => Promise.resolve(JSON.stringify(answered)));
    const answers = await transport.read(plan);
    expect(JSON.parse(read.mock.calls[0]?.[0] ?? '')).toEqual(plan);
    expect(answers.results['account']).toEqual({ ok: true, records: [{ Id: accountId, Name: 'Acme' }], done: true });
    expect(transport.stats).toEqual({ calls: 1, bytesReceived: JSON.stringify(answered).length });
  });

  it('takes the answer as an object too (an Apex method returning a Map)', async () => {
    const { transport } = scripted(() => Promise.resolve(answered));
    expect((await transport.read(plan)).results['byStage']).toEqual({ ok: true, records: [{ g0: 'Closed Won', m0: 1200 }], done: true });
  });

  it('ignores the `attributes` of serialized SObjects and AggregateResults', async () => {
    const withAttributes = {
      ...answered,
      results: {
        account: { ok: true, records: [{ attributes: { type: 'Account', url: `/services/data/v66.0/sobjects/Account/${accountId}` }, Id: accountId, Name: 'Acme' }], done: true },
        byStage: { ok: true, records: [{ attributes: { type: 'AggregateResult' }, g0: 'Closed Won', m0: 1200 }], done: true },
      },
    };
    const { transport } = scripted(() => Promise.resolve(JSON.stringify(withAttributes)));
    await expect(transport.read(plan)).resolves.toMatchObject({ ok: true });
  });

  it('keeps a refused query as its own part', async () => {
    const refused = { ok: false, errorCode: 'INVALID_TYPE', message: "sObject type 'Opportunity' is not supported." };
    const { transport } = scripted(() => Promise.resolve({ ...answered, results: { ...answered.results, byStage: refused } }));
    expect((await transport.read(plan)).results['byStage']).toEqual(refused);
  });

  it.each([
    ['text that is not JSON', 'Internal Server Error'],
    ['records that are not a list', { ...answered, results: { ...answered.results, account: { ok: true, records: {}, done: true } } }],
    ['a part that is not done', { ...answered, results: { ...answered.results, account: { ok: true, records: [], done: false } } }],
    ['a query left unanswered', { ...answered, results: { account: answered.results.account } }],
    ['an answer to a query never asked', { ...answered, results: { ...answered.results, extra: { ok: true, records: [], done: true } } }],
    ['an aggregate row not keyed by its aliases', { ...answered, results: { ...answered.results, byStage: { ok: true, records: [{ StageName: 'Closed Won', expr0: 1 }], done: true } } }],
    ['an aggregate row holding a record', { ...answered, results: { ...answered.results, byStage: { ok: true, records: [{ g0: { Name: 'x' }, m0: 1 }], done: true } } }],
    ['another contract version', { ...answered, version: 2 }],
    ['nothing at all', undefined],
  ])('says MALFORMED_RESPONSE for %s', async (_what, answer) => {
    const { transport } = scripted(() => Promise.resolve(answer));
    await expect(transport.read(plan)).rejects.toMatchObject({ name: 'CrmError', code: 'MALFORMED_RESPONSE' });
  });

  it('turns a plan the gateway refused as a whole into a CrmError with the gateway code', async () => {
    const { transport } = scripted(() => Promise.resolve({ version: 1, ok: false, errorCode: 'INVALID_PLAN', message: 'unknown op "like"' }));
    await expect(transport.read(plan)).rejects.toMatchObject({ code: 'INVALID_INPUT', crmCode: 'INVALID_PLAN', message: 'unknown op "like"' });
  });
});

describe('createApexGatewayTransport: plans', () => {
  it.each([
    ['a field that is SOQL, not an API name', { ...plan, queries: { account: { ...plan.queries['account'], fields: ['Id, (SELECT Id FROM Cases)'] } } }],
    ['an object that is SOQL', { ...plan, queries: { account: { ...plan.queries['account'], object: 'Account WHERE Name != null' } } }],
    ['a condition on a made-up operator', { ...plan, queries: { account: { ...plan.queries['account'], where: [{ field: 'Name', op: 'like', value: '%' }] } } }],
    ['a date that is not tagged as one', { ...plan, queries: { byStage: { ...plan.queries['byStage'], where: [{ field: 'CloseDate', op: 'gte', value: { date: 'TODAY' } }] } } }],
    ['eleven queries', { ...plan, queries: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i}`, plan.queries['account']])) }],
  ])('refuses %s with INVALID_INPUT before calling Apex', async (_what, badPlan) => {
    const { transport, read } = scripted(() => Promise.resolve(answered));
    await expect(transport.read(badPlan as ReadPlan)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(read).not.toHaveBeenCalled();
  });

  it('checks write results: one per record, in order', async () => {
    const writePlan: WritePlan = {
      version: 1,
      upserts: [{ object: 'Task', externalIdField: 'Kizuna_Action_Key__c', records: [{ key: 'k-00000001', fields: { Subject: 'Call' } }, { key: 'k-00000002', fields: { Subject: 'Mail' } }] }],
    };
    const result = (keys: string[]) => ({ version: 1, ok: true, results: keys.map((key) => ({ key, ok: true, id: '00T000000000001AAA', created: true })) });
    await expect(scripted(() => Promise.resolve(result(['k-00000001', 'k-00000002']))).transport.write(writePlan)).resolves.toMatchObject({ ok: true });
    await expect(scripted(() => Promise.resolve(result(['k-00000002', 'k-00000001']))).transport.write(writePlan)).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });
});

/** How a failed `@AuraEnabled` call reaches JavaScript (lwc guide apex-error-handling; wire-service-jest-util defaults). */
const apexError = (body: unknown, status = 500, statusText = 'Server Error') => ({ ok: false, status, statusText, headers: {}, body });

describe('createApexGatewayTransport: Apex errors', () => {
  it.each([
    [
      'a QueryException for a missing column',
      apexError({ message: "No such column 'Kizuna_ARR__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.", exceptionType: 'System.QueryException', isUserDefinedException: false, stackTrace: 'Class.KizunaGateway.read: line 42, column 1' }),
      'INVALID_FIELD',
    ],
    ['a QueryException for a missing object', apexError({ message: "sObject type 'Kizuna_Feedback__c' is not supported.", exceptionType: 'System.QueryException' }), 'INVALID_TYPE'],
    ['a QueryException for a field the user may not read', apexError({ message: 'Insufficient permissions: secure query included inaccessible field', exceptionType: 'System.QueryException' }), 'PERMISSION_DENIED'],
    ['a NoAccessException', apexError({ message: 'Insufficient access rights on object id', exceptionType: 'System.NoAccessException' }), 'PERMISSION_DENIED'],
    ['a LimitException', apexError({ message: 'Too many query rows: 50001', exceptionType: 'System.LimitException' }), 'INVALID_QUERY'],
    ['an unhandled NullPointerException', apexError({ message: 'Attempt to de-reference a null object', exceptionType: 'System.NullPointerException' }), 'UNKNOWN'],
    ['an AuraHandledException (message only)', apexError({ message: 'Script-thrown exception' }), 'UNKNOWN'],
    ['the default Apex error of wire-service-jest-util', apexError({ message: 'An internal server error has occurred' }, 400, 'Bad Request'), 'UNKNOWN'],
    ['a UI API error list', apexError([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404, 'Not Found'), 'NOT_FOUND'],
    ['a message that is itself an error list', apexError({ exceptionType: 'System.CalloutException', isUserDefinedException: false, message: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] }), 'UNKNOWN'],
    ['a network failure in the page', new TypeError('Failed to fetch'), 'UNAVAILABLE'],
  ])('maps %s to %s, keeping the original as the cause', async (_what, thrown, code) => {
    const { transport } = scripted(() => Promise.reject(thrown));
    const failure = await transport.read(plan).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'CrmError', code });
    expect((failure as Error).cause).toBe(thrown);
  });

  it('keeps the exception type and HTTP status of an Apex exception', async () => {
    const thrown = apexError({ message: "No such column 'X__c' on entity 'Account'.", exceptionType: 'System.QueryException' });
    const { transport } = scripted(() => Promise.reject(thrown));
    await expect(transport.read(plan)).rejects.toMatchObject({ code: 'INVALID_FIELD', crmCode: 'System.QueryException', status: 500, message: "No such column 'X__c' on entity 'Account'." });
  });

  it('does not call Apex once the signal is aborted, and discards an answer that arrives after it', async () => {
    const controller = new AbortController();
    controller.abort();
    const { transport, read } = scripted(() => Promise.resolve(answered));
    await expect(transport.read(plan, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(read).not.toHaveBeenCalled();

    const late = new AbortController();
    const slow = scripted(() => {
      late.abort();
      return Promise.resolve(answered);
    });
    await expect(slow.transport.read(plan, { signal: late.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
