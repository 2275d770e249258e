import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixtureWithFeedback } from '../../testing/canonicalFixture';
import { salesforceTestClient } from '../../testing/salesforceTestClient';
import { salesforceHandlers } from '../salesforceHandlers';
import { createSalesforceOrg, type SalesforceOrg } from '../salesforceOrg';

/** POST /composite over real fetch (msw/node): ordered subrequests, references, allOrNone, limits. */
const instanceUrl = 'https://kizuna-composite.my.salesforce.com';
let org: SalesforceOrg = createSalesforceOrg(canonicalFixtureWithFeedback(450));
const server = setupServer();
const sf = salesforceTestClient(instanceUrl, 'token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  org = createSalesforceOrg(canonicalFixtureWithFeedback(450));
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, accessTokens: ['token'] }));
});

interface Subresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

async function composite(body: unknown): Promise<{ status: number; responses: Subresponse[]; raw: unknown }> {
  const reply = await sf.send('POST', '/composite', body);
  const responses = (reply.body as { compositeResponse?: Subresponse[] } | null)?.compositeResponse ?? [];
  return { status: reply.status, responses, raw: reply.body };
}

const v = '/services/data/v66.0';
const rolledBack = (referenceId: string): Subresponse => ({
  body: [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }],
  httpHeaders: {},
  httpStatusCode: 400,
  referenceId,
});
const invalidReference = (referenceId: string, expression: string, target: string): Subresponse => ({
  body: [
    {
      errorCode: 'PROCESSING_HALTED',
      message: `Invalid reference specified. No value for ${expression} found in ${target}. Provided referenceId ('${expression}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`,
    },
  ],
  httpHeaders: {},
  httpStatusCode: 400,
  referenceId,
});

