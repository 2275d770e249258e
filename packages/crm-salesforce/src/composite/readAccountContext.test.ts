import { objectMappingSchema, type HttpRequest, type HttpTransport } from '@kizuna/crm-core';
import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { salesforceDefaultMapping } from '../defaultMapping';
import { createSalesforceDataSource } from '../salesforceDataSource';
import { readAccountContext } from './readAccountContext';

const connection = parseSalesforceConnection({ instanceUrl: 'https://acme.my.salesforce.com' });
const accountId = '001000000000001AAA';

function json(status: number, body: unknown) {
  return { status, headers: new Headers(), text: JSON.stringify(body) };
}

function contact(id: string) {
  return { attributes: { type: 'Contact' }, Id: id, AccountId: accountId, Name: `Contact ${id}`, Email: null, Title: null, Kizuna_Role__c: 'user' };
}

const emptyQuery = { totalSize: 0, done: true, records: [] };

/** A composite answer whose Contacts child result needs paging, then the page that completes it. */
function scripted(): { transport: HttpTransport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const account = {
    attributes: { type: 'Account' },
    Id: accountId,
    Name: 'Acme',
    Industry: null,
    Kizuna_Business_Unit__c: 'bu-1',
    Kizuna_Product_Line__c: 'pl-1',
    Kizuna_Segment__c: 'seg-1',
    Kizuna_Serving_Team__c: 'team-1',
    Kizuna_ARR__c: 1000,
    CurrencyIsoCode: 'JPY',
    Kizuna_Status__c: 'active',
    Kizuna_Customer_Since__c: '2024-01-01',
    Contacts: { totalSize: 3, done: false, nextRecordsUrl: '/services/data/v66.0/query/01gD0000002HU6KIAW-2', records: [contact('c1'), contact('c2')] },
    Cases: null,
    Opportunities: null,
  };
  const answers = [
    json(200, {
      compositeResponse: [
        { body: { totalSize: 1, done: true, records: [account] }, httpHeaders: {}, httpStatusCode: 200, referenceId: 'account' },
        { body: [{ errorCode: 'INVALID_TYPE', message: "sObject type 'Kizuna_Feedback__c' is not supported." }], httpHeaders: {}, httpStatusCode: 400, referenceId: 'feedback' },
        { body: emptyQuery, httpHeaders: {}, httpStatusCode: 200, referenceId: 'tasks' },
        { body: emptyQuery, httpHeaders: {}, httpStatusCode: 200, referenceId: 'events' },
      ],
    }),
    json(200, { totalSize: 3, done: true, records: [contact('c3')] }),
  ];
  const transport: HttpTransport = (request) => {
    requests.push(request);
    const answer = answers.shift();
    return answer === undefined ? Promise.reject(new Error('unexpected request')) : Promise.resolve(answer);
  };
  return { transport, requests };
}

describe('readAccountContext', () => {
  it('sends one composite request within its documented limits', async () => {
    const { transport, requests } = scripted();
    await readAccountContext(accountId, { transport, connection, mapping: salesforceDefaultMapping });
    const [composite] = requests;
    expect(composite?.method).toBe('POST');
    expect(composite?.url).toBe('https://acme.my.salesforce.com/services/data/v66.0/composite');
    const body = JSON.parse(composite?.body ?? '{}') as { compositeRequest: Array<{ referenceId: string; url: string }> };
    expect(body.compositeRequest.map((part) => part.referenceId)).toEqual(['account', 'feedback', 'tasks', 'events']);
    expect(decodeURIComponent(body.compositeRequest[0]?.url ?? '')).toContain('(SELECT Id, AccountId, Name, Email, Title, Kizuna_Role__c FROM Contacts)');
  });

  it('follows a child result that needs paging, and reports a part the org refused without losing the rest', async () => {
    const { transport, requests } = scripted();
    const context = await readAccountContext(accountId, { transport, connection, mapping: salesforceDefaultMapping });
    expect(requests[1]?.url).toBe('https://acme.my.salesforce.com/services/data/v66.0/query/01gD0000002HU6KIAW-2');
    expect(context.contacts.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(context.feedback).toEqual([]);
    expect(context.unavailable).toEqual([{ entity: 'feedback', code: 'INVALID_TYPE', message: "sObject type 'Kizuna_Feedback__c' is not supported." }]);
    expect(context.supportCases).toEqual([]);
  });
});

describe('readAccountContext against the simulated org', () => {
  const instanceUrl = 'https://sim.my.salesforce.com';
  const dataset = generateOrganisation({ seed: 11, accounts: 5 });
  const org = createSalesforceOrg(dataset);
  const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['t'] }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('reads feedback from Salesforce Surveys when the org keeps it there, still in one round trip', async () => {
    const surveyOrg = createSalesforceOrg(dataset, { surveys: true });
    const surveyUrl = 'https://surveys.my.salesforce.com';
    server.use(...salesforceHandlers(surveyOrg, { instanceUrl: surveyUrl, accessTokens: ['t'] }));
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl: surveyUrl }, tokens: () => 't', feedbackSource: 'surveys' });
    const account = dataset.accounts[1];
    if (account === undefined) throw new Error('no account generated');
    const context = await dataSource.getAccountContext(surveyOrg.salesforceIdOf('account', account.id));
    const key = (f: { kind: string; score: number; respondedAt: string }) => `${f.kind}:${f.score}:${f.respondedAt}`;
    const expected = dataset.feedback.filter((f) => f.accountId === account.id).map(key).sort();
    expect(context.feedback.map(key).sort()).toEqual(expected);
    expect(context.unavailable).toEqual([]);
    expect(dataSource.stats.calls).toBe(1);
  });

  it('says feedback is unavailable when told to read Surveys in an org without them', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't', feedbackSource: 'surveys' });
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no account generated');
    const context = await dataSource.getAccountContext(org.salesforceIdOf('account', account.id));
    expect(context.unavailable.map((part) => [part.entity, part.code])).toEqual([['feedback', 'INVALID_TYPE']]);
    expect(context.contacts.length).toBeGreaterThan(0);
  });

  it('keeps the account when a custom object is missing from the org, and says which part is gone', async () => {
    const mapping = {
      ...salesforceDefaultMapping,
      feedback: objectMappingSchema.parse({ ...salesforceDefaultMapping.feedback, object: 'Survey_Answer__c' }),
    };
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 't', mapping });
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('no account generated');
    const context = await dataSource.getAccountContext(org.salesforceIdOf('account', account.id));
    expect(context.account.name).toBe(account.name);
    expect(context.contacts.length).toBeGreaterThanOrEqual(3);
    expect(context.unavailable.map((part) => [part.entity, part.code])).toEqual([['feedback', 'INVALID_TYPE']]);
    expect(dataSource.stats.calls).toBe(1);
  });
});
