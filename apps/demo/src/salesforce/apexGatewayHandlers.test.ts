import { createSalesforceOrg } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apexGatewayHandlers } from './apexGatewayHandlers';
import { callApex } from './standIns/apexCall';

const dataset = generateOrganisation({ seed: 5, accounts: 4, asOf: '2026-10-01T00:00:00.000Z' });
const org = createSalesforceOrg(dataset);
const writes: string[] = [];
const server = setupServer(...apexGatewayHandlers(org, (planJson) => writes.push(planJson)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const account = dataset.accounts[0];
const accountId = account === undefined ? '' : org.salesforceIdOf('account', account.id);

describe('the demo org’s Apex gateway, called as the component calls it', () => {
  it('answers a read plan with the records of the simulated org, as JSON text', async () => {
    const plan = { version: 1, queries: { account: { kind: 'records', object: 'Account', fields: ['Id', 'Name'], where: [{ field: 'Id', op: 'eq', value: accountId }] } } };
    const answer = JSON.parse(await callApex('read', JSON.stringify(plan))) as { ok: boolean; results: { account: { ok: boolean; records: { Name: string }[] } } };
    expect(answer.ok).toBe(true);
    expect(answer.results.account.records.map((record) => record.Name)).toEqual([account?.name]);
  });

  it('refuses a plan outside the contract as a value, and reports successful writes for the journal', async () => {
    const refused = JSON.parse(await callApex('read', '{"version":1,"queries":{"q":{"kind":"soql","text":"SELECT Id FROM User"}}}')) as { ok: boolean; errorCode: string };
    expect(refused).toMatchObject({ ok: false, errorCode: 'INVALID_PLAN' });
    const write = { version: 1, upserts: [{ object: 'Task', externalIdField: 'Kizuna_Action_Key__c', records: [{ key: 'demo-k1', fields: { Subject: 'Call back', WhatId: accountId } }] }] };
    const written = JSON.parse(await callApex('write', JSON.stringify(write))) as { ok: boolean; results: { ok: boolean; created: boolean }[] };
    expect(written.results).toEqual([expect.objectContaining({ ok: true, created: true })]);
    expect(writes).toHaveLength(1);
    expect(org.query(`SELECT Subject FROM Task WHERE Kizuna_Action_Key__c = 'demo-k1'`).records).toHaveLength(1);
  });

  it('rejects a call with a malformed body as Lightning rejects Apex errors', async () => {
    await expect(callApex('read', 'x'.repeat(1_000_001))).rejects.toMatchObject({ body: { message: expect.stringContaining('KizunaGateway.read') }, status: 400 });
  });
});