describe('POST /composite', () => {
  it('runs the documented example: an account, then a contact referencing @{refAccount.id}, as ONE API call', async () => {
    const { status, responses } = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'refAccount', body: { Name: 'Sample Account' } },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'refContact', body: { LastName: 'Sample Contact', AccountId: '@{refAccount.id}' } },
        { method: 'GET', url: `${v}/sobjects/Contact/@{refContact.id}?fields=AccountId,Name`, referenceId: 'readBack' },
      ],
    });
    expect(status).toBe(200);
    const accountId = (responses[0]?.body as { id: string }).id;
    const contactId = (responses[1]?.body as { id: string }).id;
    expect(responses[0]).toEqual({
      body: { id: accountId, success: true, errors: [] },
      httpHeaders: { Location: `${v}/sobjects/Account/${accountId}` },
      httpStatusCode: 201,
      referenceId: 'refAccount',
    });
    expect(responses[2]).toEqual({
      body: { attributes: { type: 'Contact', url: `${v}/sobjects/Contact/${contactId}` }, AccountId: accountId, Name: 'Sample Contact' },
      httpHeaders: {},
      httpStatusCode: 200,
      referenceId: 'readBack',
    });
    expect(org.calls.snapshot()).toMatchObject({ total: 1, apiUsage: 1, byEndpoint: { composite: 1, sobjects: 0 } });
  });

  it('resolves @{ref.records[0].Id} from a query, and upserts a Task by Kizuna_Action_Key__c', async () => {
    const { responses } = await composite({
      compositeRequest: [
        { method: 'GET', url: `${v}/query/?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Acme Corp'")}`, referenceId: 'acme' },
        {
          method: 'PATCH',
          url: `${v}/sobjects/Task/Kizuna_Action_Key__c/NBA-acc1-composite-01`,
          referenceId: 'action',
          body: { Subject: 'Call the detractor', WhatId: '@{acme.records[0].Id}', Kizuna_Value_At_Stake__c: 120000 },
        },
      ],
    });
    const id = (responses[1]?.body as { id: string }).id;
    expect(responses[1]).toMatchObject({ httpStatusCode: 201, body: { id, errors: [], success: true, created: true } });
    expect(org.store.recordById(id)?.record['WhatId']).toBe(org.salesforceIdOf('account', 'acc-1'));
  });

  it('returns a query’s first batch with done:false and a nextRecordsUrl the normal queryMore endpoint follows', async () => {
    const { responses } = await composite({
      compositeRequest: [
        {
          method: 'GET',
          url: `${v}/query?q=${encodeURIComponent('SELECT Id FROM Kizuna_Feedback__c')}`,
          referenceId: 'feedback',
          httpHeaders: { 'Sforce-Query-Options': 'batchSize=200' },
        },
      ],
    });
    const page = responses[0]?.body as { totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] };
    expect([page.totalSize, page.done, page.records.length]).toEqual([450, false, 200]);
    const next = await sf.get(page.nextRecordsUrl);
    expect(next.body).toMatchObject({ totalSize: 450, done: false });
    expect(org.calls.byEndpoint).toMatchObject({ composite: 1, queryMore: 1 });
  });

  it('with allOrNone true, rolls back every write and halts all the others when one fails', async () => {
    const accountsBefore = org.records('Account').length;
    const { status, responses } = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'refAccount', body: { Name: 'Rolled back' } },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'badContact', body: { FirstName: 'No last name' } },
        { method: 'GET', url: `${v}/sobjects/Account/@{refAccount.id}`, referenceId: 'never' },
      ],
    });
    expect(status).toBe(200);
    expect(responses).toEqual([
      rolledBack('refAccount'),
      {
        body: [{ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: 'badContact',
      },
      rolledBack('never'),
    ]);
    expect(org.records('Account')).toHaveLength(accountsBefore);
  });

  it('with allOrNone false, halts only the subrequests that depend on a failure (references are case-sensitive)', async () => {
    const { responses } = await composite({
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'refAccount', body: { Name: 'Kept' } },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'wrongCase', body: { LastName: 'X', AccountId: '@{refAccount.Id}' } },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'failed', body: { LastName: 'X', Bogus__c: 1 } },
        { method: 'GET', url: `${v}/sobjects/Contact/@{failed.id}`, referenceId: 'dependent' },
        { method: 'POST', url: `${v}/sobjects/Contact`, referenceId: 'independent', body: { LastName: 'Y', AccountId: '@{refAccount.id}' } },
      ],
    });
    expect(responses.map((r) => r.httpStatusCode)).toEqual([201, 400, 400, 400, 201]);
    expect(responses[1]).toEqual(invalidReference('wrongCase', 'refAccount.Id', 'refAccount'));
    expect(responses[3]).toEqual(invalidReference('dependent', 'failed.id', 'failed'));
    expect(org.store.recordById((responses[0]?.body as { id: string }).id)?.record['Name']).toBe('Kept');
  });

  it('runs sObject Collections as a subrequest; under allOrNone a failed record rolls the whole composite back', async () => {
    const { responses } = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${v}/sobjects/Account`, referenceId: 'refAccount', body: { Name: 'Parent' } },
        {
          method: 'POST',
          url: `${v}/composite/sobjects`,
          referenceId: 'contacts',
          body: { allOrNone: false, records: [{ attributes: { type: 'Contact' }, LastName: 'A', AccountId: '@{refAccount.id}' }, { attributes: { type: 'Contact' } }] },
        },
      ],
    });
    expect(responses[0]).toEqual(rolledBack('refAccount'));
    expect(responses[1]).toMatchObject({ httpStatusCode: 200, body: [{ success: false }, { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING' }] }] });
    expect(org.records('Contact').filter((c) => c['LastName'] === 'A')).toEqual([]);
  });

  it('refuses more than 25 subrequests, or more than 5 query/collection ones, with 400 for the whole request', async () => {
    const query = (i: number) => ({ method: 'GET', url: `${v}/query?q=SELECT+Id+FROM+Account`, referenceId: `q${i}` });
    const read = (i: number) => ({ method: 'GET', url: `${v}/sobjects/Account/${org.salesforceIdOf('account', 'acc-1')}`, referenceId: `r${i}` });
    const tooMany = await composite({ compositeRequest: Array.from({ length: 26 }, (_, i) => read(i)) });
    expect(tooMany).toMatchObject({ status: 400, raw: [{ errorCode: 'LIMIT_EXCEEDED' }] });
    const tooManyQueries = await composite({ compositeRequest: Array.from({ length: 6 }, (_, i) => query(i)) });
    expect(tooManyQueries).toMatchObject({ status: 400, raw: [{ errorCode: 'LIMIT_EXCEEDED' }] });
    expect((await composite({ compositeRequest: [...Array.from({ length: 5 }, (_, i) => query(i)), ...Array.from({ length: 20 }, (_, i) => read(i))] })).status).toBe(200);
    const badHeader = await composite({ compositeRequest: [{ ...read(0), httpHeaders: { Authorization: 'Bearer x' } }] });
    expect(badHeader.status).toBe(400);
  });
});
