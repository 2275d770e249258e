import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { salesforceTestClient } from '../../testing/salesforceTestClient';
import { salesforceHandlers } from '../salesforceHandlers';
import { createSalesforceOrg, type SalesforceOrg } from '../salesforceOrg';

/** Writing records through the sObject resources, over real fetch (msw/node). */
const instanceUrl = 'https://kizuna-writes.my.salesforce.com';
const now = Date.parse('2026-06-01T09:30:00Z');
let org: SalesforceOrg = createSalesforceOrg(canonicalFixture(), { now: () => now });
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['token'] }));
const sf = salesforceTestClient(instanceUrl, 'token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  // A fresh org per test: the handlers read `org` through this binding.
  org = createSalesforceOrg(canonicalFixture(), { now: () => now });
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, accessTokens: ['token'] }));
});

const accountId = () => org.salesforceIdOf('account', 'acc-1');
const contactId = () => org.salesforceIdOf('contact', 'con-1');

function actionTask(key: string): Record<string, unknown> {
  return {
    Subject: 'Call the detractor',
    Description: 'NPS 3 on 22 May',
    WhatId: accountId(),
    WhoId: contactId(),
    ActivityDate: '2026-06-05',
    Priority: 'High',
    Kizuna_Action_Key__c: key,
    Kizuna_Playbook__c: 'detractor-recovery',
    Kizuna_Value_At_Stake__c: 120000,
  };
}

describe('POST /sobjects/Task (create)', () => {
  it('answers 201 {id, success, errors} with a Location, and the task reads back with defaults and derived fields', async () => {
    const created = await sf.send('POST', '/sobjects/Task', actionTask('NBA-acc1-new-0001'));
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    expect(id).toMatch(/^00T5g0[0-9A-Za-z]{12}$/);
    expect(created.body).toEqual({ id, success: true, errors: [] });
    expect(created.headers.get('Location')).toBe(`/services/data/v66.0/sobjects/Task/${id}`);

    const read = await sf.get(`/sobjects/Task/${id}?fields=Subject,Status,Priority,AccountId,ActivityDate,Kizuna_Value_At_Stake__c,CompletedDateTime`);
    expect(read).toMatchObject({ status: 200 });
    expect(read.body).toEqual({
      attributes: { type: 'Task', url: `/services/data/v66.0/sobjects/Task/${id}` },
      AccountId: accountId(), // derived from WhatId
      Subject: 'Call the detractor',
      ActivityDate: '2026-06-05',
      CompletedDateTime: null,
      Status: 'Not Started', // the picklist default
      Priority: 'High',
      Kizuna_Value_At_Stake__c: 120000,
    });
    const found = await sf.query("SELECT Id, Kizuna_Playbook__c FROM Task WHERE Kizuna_Action_Key__c = 'NBA-acc1-new-0001'");
    expect((found.body as { records: unknown[] }).records).toEqual([
      { attributes: { type: 'Task', url: `/services/data/v66.0/sobjects/Task/${id}` }, Id: id, Kizuna_Playbook__c: 'detractor-recovery' },
    ]);
    expect(org.calls.byEndpoint).toMatchObject({ sobjects: 2, query: 1 });
  });

  it('refuses a second task with the same Kizuna_Action_Key__c: 400 DUPLICATE_VALUE naming the 15-char id', async () => {
    const existing = org.salesforceIdOf('action', 'act-1');
    const reply = await sf.send('POST', '/sobjects/Task', actionTask('NBA-acc1-detractor-call'));
    expect(reply).toMatchObject({ status: 400 });
    expect(reply.body).toEqual([
      {
        message: `duplicate value found: Kizuna_Action_Key__c duplicates value on record with id: ${existing.slice(0, 15)}`,
        errorCode: 'DUPLICATE_VALUE',
        fields: [],
      },
    ]);
  });

  it('validates the body against the describe, with Salesforce’s bodies', async () => {
    const cases: [string, Record<string, unknown>, number, unknown][] = [
      ['Task', { Bogus__c: 1 }, 400, [{ message: "No such column 'Bogus__c' on sobject of type Task", errorCode: 'INVALID_FIELD', fields: [] }]],
      ['Task', { Id: accountId() }, 400, [{ message: 'The Id field should not be specified in the sobject data.', errorCode: 'INVALID_FIELD' }]],
      ['Contact', { FirstName: 'No' }, 400, [{ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }]],
      ['Task', { Status: 'Done' }, 400, [{ message: 'Status: bad value for restricted picklist field: Done', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] }]],
      ['Contact', { LastName: 'X', Email: 'not an email' }, 400, [{ message: 'Email: invalid email address: not an email', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] }]],
      ['Task', { WhoId: accountId() }, 400, [{ message: `Name ID: id value of incorrect type: ${accountId()}`, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WhoId'] }]],
      [
        'Task',
        { AccountId: accountId(), CompletedDateTime: '2026-06-01T00:00:00Z' },
        400,
        [
          {
            message: 'Unable to create/update fields: AccountId, CompletedDateTime. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
            errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
            fields: ['AccountId', 'CompletedDateTime'],
          },
        ],
      ],
      ['Survey', { Name: 'x' }, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]],
    ];
    for (const [type, body, status, expected] of cases) {
      const reply = await sf.send('POST', `/sobjects/${type}`, body);
      expect({ status: reply.status, body: reply.body }).toEqual({ status, body: expected });
    }
    expect(await sf.send('POST', '/sobjects/Task', { ActivityDate: 'tomorrow' })).toMatchObject({ status: 400, body: [{ errorCode: 'JSON_PARSER_ERROR' }] });
    // Picklists that are not restricted take free text.
    expect((await sf.send('POST', '/sobjects/Task', { Kizuna_Channel__c: 'carrier pigeon' })).status).toBe(201);
  });
});

