import {
  channels,
  contactRoles,
  departments,
  feedbackKinds,
  feedbackProgrammes,
  feedbackScales,
  followUpStates,
  journeyStages,
  momentsOfTruth,
} from '@kizuna/model';
import type { SalesforceFieldSpec, SalesforceFieldType, SalesforceObjectSpec } from './salesforceSchema';
import { surveyObjectSpecs } from './surveyObjectSpecs';

/**
 * The seeded org's objects, as docs/crm/salesforce-layout.md lays them out, plus the standard
 * `Id` and `IsDeleted` every object has. Key prefixes are Salesforce's for standard objects and
 * `a0…` for Kizuna's custom objects.
 */
const id: SalesforceFieldSpec = { name: 'Id', type: 'id' };
const isDeleted: SalesforceFieldSpec = { name: 'IsDeleted', type: 'boolean', readOnly: true };

function field(name: string, type: SalesforceFieldType): SalesforceFieldSpec {
  return { name, type };
}
function picklist(name: string, values: readonly string[]): SalesforceFieldSpec {
  return { name, type: 'picklist', picklistValues: values };
}
function longText(name: string): SalesforceFieldSpec {
  return { name, type: 'textarea', longText: true };
}
function lookup(name: string, to: readonly string[], relationshipName: string, children?: string): SalesforceFieldSpec {
  // Salesforce labels a standard lookup `<Relationship> ID` (`Account ID`); custom ones by name.
  const label = name.endsWith('__c') ? undefined : `${relationshipName} ID`;
  const spec = { name, type: 'reference' as const, referenceTo: to, relationshipName, ...(label === undefined ? {} : { label }) };
  return children === undefined ? spec : { ...spec, childRelationshipName: children };
}
/** A required picklist that refuses other values and defaults on create, like `Task.Status`. */
function restrictedPicklist(name: string, values: readonly string[], defaultValue: string): SalesforceFieldSpec {
  return { name, type: 'picklist', picklistValues: values, restricted: true, required: true, defaultValue };
}
function autoNumber(name: string): SalesforceFieldSpec {
  return { name, type: 'string', autoNumber: true };
}

export const casePicklists = {
  Status: ['New', 'Working', 'Waiting on Customer', 'Escalated', 'Closed'],
  Priority: ['Low', 'Medium', 'High', 'Critical'],
  Origin: ['Email', 'Phone', 'Web', 'Chat', 'Portal'],
} as const;
export const taskPicklists = {
  Status: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
  Priority: ['High', 'Normal', 'Low'],
  TaskSubtype: ['Task', 'Email', 'Call'],
} as const;
export const opportunityTypes = ['New Business', 'Renewal', 'Expansion'] as const;

const activityKizunaFields = [
  picklist('Kizuna_Channel__c', channels),
  picklist('Kizuna_Department__c', departments),
  picklist('Kizuna_Journey_Stage__c', journeyStages),
  picklist('Kizuna_Moment_Of_Truth__c', momentsOfTruth),
  field('Kizuna_Team__c', 'string'),
];
/** Activity lookups with Salesforce's labels; `AccountId` is derived from What/Who, never written. */
const activityLookups: SalesforceFieldSpec[] = [
  { ...lookup('WhatId', ['Account', 'Opportunity', 'Case'], 'What', 'Tasks'), label: 'Related To ID' },
  { ...lookup('WhoId', ['Contact', 'Lead'], 'Who', 'Tasks'), label: 'Name ID' },
  { ...lookup('AccountId', ['Account'], 'Account'), readOnly: true },
];

const account: SalesforceObjectSpec = {
  name: 'Account',
  keyPrefix: '001',
  fields: [
    id,
    isDeleted,
    { name: 'Name', type: 'string', required: true },
    picklist('Industry', []),
    field('Kizuna_Business_Unit__c', 'string'),
    field('Kizuna_Product_Line__c', 'string'),
    field('Kizuna_Segment__c', 'string'),
    field('Kizuna_Serving_Team__c', 'string'),
    field('Kizuna_ARR__c', 'currency'),
    picklist('CurrencyIsoCode', []),
    picklist('Kizuna_Status__c', ['active', 'churned']),
    field('Kizuna_Customer_Since__c', 'date'),
    field('Kizuna_Renewal_Date__c', 'date'),
    field('Kizuna_Churned_On__c', 'date'),
    field('Kizuna_Onboarding_Started__c', 'date'),
    field('Kizuna_Onboarding_Completed__c', 'date'),
  ],
};

