import { describe, expect, it } from 'vitest';
import { objectMappingSchema } from './fieldMapping';
import { mapRecord, normaliseDateTime } from './mapRecord';

const feedbackMapping = objectMappingSchema.parse({
  entity: 'feedback',
  object: 'Survey_Answer__c',
  fields: {
    id: 'Id',
    accountId: 'Account__c',
    kind: 'Kind__c',
    programme: 'Programme__c',
    scale: 'Scale__c',
    score: 'Score__c',
    respondedAt: ['Responded_At__c', 'CreatedDate'],
    driverScores: 'Drivers__c',
    'followUp.state': 'Follow_Up__c',
    'followUp.dueAt': 'Follow_Up_Due__c',
  },
  values: { 'followUp.state': { Done: 'closed', Open: 'open', '*': 'not_required' } },
  constants: { programme: 'relationship' },
});

describe('normaliseDateTime', () => {
  it('turns Salesforce REST datetimes (+0000, no colon) into ISO 8601 with Z', () => {
    expect(normaliseDateTime('2013-05-20T20:49:32.000+0000')).toBe('2013-05-20T20:49:32.000Z');
    expect(normaliseDateTime('2013-05-20T20:49:32.000+0900')).toBe('2013-05-20T11:49:32.000Z');
  });
  it('keeps GraphQL-style Z datetimes and turns a date into midnight UTC', () => {
    expect(normaliseDateTime('2019-02-15T10:33:07.000Z')).toBe('2019-02-15T10:33:07.000Z');
    expect(normaliseDateTime('2026-01-31')).toBe('2026-01-31T00:00:00.000Z');
  });
});

describe('mapRecord', () => {
  const record = {
    attributes: { type: 'Survey_Answer__c', url: '/services/data/v66.0/sobjects/Survey_Answer__c/a01' },
    Id: 'a01000000000001AAA',
    Account__c: '001000000000001AAA',
    Kind__c: 'nps',
    Scale__c: 'nps_0_10',
    Score__c: 9,
    Responded_At__c: null,
    CreatedDate: '2026-04-01T09:00:00.000+0000',
    Drivers__c: '{"support_responsiveness":7}',
    Follow_Up__c: 'Done',
    Follow_Up_Due__c: null,
  };

  it('maps fields, falls back along a field list, translates values, parses JSON text, applies constants', () => {
    expect(mapRecord('feedback', feedbackMapping, record)).toEqual({
      ok: true,
      value: {
        id: 'a01000000000001AAA',
        accountId: '001000000000001AAA',
        kind: 'nps',
        programme: 'relationship',
        scale: 'nps_0_10',
        score: 9,
        respondedAt: '2026-04-01T09:00:00.000Z',
        driverScores: { support_responsiveness: 7 },
        followUp: { state: 'closed' },
      },
    });
  });

  it('uses the * value for anything the table does not list, including an empty field', () => {
    const result = mapRecord('feedback', feedbackMapping, { ...record, Follow_Up__c: null });
    expect(result.ok && result.value.followUp.state).toBe('not_required');
  });

  it("passes unlisted values through when the table has no '*', and uses '' for empty fields only", () => {
    const roleMapping = objectMappingSchema.parse({
      entity: 'contact',
      object: 'Contact',
      fields: { id: 'Id', accountId: 'AccountId', name: 'Name', role: 'Role__c' },
      values: { role: { '': 'user', 'Decision Maker': 'decision_maker' } },
    });
    const contact = { Id: 'c1', AccountId: 'a1', Name: 'Aiko Sato' };
    const roleOf = (value: unknown) => {
      const result = mapRecord('contact', roleMapping, { ...contact, Role__c: value });
      return result.ok ? result.value.role : result.issues.map((issue) => issue.field);
    };
    expect(roleOf('Decision Maker')).toBe('decision_maker');
    expect(roleOf('champion')).toBe('champion');
    expect(roleOf(null)).toBe('user');
    expect(roleOf('Chief Vibes Officer')).toEqual(['role']);
  });

  it('reports a bad record with the entity and field named, instead of throwing', () => {
    const offScale = mapRecord('feedback', feedbackMapping, { ...record, Score__c: 42 });
    const notJson = mapRecord('feedback', feedbackMapping, { ...record, Drivers__c: 'not json' });
    expect(offScale.ok ? [] : offScale.issues).toEqual([
      { entity: 'feedback', field: 'score', problem: 'must be from 0 to 10 on scale nps_0_10 (got 42)' },
    ]);
    expect(notJson.ok ? [] : notJson.issues.map((issue) => `${issue.entity}.${issue.field}`)).toEqual([
      'feedback.driverScores',
    ]);
  });
});

describe('objectMappingSchema', () => {
  it('refuses CRM names that could smuggle query text', () => {
    const result = objectMappingSchema.safeParse({
      entity: 'feedback',
      object: 'Kizuna_Feedback__c',
      fields: { id: 'Id FROM Account --' },
    });
    expect(result.success).toBe(false);
  });
});
