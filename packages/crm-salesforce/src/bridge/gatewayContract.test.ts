import { createSalesforceOrg } from '@kizuna/crm-sim';
import { compileKpi, kpiCatalogue } from '@kizuna/metrics';
import type { Action } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { salesforceDefaultMapping } from '../defaultMapping';
import type { ApexGateway } from './apexGatewayTransport';
import { gatewayAllowlistOf, planViolations } from './gatewayAllowlist';
import { readPlanSchema, writePlanSchema, type ReadPlan } from './gatewayContract';
import { readResultSchema, writeResultSchema } from './gatewayResults';
import { createLwcBridgeDataSource } from './lwcBridgeDataSource';
import { createReferenceGateway } from './referenceGateway';

/** The examples of docs/crm/apex-gateway-contract.md, checked against the schemas. */
const readPlanExample = {
  version: 1,
  revision: 0,
  queries: {
    account: {
      kind: 'records',
      object: 'Account',
      fields: ['Id', 'Name', 'Kizuna_Segment__c'],
      where: [{ field: 'Id', op: 'eq', value: '001000000000001AAA' }],
      children: [{ relationship: 'Contacts', fields: ['Id', 'Name', 'Email'], orderBy: [{ field: 'Id', direction: 'ASC' }], limit: 500 }],
    },
    tasks: {
      kind: 'records',
      object: 'Task',
      fields: ['Id', 'Subject', 'ActivityDate', 'CompletedDateTime'],
      where: [
        { field: 'WhatId', op: 'eq', value: '001000000000001AAA' },
        { field: 'Kizuna_Action_Key__c', op: 'isNull' },
      ],
      orderBy: [{ field: 'Id', direction: 'ASC' }],
      limit: 500,
    },
    promoters: {
      kind: 'aggregate',
      object: 'Kizuna_Feedback__c',
      groupBy: [
        { field: 'Account__r.Kizuna_Segment__c', alias: 'g0' },
        { fn: 'CALENDAR_YEAR', field: 'Responded_At__c', alias: 'py1' },
        { fn: 'CALENDAR_QUARTER', field: 'Responded_At__c', alias: 'pq1' },
      ],
      measures: [{ op: 'COUNT', alias: 'm0' }],
      where: [
        { field: 'Scale__c', op: 'eq', value: 'nps_0_10' },
        { field: 'Responded_At__c', op: 'gte', value: { dateTime: '2025-10-01T00:00:00.000Z' } },
        { field: 'Score__c', op: 'gte', value: 9 },
      ],
    },
  },
};
const readResultExample = {
  version: 1,
  ok: true,
  results: {
    account: {
      ok: true,
      done: true,
      records: [{ Id: '001000000000001AAA', Name: 'Acme', Kizuna_Segment__c: 'seg-1', Contacts: [{ Id: '003000000000001AAA', Name: 'Aiko Sato', Email: null }] }],
    },
    tasks: { ok: false, errorCode: 'PERMISSION_DENIED', message: 'No read access to Task.Kizuna_Action_Key__c' },
    promoters: { ok: true, done: true, records: [{ g0: 'seg-1', py1: 2026, pq1: 1, m0: 14 }] },
  },
};
const writePlanExample = {
  version: 1,
  upserts: [
    {
      object: 'Task',
      externalIdField: 'Kizuna_Action_Key__c',
      records: [{ key: 'dm_detractor-0001aaaa', fields: { Subject: 'Call the decision maker', WhatId: '001000000000001AAA', ActivityDate: { date: '2026-10-02' }, Priority: 'High' } }],
    },
  ],
};
const writeResultExample = {
  version: 1,
  ok: true,
  results: [
    { key: 'dm_detractor-0001aaaa', ok: true, id: '00T000000000001AAA', created: true },
    { key: 'dm_detractor-0002aaaa', ok: false, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Status: bad value for restricted picklist field: Done', fields: ['Status'] },
  ],
};

describe('the gateway contract', () => {
  it('accepts the documented examples', () => {
    expect(readPlanSchema.safeParse(readPlanExample).success).toBe(true);
    expect(readResultSchema.safeParse(readResultExample).success).toBe(true);
    expect(writePlanSchema.safeParse(writePlanExample).success).toBe(true);
    expect(writeResultSchema.safeParse(writeResultExample).success).toBe(true);
  });

  const withTasks = (change: Record<string, unknown>) => ({ ...readPlanExample, queries: { tasks: { ...readPlanExample.queries.tasks, ...change } } });
  it.each([
    ['a field list with SOQL in it', withTasks({ fields: ['Id', 'Subject FROM Task WHERE IsDeleted = false --'] })],
    ['a relationship path in a record query', withTasks({ fields: ['Owner.Email'] })],
    ['a value that is not typed JSON', withTasks({ where: [{ field: 'ActivityDate', op: 'gte', value: { soql: 'LAST_N_DAYS:30' } }] })],
    ['a date that is not a date', withTasks({ where: [{ field: 'ActivityDate', op: 'gte', value: { date: 'TODAY' } }] })],
    ['a datetime with an offset', withTasks({ where: [{ field: 'CompletedDateTime', op: 'gte', value: { dateTime: '2026-01-01T00:00:00.000+0900' } }] })],
    ['an empty IN list', withTasks({ where: [{ field: 'Subject', op: 'in', values: [] }] })],
    ['a comparison with null', withTasks({ where: [{ field: 'Subject', op: 'gt', value: null }] })],
    ['a limit past the row cap', withTasks({ limit: 2001 })],
    ['SUM without a field', { ...readPlanExample, queries: { p: { ...readPlanExample.queries.promoters, measures: [{ op: 'SUM', alias: 'm0' }] } } }],
    ['two columns with one alias', { ...readPlanExample, queries: { p: { ...readPlanExample.queries.promoters, measures: [{ op: 'COUNT', alias: 'G0' }] } } }],
    ['a query name that is not an identifier', { ...readPlanExample, queries: { 'tasks; DROP': readPlanExample.queries.tasks } }],
  ])('refuses a read plan with %s', (_what, plan) => {
    expect(readPlanSchema.safeParse(plan).success).toBe(false);
  });

  const withRecord = (record: Record<string, unknown>, upsert: Record<string, unknown> = {}) => ({
    version: 1,
    upserts: [{ ...writePlanExample.upserts[0], ...upsert, records: [record] }],
  });
  it.each([
    ['a record that sets Id', withRecord({ key: 'k-000000001', fields: { Id: '00T000000000001AAA' } })],
    ['a record that sets its key field', withRecord({ key: 'k-000000001', fields: { kizuna_action_key__c: 'other' } })],
    ['another object than Task', withRecord({ key: 'k-000000001', fields: { Name: 'x' } }, { object: 'Account' })],
    ['a key given twice', { version: 1, upserts: [{ ...writePlanExample.upserts[0], records: [{ key: 'k', fields: {} }, { key: 'k', fields: {} }] }] }],
  ])('refuses a write plan with %s', (_what, plan) => {
    expect(writePlanSchema.safeParse(plan).success).toBe(false);
  });
});

describe('the allowlist', () => {
  const allowlist = gatewayAllowlistOf(salesforceDefaultMapping);

  it('is derived from the mapping: objects, their mapped fields, Account children and account paths', () => {
    expect(allowlist.objects['Account']?.children).toEqual({ Contacts: 'Contact', Cases: 'Case', Opportunities: 'Opportunity' });
    expect(allowlist.objects['Kizuna_Feedback__c']?.parents).toEqual({ Account__r: 'Account' });
    expect(allowlist.objects['Task']?.fields).toEqual(expect.arrayContaining(['Id', 'WhatId', 'Kizuna_Action_Key__c', 'CompletedDateTime']));
    expect(allowlist.upserts['Task']?.externalIdField).toBe('Kizuna_Action_Key__c');
  });

  it('passes the documented example and names everything else', () => {
    expect(planViolations(readPlanSchema.parse(readPlanExample), allowlist)).toEqual([]);
    const plan: ReadPlan = readPlanSchema.parse({
      version: 1,
      queries: {
        a: { kind: 'records', object: 'Account', fields: ['Id', 'AnnualRevenue'], where: [], children: [{ relationship: 'Notes', fields: ['Id'] }] },
        b: { kind: 'aggregate', object: 'Case', groupBy: [{ field: 'Owner.Email', alias: 'g0' }], measures: [{ op: 'COUNT', alias: 'm0' }], where: [] },
        c: { kind: 'records', object: 'User', fields: ['Id'], where: [] },
      },
    });
    expect(planViolations(plan, allowlist)).toEqual([
      'Account.AnnualRevenue is not allowlisted',
      'Account.Notes is not an allowlisted child relationship',
      'Case.Owner.Email is not allowlisted',
      'User is not allowlisted',
    ]);
  });

  it('holds for every plan the bridge sends, whatever it is asked', async () => {
    const dataset = generateOrganisation({ seed: 5, accounts: 6 });
    const org = createSalesforceOrg(dataset);
    const reference = createReferenceGateway({
      query: (soql) => org.query(soql),
      upsert: (object, field, key, fields) => org.sobjects.upsert(object, field, key, fields),
      allowlist,
    });
    const sent: unknown[] = [];
    const gateway: ApexGateway = {
      read: (planJson) => (sent.push(JSON.parse(planJson)), reference.read(planJson)),
      write: (planJson) => (sent.push(JSON.parse(planJson)), reference.write(planJson)),
    };
    const bridge = createLwcBridgeDataSource({ gateway, pageSize: 3 });
    const [account] = await bridge.listAccounts();
    if (account === undefined) throw new Error('no accounts');
    await bridge.getAccountContext(account.id);
    for (const id of ['nps', 'renewalRate', 'escalationRate'] as const) {
      const plan = compileKpi(kpiCatalogue[id], { groupBy: ['segmentId', 'period'], filters: [{ dimension: 'businessUnitId', values: ['bu-1'] }] });
      if (!('unsupported' in plan)) await bridge.runAggregatePlan(plan);
    }
    const action: Action = {
      id: 'nba-1',
      accountId: account.id,
      playbookId: 'renewal_risk',
      title: 'Book the renewal review',
      reasons: ['Renewal in 60 days'],
      valueAtStake: 1000,
      expectedEffect: 0.2,
      urgency: 0.5,
      status: 'accepted',
      idempotencyKey: 'allowlist-0001',
      createdAt: '2026-09-30T09:00:00.000Z',
    };
    await bridge.writeActions([action]);
    expect(sent.length).toBeGreaterThan(5);
    for (const plan of sent) {
      const parsed = 'upserts' in (plan as object) ? writePlanSchema.parse(plan) : readPlanSchema.parse(plan);
      expect(planViolations(parsed, allowlist)).toEqual([]);
    }
  });
});