const contact: SalesforceObjectSpec = {
  name: 'Contact',
  keyPrefix: '003',
  fields: [
    id,
    isDeleted,
    lookup('AccountId', ['Account'], 'Account', 'Contacts'),
    field('FirstName', 'string'),
    { name: 'LastName', type: 'string', required: true },
    { name: 'Name', type: 'string', readOnly: true },
    field('Email', 'email'),
    field('Title', 'string'),
    picklist('Kizuna_Role__c', contactRoles),
  ],
};

const task: SalesforceObjectSpec = {
  name: 'Task',
  keyPrefix: '00T',
  fields: [
    id,
    isDeleted,
    ...activityLookups,
    { ...lookup('OwnerId', ['User', 'Group'], 'Owner'), label: 'Assigned To ID' },
    { name: 'CreatedDate', type: 'datetime', readOnly: true },
    field('Subject', 'string'),
    field('ActivityDate', 'date'),
    { name: 'CompletedDateTime', type: 'datetime', readOnly: true },
    restrictedPicklist('Status', taskPicklists.Status, 'Not Started'),
    restrictedPicklist('Priority', taskPicklists.Priority, 'Normal'),
    picklist('TaskSubtype', taskPicklists.TaskSubtype),
    longText('Description'),
    ...activityKizunaFields,
    { name: 'Kizuna_Action_Key__c', type: 'string', externalId: true, unique: true },
    field('Kizuna_Playbook__c', 'string'),
    field('Kizuna_Value_At_Stake__c', 'currency'),
    field('Kizuna_Expected_Effect__c', 'double'),
    field('Kizuna_Urgency__c', 'double'),
  ],
};

const event: SalesforceObjectSpec = {
  name: 'Event',
  keyPrefix: '00U',
  fields: [
    id,
    isDeleted,
    ...activityLookups.map((spec) => (spec.childRelationshipName === 'Tasks' ? { ...spec, childRelationshipName: 'Events' } : spec)),
    field('Subject', 'string'),
    field('StartDateTime', 'datetime'),
    field('EndDateTime', 'datetime'),
    ...activityKizunaFields,
  ],
};

const feedback: SalesforceObjectSpec = {
  name: 'Kizuna_Feedback__c',
  keyPrefix: 'a01',
  fields: [
    id,
    isDeleted,
    autoNumber('Name'),
    lookup('Account__c', ['Account'], 'Account__r', 'Kizuna_Feedback__r'),
    lookup('Contact__c', ['Contact'], 'Contact__r', 'Kizuna_Feedback__r'),
    // An external id that is not unique: upserts by it can match several rows (300).
    { name: 'Touchpoint_Key__c', type: 'string', externalId: true, unique: false },
    picklist('Kind__c', feedbackKinds),
    picklist('Programme__c', feedbackProgrammes),
    picklist('Scale__c', Object.keys(feedbackScales)),
    field('Score__c', 'double'),
    // The score as text: a Number field cannot be grouped, a Text field can (GROUP BY on the score).
    field('Score_Key__c', 'string'),
    field('Responded_At__c', 'datetime'),
    picklist('Journey_Stage__c', journeyStages),
    picklist('Channel__c', channels),
    longText('Driver_Scores__c'),
    longText('Comment__c'),
    picklist('Follow_Up_State__c', followUpStates),
    field('Follow_Up_Due__c', 'datetime'),
    field('Follow_Up_Closed__c', 'datetime'),
    field('Follow_Up_Owner__c', 'string'),
  ],
};

