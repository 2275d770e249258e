import { CrmError } from '@kizuna/crm-core';
import type { SalesforceRecord } from '../restQuery';

/** One SurveyQuestionResponse as the reader needs it, with what it knows of its response. */
export interface SurveyAnswerRow {
  readonly id: string;
  readonly responseId: string;
  /** SurveyQuestion.DeveloperName, or null when the question is not visible. */
  readonly question: string | null;
  readonly number: number | null;
  /** ResponseValue (long text), else ResponseShortText. */
  readonly text: string | null;
  /** SurveyResponse.CompletionDateTime as Salesforce sent it. */
  readonly completedAt: string | null;
  readonly invitationId: string | null;
  /** SurveyInvitation.ContactId: the contact the invitation went to. */
  readonly contactId: string | null;
  /** Survey.DeveloperName of the response's survey. */
  readonly survey: string | null;
}

/** The value at a relationship path of a REST record (`Response.Invitation.ContactId`), or undefined. */
function at(record: SalesforceRecord, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Readonly<Record<string, unknown>>)[key];
  }
  return value;
}

function text(record: SalesforceRecord, path: string): string | null {
  const value = at(record, path);
  return typeof value === 'string' && value !== '' ? value : null;
}

function number(record: SalesforceRecord, path: string): number | null {
  const value = at(record, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Reads a SurveyQuestionResponse record selected with `answerFields`. */
export function answerRowOf(record: SalesforceRecord): SurveyAnswerRow {
  const id = text(record, 'Id');
  const responseId = text(record, 'ResponseId');
  if (id === null || responseId === null) {
    throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned a SurveyQuestionResponse without Id or ResponseId.');
  }
  return {
    id,
    responseId,
    question: text(record, 'Question.DeveloperName'),
    number: number(record, 'NumberValue'),
    text: text(record, 'ResponseValue') ?? text(record, 'ResponseShortText'),
    completedAt: text(record, 'Response.CompletionDateTime'),
    invitationId: text(record, 'Response.InvitationId'),
    contactId: text(record, 'Response.Invitation.ContactId'),
    survey: text(record, 'Response.Invitation.Survey.DeveloperName'),
  };
}
