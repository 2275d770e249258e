import type { SalesforceFieldSpec, SalesforceFieldType, SalesforceObjectSpec } from './salesforceSchema';

/**
 * Salesforce Feedback Management (Surveys) objects, present only in an org created with
 * `{ surveys: true }`: without them a query answers INVALID_TYPE, as an org without Surveys does.
 *
 * Field names and types follow the object reference (reference §H; SurveyQuestion and
 * SurveyQuestionResponse pages) unless marked otherwise in the README's Unverified list. Survey,
 * SurveyResponse, SurveyQuestion and SurveyQuestionResponse are read-only through the API, so all
 * their fields are read-only here; SurveyInvitation and SurveySubject support create and update.
 * The version objects (SurveyVersion, SurveyPage, SurveyQuestionChoice) are not modelled.
 */
const id: SalesforceFieldSpec = { name: 'Id', type: 'id' };
const isDeleted: SalesforceFieldSpec = { name: 'IsDeleted', type: 'boolean', readOnly: true };

function readOnly(name: string, type: SalesforceFieldType, extra: Partial<SalesforceFieldSpec> = {}): SalesforceFieldSpec {
  return { name, type, readOnly: true, ...extra };
}
function reference(name: string, to: readonly string[], relationshipName: string, extra: Partial<SalesforceFieldSpec> = {}): SalesforceFieldSpec {
  return { name, type: 'reference', referenceTo: to, relationshipName, label: `${relationshipName} ID`, ...extra };
}

/** SurveyQuestion.QuestionType (object reference, API v49+). */
export const surveyQuestionTypes = [
  'Boolean', 'CSAT', 'Currency', 'Date', 'DateTime', 'FreeText', 'Image', 'Matrix', 'MultipleChoice',
  'MultiSelectPicklist', 'NPS', 'Number', 'Picklist', 'RadioButton', 'StackRank', 'Rating', 'ShortText', 'Slider', 'Toggle',
] as const;
/** SurveyQuestionResponse.Datatype (object reference). */
export const surveyResponseDatatypes = ['Boolean', 'Date', 'Double', 'Int', 'Number', 'String'] as const;
/** SurveyResponse.Status: the exact values are unverified (reference §H says to read them with describe). */
export const surveyResponseStatuses = ['Started', 'Completed'] as const;
/** A few of SurveySubject.SubjectEntityType's values (the full list is long). */
export const surveySubjectEntityTypes = ['Account', 'Asset', 'Campaign', 'Case', 'Contact', 'Event', 'Lead', 'Opportunity', 'Order', 'Task', 'WorkOrder'] as const;
const subjectTargets = ['Account', 'Case', 'Contact', 'Lead', 'Opportunity'];

const survey: SalesforceObjectSpec = {
  name: 'Survey',
  keyPrefix: '0Kd',
  fields: [id, isDeleted, readOnly('Name', 'string'), readOnly('DeveloperName', 'string'), readOnly('Description', 'textarea', { longText: true })],
};

const surveyInvitation: SalesforceObjectSpec = {
  name: 'SurveyInvitation',
  keyPrefix: '0Ki',
  fields: [
    id,
    isDeleted,
    { name: 'Name', type: 'string', required: true },
    reference('SurveyId', ['Survey'], 'Survey', { required: true }),
    reference('ParticipantId', ['Contact', 'Lead', 'User'], 'Participant'),
    // Documented as not createable (filled from the participant), API v49+.
    reference('ContactId', ['Contact'], 'Contact', { readOnly: true }),
    readOnly('InvitationLink', 'string'),
    { name: 'InviteExpiryDateTime', type: 'datetime' },
    { name: 'IsDefault', type: 'boolean' },
    { name: 'OptionsAllowGuestUserResponse', type: 'boolean' },
    { name: 'OptionsAllowParticipantAccessTheirResponse', type: 'boolean' },
  ],
};

const surveyResponse: SalesforceObjectSpec = {
  name: 'SurveyResponse',
  keyPrefix: '0My',
  fields: [
    id,
    isDeleted,
    readOnly('Name', 'string'),
    reference('InvitationId', ['SurveyInvitation'], 'Invitation', { readOnly: true }),
    reference('SurveyId', ['Survey'], 'Survey', { readOnly: true }),
    reference('SubmitterId', ['Contact', 'User'], 'Submitter', { readOnly: true }),
    readOnly('Status', 'picklist', { picklistValues: surveyResponseStatuses }),
    readOnly('CompletionDateTime', 'datetime'),
    readOnly('Language', 'picklist'),
    readOnly('IpAddress', 'string'),
  ],
};

const surveyQuestion: SalesforceObjectSpec = {
  name: 'SurveyQuestion',
  keyPrefix: '0Ku',
  fields: [
    id,
    isDeleted,
    readOnly('Name', 'string'),
    readOnly('DeveloperName', 'string'),
    readOnly('QuestionName', 'textarea', { longText: true }),
    readOnly('QuestionType', 'picklist', { picklistValues: surveyQuestionTypes, restricted: true }),
    readOnly('QuestionOrder', 'int'),
    readOnly('IsDeprecated', 'boolean'),
  ],
};

const surveyQuestionResponse: SalesforceObjectSpec = {
  name: 'SurveyQuestionResponse',
  keyPrefix: '0Kv',
  fields: [
    id,
    isDeleted,
    reference('ResponseId', ['SurveyResponse'], 'Response', { readOnly: true }),
    reference('QuestionId', ['SurveyQuestion'], 'Question', { readOnly: true }),
    reference('InvitationId', ['SurveyInvitation'], 'Invitation', { readOnly: true }),
    readOnly('Datatype', 'picklist', { picklistValues: surveyResponseDatatypes, restricted: true }),
    readOnly('NumberValue', 'int'),
    readOnly('ChoiceValue', 'textarea'),
    readOnly('ResponseShortText', 'string'),
    readOnly('ResponseValue', 'textarea', { longText: true }),
    readOnly('IsTrueOrFalse', 'boolean'),
    readOnly('DateValue', 'date'),
    readOnly('DateTimeValue', 'datetime'),
  ],
};

const surveySubject: SalesforceObjectSpec = {
  name: 'SurveySubject',
  keyPrefix: '0Kx',
  fields: [
    id,
    isDeleted,
    { name: 'Name', type: 'string', required: true },
    reference('ParentId', ['SurveyInvitation', 'SurveyResponse'], 'Parent', { required: true }),
    reference('SubjectId', subjectTargets, 'Subject', { required: true }),
    // Set by Salesforce from SubjectId; not createable. The sim seeds it but does not derive it on create.
    readOnly('SubjectEntityType', 'picklist', { picklistValues: surveySubjectEntityTypes, restricted: true }),
  ],
};

export const surveyObjectSpecs: readonly SalesforceObjectSpec[] = [
  survey,
  surveyInvitation,
  surveyResponse,
  surveyQuestion,
  surveyQuestionResponse,
  surveySubject,
];