const supportCase: SalesforceObjectSpec = {
  name: 'Case',
  keyPrefix: '500',
  fields: [
    id,
    isDeleted,
    autoNumber('CaseNumber'),
    lookup('AccountId', ['Account'], 'Account', 'Cases'),
    lookup('ContactId', ['Contact'], 'Contact', 'Cases'),
    field('Subject', 'string'),
    picklist('Status', casePicklists.Status),
    picklist('Priority', casePicklists.Priority),
    picklist('Origin', casePicklists.Origin),
    field('IsEscalated', 'boolean'),
    field('IsClosed', 'boolean'),
    { name: 'CreatedDate', type: 'datetime', readOnly: true },
    field('ClosedDate', 'datetime'),
    field('Kizuna_First_Response_At__c', 'datetime'),
    field('Kizuna_SLA_Hours__c', 'double'),
    field('Kizuna_Team__c', 'string'),
    field('Kizuna_Product_Line__c', 'string'),
  ],
};

const opportunity: SalesforceObjectSpec = {
  name: 'Opportunity',
  keyPrefix: '006',
  fields: [
    id,
    isDeleted,
    lookup('AccountId', ['Account'], 'Account', 'Opportunities'),
    { name: 'Name', type: 'string', required: true },
    picklist('Type', opportunityTypes),
    picklist('StageName', []),
    field('Amount', 'currency'),
    field('CloseDate', 'date'),
    field('IsClosed', 'boolean'),
    field('IsWon', 'boolean'),
    picklist('CurrencyIsoCode', []),
    field('Kizuna_Renewing_Amount__c', 'currency'),
    field('Kizuna_Product_Line__c', 'string'),
  ],
};

const employeePulse: SalesforceObjectSpec = {
  name: 'Kizuna_Employee_Pulse__c',
  keyPrefix: 'a02',
  fields: [
    id,
    isDeleted,
    autoNumber('Name'),
    field('Team__c', 'string'),
    field('Period__c', 'string'),
    field('Invited__c', 'double'),
    field('Respondents__c', 'double'),
    field('Engagement__c', 'double'),
    field('ENPS_Promoters__c', 'double'),
    field('ENPS_Passives__c', 'double'),
    field('ENPS_Detractors__c', 'double'),
    longText('Item_Means__c'),
  ],
};

export const salesforceObjectSpecs: readonly SalesforceObjectSpec[] = [
  account,
  contact,
  task,
  event,
  feedback,
  supportCase,
  opportunity,
  employeePulse,
];

/** The org itself (one record): its default currency is the one of a single-currency org. */
const organization: SalesforceObjectSpec = {
  name: 'Organization',
  keyPrefix: '00D',
  fields: [id, isDeleted, field('Name', 'string'), picklist('DefaultCurrencyIsoCode', [])],
};

/** The currencies of a multi-currency org; the object does not exist in a single-currency org. */
const currencyType: SalesforceObjectSpec = {
  name: 'CurrencyType',
  keyPrefix: '01L',
  fields: [id, isDeleted, picklist('IsoCode', []), field('IsCorporate', 'boolean'), field('IsActive', 'boolean'), field('ConversionRate', 'double'), field('DecimalPlaces', 'int')],
};

/** The fields only a multi-currency org has (`CurrencyIsoCode`, on every object with amounts). */
export const MULTI_CURRENCY_FIELD = 'CurrencyIsoCode';

function withoutMultiCurrencyField(spec: SalesforceObjectSpec): SalesforceObjectSpec {
  return { ...spec, fields: spec.fields.filter((candidate) => candidate.name !== MULTI_CURRENCY_FIELD) };
}

export interface SalesforceObjectSpecOptions {
  /** Feedback Management's objects too. */
  readonly surveys?: boolean;
  /** Multi-currency org (default true): `CurrencyIsoCode` on Account and Opportunity, and `CurrencyType`. */
  readonly multiCurrency?: boolean;
}

/**
 * The objects of an org: the default layout and `Organization`, plus Feedback Management's when
 * Surveys are enabled; a single-currency org has no `CurrencyIsoCode` field and no `CurrencyType`.
 */
export function salesforceObjectSpecsFor(options: SalesforceObjectSpecOptions = {}): readonly SalesforceObjectSpec[] {
  const multiCurrency = options.multiCurrency !== false;
  const layout = multiCurrency ? [...salesforceObjectSpecs, organization, currencyType] : [...salesforceObjectSpecs.map(withoutMultiCurrencyField), organization];
  return options.surveys === true ? [...layout, ...surveyObjectSpecs] : layout;
}