describe('PATCH and DELETE /sobjects/Task/:id', () => {
  it('updates with 204 and no body; completing a task stamps CompletedDateTime', async () => {
    const id = org.salesforceIdOf('action', 'act-1');
    const reply = await sf.send('PATCH', `/sobjects/Task/${id}`, { Status: 'Completed', Description: 'Called' });
    expect(reply).toMatchObject({ status: 204, body: null });
    expect(org.store.recordById(id)?.record).toMatchObject({ Status: 'Completed', Description: 'Called', CompletedDateTime: now });
  });

  it('answers 404 for an unknown id, and reads a non-id as an external id value', async () => {
    const unknown = await sf.send('PATCH', '/sobjects/Task/00T5g00000ZZZZZ', { Subject: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    const notAnId = await sf.send('PATCH', '/sobjects/Task/nope', { Subject: 'x' });
    expect(notAnId.body).toEqual([{ message: 'Provided external ID field does not exist or is not accessible: nope', errorCode: 'NOT_FOUND' }]);
  });

  it('deletes into the recycle bin: 204, then ENTITY_IS_DELETED, and queryAll still sees the row', async () => {
    const id = org.salesforceIdOf('action', 'act-1');
    expect(await sf.send('DELETE', `/sobjects/Task/${id}`)).toMatchObject({ status: 204, body: null });
    const gone = await sf.get(`/sobjects/Task/${id}`);
    expect({ status: gone.status, body: gone.body }).toEqual({ status: 404, body: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }] });
    const all = await sf.get(`/queryAll?q=${encodeURIComponent(`SELECT IsDeleted FROM Task WHERE Id = '${id}'`)}`);
    expect((all.body as { records: { IsDeleted: boolean }[] }).records[0]?.IsDeleted).toBe(true);
  });
});

describe('PATCH /sobjects/Task/Kizuna_Action_Key__c/:key (upsert)', () => {
  it('creates with 201 {created: true}, then updates the same record with 200 {created: false}', async () => {
    const { Kizuna_Action_Key__c: key, ...body } = actionTask('NBA-acc1-upsert-0001');
    const first = await sf.send('PATCH', `/sobjects/Task/Kizuna_Action_Key__c/${String(key)}`, body);
    expect(first.status).toBe(201);
    const { id } = first.body as { id: string };
    expect(first.body).toEqual({ id, errors: [], success: true, created: true });
    const second = await sf.send('PATCH', `/sobjects/Task/Kizuna_Action_Key__c/${String(key)}`, { Subject: 'Call again' });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id, errors: [], success: true, created: false });
    expect(org.store.recordById(id)?.record).toMatchObject({ Subject: 'Call again', Kizuna_Action_Key__c: key });
  });

  it('answers 204 without a body on update, and no `created`, before API v46', async () => {
    const old = salesforceTestClient(instanceUrl, 'token', 'v45.0');
    const created = await old.send('PATCH', '/sobjects/Task/Kizuna_Action_Key__c/NBA-acc1-old-0001', { Subject: 'x' });
    expect(created).toMatchObject({ status: 201, body: { errors: [], success: true } });
    expect(created.body).not.toHaveProperty('created');
    expect(await old.send('PATCH', '/sobjects/Task/Kizuna_Action_Key__c/NBA-acc1-old-0001', { Subject: 'y' })).toMatchObject({ status: 204, body: null });
  });

  it('answers 300 with the matching record URLs when the external id is not unique, writing nothing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const reply = await sf.send('POST', '/sobjects/Kizuna_Feedback__c', { Touchpoint_Key__c: 'tp-dup', Score__c: i });
      ids.push((reply.body as { id: string }).id);
    }
    const reply = await sf.send('PATCH', '/sobjects/Kizuna_Feedback__c/Touchpoint_Key__c/tp-dup', { Score__c: 10 });
    expect(reply.status).toBe(300);
    expect(reply.body).toEqual(ids.map((id) => `/services/data/v66.0/sobjects/Kizuna_Feedback__c/${id}`));
    expect(ids.map((id) => org.store.recordById(id)?.record['Score__c'])).toEqual([0, 1]);
  });

  it('refuses an unknown field (404) and one that is not an External ID (400)', async () => {
    const unknown = await sf.send('PATCH', '/sobjects/Task/Bogus__c/k', {});
    expect({ status: unknown.status, body: unknown.body }).toEqual({
      status: 404,
      body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }],
    });
    const notExternal = await sf.send('PATCH', '/sobjects/Task/Subject/k', {});
    expect({ status: notExternal.status, body: notExternal.body }).toEqual({
      status: 400,
      body: [{ message: 'Field name provided, Subject is not an External ID or indexed field for Task', errorCode: 'INVALID_FIELD', fields: ['Subject'] }],
    });
  });
});
