import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { salesforceTestClient } from '../../testing/salesforceTestClient';
import { salesforceHandlers } from '../salesforceHandlers';
import { createSalesforceOrg, type SalesforceOrg } from '../salesforceOrg';

/** sObject Collections over real fetch (msw/node): create and upsert up to 200 records per call. */
const instanceUrl = 'https://kizuna-collections.my.salesforce.com';
let org: SalesforceOrg = createSalesforceOrg(canonicalFixture());
const server = setupServer();
const sf = salesforceTestClient(instanceUrl, 'token');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  org = createSalesforceOrg(canonicalFixture());
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, accessTokens: ['token'] }));
});

const task = (key: string, extra: Record<string, unknown> = {}) => ({
  attributes: { type: 'Task' },
  Subject: `Follow up ${key}`,
  WhatId: org.salesforceIdOf('account', 'acc-1'),
  Kizuna_Action_Key__c: key,
  ...extra,
});
const rolledBack = {
  success: false,
  errors: [
    {
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
      fields: [],
    },
  ],
};
const badStatus = {
  success: false,
  errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Status: bad value for restricted picklist field: Done', fields: ['Status'] }],
};

describe('POST /composite/sobjects (create)', () => {
  it('answers 200 with one SaveResult per record, in order, even when some fail (allOrNone false)', async () => {
    const reply = await sf.send('POST', '/composite/sobjects', {
      allOrNone: false,
      records: [task('NBA-col-0001'), task('NBA-col-0002', { Status: 'Done' }), { attributes: { type: 'Contact' }, LastName: 'Tanaka' }],
    });
    expect(reply.status).toBe(200);
    const [first, second, third] = reply.body as { id?: string }[];
    expect(reply.body).toEqual([{ id: first?.id, success: true, errors: [] }, badStatus, { id: third?.id, success: true, errors: [] }]);
    expect(second).not.toHaveProperty('id');
    expect(org.store.findByField('Task', 'Kizuna_Action_Key__c', 'NBA-col-0001')).toHaveLength(1);
    expect(org.calls.byEndpoint.collections).toBe(1);
  });

  it('rolls everything back with allOrNone: the others say ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const tasksBefore = org.records('Task').length;
    const reply = await sf.send('POST', '/composite/sobjects', {
      allOrNone: true,
      records: [task('NBA-col-0003'), task('NBA-col-0004', { Status: 'Done' }), task('NBA-col-0005')],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([rolledBack, badStatus, rolledBack]);
    expect(org.records('Task')).toHaveLength(tasksBefore);
  });

  it('refuses more than 200 records as a whole: 400 EXCEEDED_ID_LIMIT', async () => {
    const records = Array.from({ length: 201 }, (_, i) => task(`NBA-col-big-${String(i).padStart(4, '0')}`));
    const reply = await sf.send('POST', '/composite/sobjects', { records });
    expect({ status: reply.status, body: reply.body }).toEqual({
      status: 400,
      body: [{ message: 'record limit reached. cannot submit more than 200 records into this call', errorCode: 'EXCEEDED_ID_LIMIT' }],
    });
  });
});

describe('PATCH /composite/sobjects/Task/Kizuna_Action_Key__c (upsert)', () => {
  it('updates the records whose key exists and creates the others, reporting `created`', async () => {
    const existing = org.salesforceIdOf('action', 'act-1');
    const reply = await sf.send('PATCH', '/composite/sobjects/Task/Kizuna_Action_Key__c', {
      allOrNone: true,
      records: [task('NBA-acc1-detractor-call', { Status: 'Completed' }), task('NBA-col-0100')],
    });
    expect(reply.status).toBe(200);
    const created = (reply.body as { id: string }[])[1]?.id;
    expect(reply.body).toEqual([
      { id: existing, success: true, errors: [], created: false },
      { id: created, success: true, errors: [], created: true },
    ]);
    expect(org.store.recordById(existing)?.record['Status']).toBe('Completed');
  });

  it('fails an item whose key matches several records (DUPLICATE_EXTERNAL_ID), the others succeed', async () => {
    for (const score of [1, 2]) await sf.send('POST', '/sobjects/Kizuna_Feedback__c', { Touchpoint_Key__c: 'tp-dup', Score__c: score });
    const reply = await sf.send('PATCH', '/composite/sobjects/Kizuna_Feedback__c/Touchpoint_Key__c', {
      records: [
        { attributes: { type: 'Kizuna_Feedback__c' }, Touchpoint_Key__c: 'tp-dup', Score__c: 9 },
        { attributes: { type: 'Kizuna_Feedback__c' }, Touchpoint_Key__c: 'tp-new', Score__c: 9 },
      ],
    });
    const [dup, fresh] = reply.body as Record<string, unknown>[];
    expect(dup).toMatchObject({ success: false, errors: [{ statusCode: 'DUPLICATE_EXTERNAL_ID', fields: ['Touchpoint_Key__c'] }] });
    expect(fresh).toMatchObject({ success: true, created: true });
  });
});
