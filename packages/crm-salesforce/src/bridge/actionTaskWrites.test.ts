import { createSalesforceOrg } from '@kizuna/crm-sim';
import type { Action } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { salesforceDefaultMapping } from '../defaultMapping';
import { actionTaskFields } from '../writes/actionTask';
import { actionTaskRecord } from './actionTaskWrites';
import type { ApexGateway } from './apexGatewayTransport';
import { ACTION_TASK_WRITE_FIELDS, gatewayAllowlistOf, planViolations } from './gatewayAllowlist';
import { readPlanSchema, writePlanSchema } from './gatewayContract';
import { createLwcBridgeDataSource } from './lwcBridgeDataSource';
import { createReferenceGateway } from './referenceGateway';

/**
 * Accepted actions written through `KizunaGateway.write`: one Task per action key, upserted by
 * `Kizuna_Action_Key__c` with allOrNone false, and read back as the account's actions.
 */
const dataset = generateOrganisation({ seed: 21, accounts: 4 });
const org = createSalesforceOrg(dataset);
const firstAccount = dataset.accounts[0];
if (firstAccount === undefined) throw new Error('no account generated');
const accountId = org.salesforceIdOf('account', firstAccount.id);

function bridge() {
  const reference = createReferenceGateway({
    query: (soql) => org.query(soql),
    upsert: (object, field, key, fields) => org.sobjects.upsert(object, field, key, fields),
    allowlist: gatewayAllowlistOf(salesforceDefaultMapping),
  });
  const plans: Array<{ method: 'read' | 'write'; plan: unknown }> = [];
  const gateway: ApexGateway = {
    read: (planJson) => (plans.push({ method: 'read', plan: JSON.parse(planJson) }), reference.read(planJson)),
    write: (planJson) => (plans.push({ method: 'write', plan: JSON.parse(planJson) }), reference.write(planJson)),
  };
  return { dataSource: createLwcBridgeDataSource({ gateway }), plans };
}

function action(key: string, title = 'Call the decision maker about their score'): Action {
  return {
    id: `nba-${key}`,
    accountId,
    playbookId: 'dm_detractor_no_follow_up',
    title,
    reasons: ['Aiko Sato (decision maker) answered 3 on 2026-09-28', 'No follow-up for 72 hours'],
    valueAtStake: 12_000_000,
    expectedEffect: 0.35,
    urgency: 0.8,
    status: 'accepted',
    idempotencyKey: key,
    createdAt: '2026-09-30T09:00:00.000Z',
    dueAt: '2026-10-02T00:00:00.000Z',
  };
}

const tasksWithKey = (key: string) => org.query(`SELECT Id, Subject FROM Task WHERE Kizuna_Action_Key__c = '${key}'`).records;

describe('writeActions through the Apex gateway', () => {
  it('creates the task once and updates it when the same action is written again', async () => {
    const { dataSource } = bridge();
    const [first] = await dataSource.writeActions([action('gw-detractor-0001')]);
    const [second] = await dataSource.writeActions([action('gw-detractor-0001', 'Call the decision maker today')]);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(first?.ok === true && second?.ok === true && first.crmTaskId === second.crmTaskId).toBe(true);
    expect(tasksWithKey('gw-detractor-0001').map((task) => task['Subject'])).toEqual(['Call the decision maker today']);
  });

  it('sends typed values: the due date tagged as a date, the key as the external id', async () => {
    const { dataSource, plans } = bridge();
    await dataSource.writeActions([action('gw-typed-00000001')]);
    const [sent] = plans;
    expect(sent?.method).toBe('write');
    expect(writePlanSchema.parse(sent?.plan).upserts[0]).toMatchObject({
      object: 'Task',
      externalIdField: 'Kizuna_Action_Key__c',
      records: [{ key: 'gw-typed-00000001', fields: { ActivityDate: { date: '2026-10-02' }, WhatId: accountId, Priority: 'High' } }],
    });
  });

  it('reports a record Salesforce refuses without failing the others', async () => {
    const bad = { ...action('gw-bad-000000001'), accountId: '001000000000000AAA' };
    const results = await bridge().dataSource.writeActions([action('gw-good-00000001'), bad]);
    expect(results[0]).toMatchObject({ ok: true, idempotencyKey: 'gw-good-00000001' });
    expect(results[1]).toMatchObject({ ok: false, idempotencyKey: 'gw-bad-000000001', code: 'VALIDATION' });
  });

  it('reads written actions back as the account’s actions, past the cached answer of the read method', async () => {
    const { dataSource, plans } = bridge();
    const before = await dataSource.getAccountContext(accountId);
    await dataSource.writeActions([action('gw-readback-0001')]);
    const after = await dataSource.getAccountContext(accountId);
    expect(after.actions.length).toBe(before.actions.length + 1);
    expect(after.actions.find((written) => written.idempotencyKey === 'gw-readback-0001')).toMatchObject({ status: 'accepted', urgency: 0.8 });
    expect(after.touchpoints.some((touchpoint) => touchpoint.subject === action('x').title)).toBe(false);
    const revisions = plans.filter((sent) => sent.method === 'read').map((sent) => readPlanSchema.parse(sent.plan).revision);
    expect(revisions).toEqual([0, 1]);
  });
});

describe('upsertActionTasks through the Apex gateway', () => {
  it('refuses, before any call, a field the gateway may not write or a key given twice', async () => {
    const { dataSource, plans } = bridge();
    await expect(dataSource.upsertActionTasks([{ key: 'gw-owner-0000001', fields: { OwnerId: '005000000000001AAA' } }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const twice = [{ key: 'gw-same-00000001', fields: { Subject: 'One' } }, { key: 'gw-same-00000001', fields: { Subject: 'Two' } }];
    await expect(dataSource.upsertActionTasks(twice)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(plans).toEqual([]);
  });

  it('keeps Salesforce’s status code next to the adapter’s code', async () => {
    const [outcome] = await bridge().dataSource.upsertActionTasks([{ key: 'gw-status-000001', fields: { Subject: 'Follow up', Status: 'Done' } }]);
    expect(outcome).toMatchObject({ ok: false, code: 'VALIDATION', crmCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] });
  });

  it('writes only fields on the allowlist the Apex gateway is deployed with', () => {
    const { fields } = actionTaskRecord(action('gw-allowlist-0001'));
    expect(Object.keys(actionTaskFields(action('gw-allowlist-0001'))).sort()).toEqual([...ACTION_TASK_WRITE_FIELDS].sort());
    const plan = writePlanSchema.parse({ version: 1, upserts: [{ object: 'Task', externalIdField: 'Kizuna_Action_Key__c', records: [{ key: 'gw-allowlist-0001', fields }] }] });
    expect(planViolations(plan, gatewayAllowlistOf(salesforceDefaultMapping))).toEqual([]);
  });
});
