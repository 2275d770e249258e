/**
 * The Feedback Management (Salesforce Surveys) objects and fields the survey reader uses. They are
 * standard objects with fixed API names (no custom fields can be added to them), so they are
 * constants rather than mapping entries; what a question *means* is the mapping's business
 * (see surveyMapping.ts).
 *
 * Sources: the Salesforce object reference pages (SurveyQuestionResponse, SurveyQuestion,
 * SurveyResponse, SurveyInvitation, SurveySubject) and shared/reference/salesforce.md §H.
 * Confirmed there: SurveyQuestionResponse.{ResponseId, QuestionId, InvitationId, NumberValue,
 * ResponseShortText, ResponseValue}, the relationship `Invitation`; SurveyQuestion.DeveloperName;
 * SurveyResponse.{CompletionDateTime, InvitationId}; SurveyInvitation.{SurveyId, ContactId};
 * Survey.DeveloperName; SurveySubject.{ParentId, SubjectId, SubjectEntityType}.
 * Unverified (Salesforce's naming convention for a lookup `XId` is the relationship `X`, but the
 * pages read did not show them): the relationship names `Question` and `Response` on
 * SurveyQuestionResponse and `Survey` on SurveyInvitation.
 */
export const surveyObjects = {
  answer: 'SurveyQuestionResponse',
  response: 'SurveyResponse',
  question: 'SurveyQuestion',
  invitation: 'SurveyInvitation',
  subject: 'SurveySubject',
} as const;

/** The answer columns every survey read selects, in order (parent fields through relationships). */
export const answerFields = [
  'Id',
  'ResponseId',
  'Question.DeveloperName',
  'NumberValue',
  'ResponseShortText',
  'ResponseValue',
  'Response.CompletionDateTime',
  'Response.InvitationId',
  'Response.Invitation.ContactId',
  'Response.Invitation.Survey.DeveloperName',
] as const;

/** What SurveySubject.ParentId may point at (reference §H). */
export const subjectParents = ['SurveyResponse', 'SurveyInvitation'] as const;
export type SubjectParent = (typeof subjectParents)[number];
