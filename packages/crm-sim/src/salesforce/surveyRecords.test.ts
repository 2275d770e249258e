import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { SalesforceApiError } from './salesforceApiError';
import { createSalesforceOrg } from './salesforceOrg';

const dataset = canonicalFixture();
const plain = createSalesforceOrg(dataset);
const org = createSalesforceOrg(dataset, { surveys: true });

function errorOf(run: () => unknown): SalesforceApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof SalesforceApiError) return error;
    throw error;
  }
  throw new Error('expected a SalesforceApiError');
}

describe('createSalesforceOrg: Feedback Management off (default)', () => {
  it('has no survey objects: queries answer INVALID_TYPE as an org without Surveys does', () => {
    for (const object of ['Survey', 'SurveyInvitation', 'SurveyResponse', 'SurveyQuestion', 'SurveyQuestionResponse', 'SurveySubject']) {
      const error = errorOf(() => plain.query(`SELECT Id FROM ${object}`));
      expect([error.status, error.errorCode]).toEqual([400, 'INVALID_TYPE']);
    }
    expect(plain.describe('SurveyResponse')).toBeUndefined();
  });
});

describe('createSalesforceOrg: Feedback Management on ({ surveys: true })', () => {
  it('keeps every other id as it was, and still seeds Kizuna_Feedback__c', () => {
    expect(org.salesforceIdOf('feedback', 'fb-2')).toBe(plain.salesforceIdOf('feedback', 'fb-2'));
    expect(org.salesforceIdOf('action', 'act-1')).toBe(plain.salesforceIdOf('action', 'act-1'));
    expect(org.records('Kizuna_Feedback__c')).toHaveLength(dataset.feedback.length);
  });

  it('seeds three surveys with their questions, and one completed response per feedback row', () => {
    expect(org.query('SELECT DeveloperName FROM Survey ORDER BY DeveloperName').records.map((r) => r['DeveloperName'])).toEqual([
      'kizuna_interaction_csat',
      'kizuna_relationship_nps',
      'kizuna_support_ces',
    ]);
    const responseId = org.salesforceIdOf('surveyResponse', 'fb-1');
    expect(responseId.slice(0, 3)).toBe('0My');
    const [response] = org.query(`SELECT Status, CompletionDateTime, SubmitterId, Invitation.ContactId, Invitation.Survey.DeveloperName FROM SurveyResponse WHERE Id = '${responseId}'`).records;
    expect(response).toMatchObject({
      Status: 'Completed',
      CompletionDateTime: '2026-05-21T08:00:00.000+0000',
      SubmitterId: org.salesforceIdOf('contact', 'con-1'),
      Invitation: { ContactId: org.salesforceIdOf('contact', 'con-1'), Survey: { DeveloperName: 'kizuna_relationship_nps' } },
    });
    expect(org.records('SurveyResponse')).toHaveLength(dataset.feedback.length);
  });

  it('answers each question: the headline score, each driver item and the comment', () => {
    const responseId = org.salesforceIdOf('surveyResponse', 'fb-1');
    const answers = org.query(
      `SELECT Question.DeveloperName, NumberValue, ResponseValue FROM SurveyQuestionResponse WHERE ResponseId = '${responseId}' ORDER BY Question.QuestionOrder`,
    ).records;
    expect(answers.map((a) => [(a['Question'] as { DeveloperName: string }).DeveloperName, a['NumberValue'], a['ResponseValue']])).toEqual([
      ['nps', 9, '9'],
      ['support_responsiveness', 8, '8'],
      ['comment', null, 'Great support'],
    ]);
  });

  it("links each response to its account through SurveySubject, so a semi-join finds an account's answers", () => {
    const accountId = org.salesforceIdOf('account', 'acc-1');
    const subjects = org.query(`SELECT ParentId, SubjectEntityType FROM SurveySubject WHERE SubjectId = '${accountId}'`).records;
    expect(subjects.map((s) => s['ParentId'])).toEqual([org.salesforceIdOf('surveyResponse', 'fb-1'), org.salesforceIdOf('surveyResponse', 'fb-2')]);
    expect(subjects.every((s) => s['SubjectEntityType'] === 'Account')).toBe(true);
    const headline = org.query(
      `SELECT NumberValue FROM SurveyQuestionResponse WHERE ResponseId IN (SELECT ParentId FROM SurveySubject WHERE SubjectId = '${accountId}') AND Question.DeveloperName = 'nps' ORDER BY Response.CompletionDateTime`,
    ).records;
    expect(headline.map((a) => a['NumberValue'])).toEqual([9, 3]);
  });

  it('refuses writes to the read-only objects, and lets SurveySubject and SurveyInvitation be written', () => {
    const write = errorOf(() => org.sobjects.create('SurveyResponse', { Status: 'Completed' }));
    expect([write.status, write.errorCode, write.fields]).toEqual([400, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['Status']]);
    const answer = errorOf(() => org.sobjects.update('SurveyQuestionResponse', String(org.records('SurveyQuestionResponse')[0]?.['Id']), { NumberValue: 10 }));
    expect(answer.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    org.store.begin();
    const subject = org.sobjects.create('SurveySubject', {
      Name: 'Case',
      ParentId: org.salesforceIdOf('surveyResponse', 'fb-3'),
      SubjectId: org.salesforceIdOf('supportCase', 'case-1'),
    });
    expect(org.recordById(subject)?.objectName).toBe('SurveySubject');
    org.store.rollback();
  });
});
