import { assertSalesforceId, soqlStringLiteral } from '../soql';
import { answerFields, surveyObjects, type SubjectParent } from './surveyObjects';

/**
 * The SOQL of the survey reader. Ids are checked to be Salesforce ids and sent as escaped
 * literals; every other part is a constant. Semi-joins cannot be combined with OR, so the two ways
 * SurveySubject links a record (ParentId = the response, or = its invitation) are two queries.
 */
const answerSelect = `SELECT ${answerFields.join(', ')} FROM ${surveyObjects.answer}`;
/** Only completed responses count (CompletionDateTime is empty until the participant submits). */
const completed = 'Response.CompletionDateTime != null';

export interface NamedQuery {
  readonly referenceId: string;
  readonly soql: string;
}

/** The answer column of SurveyQuestionResponse that a SurveySubject parent of this kind matches. */
const answerColumnFor: Readonly<Record<SubjectParent, string>> = { SurveyResponse: 'ResponseId', SurveyInvitation: 'InvitationId' };
const referenceIdFor: Readonly<Record<SubjectParent, string>> = { SurveyResponse: 'surveyAnswersByResponse', SurveyInvitation: 'surveyAnswersByInvitation' };

/** The answers of every completed response about one account: one query per kind of SurveySubject parent. */
export function accountAnswerQueries(accountId: string, parents: readonly SubjectParent[]): NamedQuery[] {
  const subject = soqlStringLiteral(assertSalesforceId(accountId, 'The account id'));
  return parents.map((parent) => ({
    referenceId: referenceIdFor[parent],
    soql: `${answerSelect} WHERE ${answerColumnFor[parent]} IN (SELECT ParentId FROM ${surveyObjects.subject} WHERE SubjectId = ${subject}) AND ${completed}`,
  }));
}

/** The ids of all completed responses, in id order: the pages the org-wide reader walks. */
export const completedResponseIdsQuery = `SELECT Id FROM ${surveyObjects.response} WHERE CompletionDateTime != null ORDER BY Id`;

/** For responses with ids from `first` to `last`: their answers and the Accounts they are about. */
export function responseRangeQueries(first: string, last: string, parents: readonly SubjectParent[]): NamedQuery[] {
  const from = soqlStringLiteral(assertSalesforceId(first, 'A survey response id'));
  const to = soqlStringLiteral(assertSalesforceId(last, 'A survey response id'));
  const accountSubjects = `SELECT ParentId, SubjectId FROM ${surveyObjects.subject} WHERE SubjectEntityType = 'Account'`;
  const queries: NamedQuery[] = [
    { referenceId: 'surveyAnswers', soql: `${answerSelect} WHERE ResponseId >= ${from} AND ResponseId <= ${to} AND ${completed}` },
  ];
  if (parents.includes('SurveyResponse')) {
    queries.push({ referenceId: 'responseSubjects', soql: `${accountSubjects} AND ParentId >= ${from} AND ParentId <= ${to}` });
  }
  if (parents.includes('SurveyInvitation')) {
    const invitations = `SELECT InvitationId FROM ${surveyObjects.response} WHERE Id >= ${from} AND Id <= ${to}`;
    queries.push({ referenceId: 'invitationSubjects', soql: `${accountSubjects} AND ParentId IN (${invitations})` });
  }
  return queries;
}

/** One cheap query per object the reader touches; an org without Surveys answers INVALID_TYPE. */
export function detectionQueries(): NamedQuery[] {
  return Object.values(surveyObjects).map((object) => ({ referenceId: object, soql: `SELECT Id FROM ${object} LIMIT 1` }));
}
