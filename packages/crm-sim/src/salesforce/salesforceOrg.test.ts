import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { createSalesforceOrg } from './salesforceOrg';
import { toSalesforceId18 } from './salesforceId';

const org = createSalesforceOrg(canonicalFixture());

describe('createSalesforceOrg: ids', () => {
  it('gives every seeded record an 18-char id with its object key prefix and a valid checksum', () => {
    const cases = [
      ['account', 'acc-1', '001'],
      ['contact', 'con-1', '003'],
      ['touchpoint', 'tp-1', '00T'],
      ['touchpoint', 'tp-2', '00U'],
      ['feedback', 'fb-1', 'a01'],
      ['supportCase', 'case-1', '500'],
      ['opportunity', 'opp-1', '006'],
      ['employeePulse', 'ep-1', 'a02'],
      ['action', 'act-1', '00T'],
    ] as const;
    for (const [entity, canonicalId, prefix] of cases) {
      const id = org.salesforceIdOf(entity, canonicalId);
      expect(id.slice(0, 3)).toBe(prefix);
      expect(toSalesforceId18(id.slice(0, 15))).toBe(id);
    }
  });

  it('is deterministic: the same data gives the same ids', () => {
    const again = createSalesforceOrg(canonicalFixture());
    expect(again.salesforceIdOf('account', 'acc-2')).toBe(org.salesforceIdOf('account', 'acc-2'));
    expect(again.salesforceIdOf('feedback', 'fb-3')).toBe(org.salesforceIdOf('feedback', 'fb-3'));
  });

  it('says which canonical record was never seeded (proposed actions are not in the CRM)', () => {
    expect(() => org.salesforceIdOf('action', 'act-2')).toThrow('no action with canonical id act-2');
  });
});

describe('createSalesforceOrg: layout (docs/crm/salesforce-layout.md)', () => {
  it('lays accounts out with Kizuna fields holding canonical keys', () => {
    const found = org.recordById(org.salesforceIdOf('account', 'acc-1'));
    expect(found?.objectName).toBe('Account');
    expect(found?.record).toMatchObject({
      Name: 'Acme Corp',
      Industry: 'Manufacturing',
      Kizuna_Business_Unit__c: 'bu-apac',
      Kizuna_Serving_Team__c: 'team-cs',
      Kizuna_ARR__c: 120_000,
      CurrencyIsoCode: 'JPY',
      Kizuna_Status__c: 'active',
      Kizuna_Customer_Since__c: '2024-01-01',
      Kizuna_Churned_On__c: null,
      IsDeleted: false,
    });
  });

  it('links contacts to their account and splits the name', () => {
    const [cher, hanako] = org.query("SELECT FirstName, LastName, Name, AccountId, Kizuna_Role__c FROM Contact WHERE Kizuna_Role__c IN ('decision_maker', 'champion') ORDER BY LastName").records;
    expect(hanako).toMatchObject({ FirstName: 'Hanako', LastName: 'Yamada', AccountId: org.salesforceIdOf('account', 'acc-1') });
    expect(cher).toMatchObject({ FirstName: null, LastName: 'Cher', Name: 'Cher', Kizuna_Role__c: 'champion' });
  });

  it('puts task-like touchpoints in Task and meetings in Event', () => {
    const [task] = org.query("SELECT WhatId, WhoId, TaskSubtype, Status, ActivityDate, CompletedDateTime, Kizuna_Channel__c FROM Task WHERE Kizuna_Channel__c = 'email'").records;
    expect(task).toMatchObject({
      WhatId: org.salesforceIdOf('account', 'acc-1'),
      WhoId: org.salesforceIdOf('contact', 'con-1'),
      TaskSubtype: 'Email',
      Status: 'Completed',
      ActivityDate: '2026-05-20',
      CompletedDateTime: '2026-05-20T20:49:32.000+0000',
    });
    const [event] = org.query('SELECT StartDateTime, EndDateTime, Kizuna_Moment_Of_Truth__c, WhoId FROM Event').records;
    expect(event).toMatchObject({
      StartDateTime: '2026-04-01T00:00:00.000+0000',
      EndDateTime: '2026-04-01T01:00:00.000+0000',
      Kizuna_Moment_Of_Truth__c: 'quarterly_business_review',
      WhoId: null,
    });
  });

  it('stores feedback in Kizuna_Feedback__c with an auto-number name and JSON driver scores', () => {
    const [first] = org.query("SELECT Name, Kind__c, Scale__c, Score__c, Responded_At__c, Driver_Scores__c, Touchpoint_Key__c, Follow_Up_State__c FROM Kizuna_Feedback__c WHERE Id = '" + org.salesforceIdOf('feedback', 'fb-1') + "'").records;
    expect(first).toMatchObject({
      Name: 'FB-000001',
      Kind__c: 'nps',
      Scale__c: 'nps_0_10',
      Score__c: 9,
      Responded_At__c: '2026-05-21T08:00:00.000+0000',
      Driver_Scores__c: '{"support_responsiveness":8}',
      Touchpoint_Key__c: 'tp-1',
      Follow_Up_State__c: 'not_required',
    });
  });

  it("maps cases to Salesforce's picklist values (channels with no Origin become Web)", () => {
    const records = org.query('SELECT CaseNumber, Status, Priority, Origin, IsClosed, IsEscalated, ClosedDate FROM Case ORDER BY CaseNumber').records;
    expect(records.map((r) => [r['CaseNumber'], r['Status'], r['Priority'], r['Origin'], r['IsClosed']])).toEqual([
      ['00001001', 'Closed', 'High', 'Email', true],
      ['00001002', 'Waiting on Customer', 'Low', 'Web', false],
    ]);
  });

  it('writes accepted actions as Tasks keyed by Kizuna_Action_Key__c', () => {
    const { records } = org.query("SELECT Subject, Status, Priority, Description FROM Task WHERE Kizuna_Action_Key__c = 'NBA-acc1-detractor-call'");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ Status: 'Not Started', Priority: 'High', Description: 'NPS 3 on 22 May\nRenewal in 7 months' });
  });
});

describe('describe', () => {
  it('describes fields with types, lookups with relationship names, and child relationships', () => {
    const feedback = org.describe('kizuna_feedback__c');
    expect(feedback?.keyPrefix).toBe('a01');
    expect(feedback?.fields.find((f) => f.name === 'Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
    });
    expect(feedback?.fields.find((f) => f.name === 'Comment__c')).toMatchObject({ type: 'textarea', filterable: false });
    expect(org.describe('Account')?.childRelationships).toContainEqual({
      relationshipName: 'Kizuna_Feedback__r',
      childSObject: 'Kizuna_Feedback__c',
      field: 'Account__c',
    });
    expect(org.describe('Lead')).toBeUndefined();
  });
});
