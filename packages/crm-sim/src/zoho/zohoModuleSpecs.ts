/**
 * The modules and fields of the simulated Zoho CRM org: standard modules with their documented
 * API names (TS SDK 8.0 `record/field.ts`, reference §G) plus Kizuna's custom fields and custom
 * modules, laid out as docs/crm/zoho-layout.md says. Custom field API names come from their
 * labels with no suffix (Zoho style); `__s` marks Zoho system fields.
 */
import {
  accountStatuses,
  channels,
  contactRoles,
  departments,
  feedbackKinds,
  feedbackProgrammes,
  feedbackScales,
  followUpStates,
  journeyStages,
  momentsOfTruth,
  opportunityStatuses,
} from '@kizuna/model';

export type ZohoFieldType =
  | 'id'
  | 'text'
  | 'textarea'
  | 'email'
  | 'picklist'
  | 'multiselectpicklist'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'double'
  | 'currency'
  | 'boolean'
  /** A lookup: read as `{name, id}`, written as `{id}`. */
  | 'lookup'
  /** `Owner`: read as `{name, id, email}`, written as `{id}`. */
  | 'ownerlookup'
  /** `Created_By` / `Modified_By`: read as `{name, id, email}`; read-only. */
  | 'userlookup'
  | 'autonumber';

export interface ZohoFieldSpec {
  readonly apiName: string;
  readonly type: ZohoFieldType;
  /** Modules a lookup may point at; more than one for `What_Id` (with a sibling `$se_module`). */
  readonly lookupModules?: readonly string[];
  readonly mandatory?: boolean;
  /** "Do not allow duplicate values": a second insert answers DUPLICATE_DATA. */
  readonly unique?: boolean;
  /** System-computed: ignored on writes. */
  readonly readOnly?: boolean;
  /** Picklist values; a write outside them answers INVALID_DATA. Absent: free text. */
  readonly values?: readonly string[];
  readonly maxLength?: number;
}

export interface ZohoModuleSpec {
  /** Module API name: the REST path segment and the COQL `from`. */
  readonly apiName: string;
  /** Lower-case name in module scopes, e.g. `ZohoCRM.modules.tasks.CREATE`. */
  readonly scopeName: string;
  /** The field whose value is a lookup's `name`. */
  readonly displayField: string;
  readonly fields: readonly ZohoFieldSpec[];
  /** Custom module (API name of Kizuna's own). */
  readonly custom: boolean;
}

const systemFields: readonly ZohoFieldSpec[] = [
  { apiName: 'id', type: 'id', readOnly: true },
  { apiName: 'Owner', type: 'ownerlookup' },
  { apiName: 'Created_Time', type: 'datetime', readOnly: true },
  { apiName: 'Modified_Time', type: 'datetime', readOnly: true },
  { apiName: 'Created_By', type: 'userlookup', readOnly: true },
  { apiName: 'Modified_By', type: 'userlookup', readOnly: true },
];

/** Modules a task, call or meeting's `What_Id` may point at (`$se_module`). */
export const whatIdModules = ['Accounts', 'Deals', 'Cases', 'Kizuna_Feedback'] as const;

const text = (apiName: string, extra: Partial<ZohoFieldSpec> = {}): ZohoFieldSpec => ({ apiName, type: 'text', maxLength: 255, ...extra });
const picklist = (apiName: string, values?: readonly string[], extra: Partial<ZohoFieldSpec> = {}): ZohoFieldSpec =>
  values === undefined ? { apiName, type: 'picklist', ...extra } : { apiName, type: 'picklist', values, ...extra };
const typed = (apiName: string, type: ZohoFieldType, extra: Partial<ZohoFieldSpec> = {}): ZohoFieldSpec => ({ apiName, type, ...extra });
const lookup = (apiName: string, ...modules: string[]): ZohoFieldSpec => ({ apiName, type: 'lookup', lookupModules: modules });


/** Zoho's default picklist values for Tasks (org-configurable; reference §G). */
export const taskStatuses = ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'] as const;
export const taskPriorities = ['Highest', 'High', 'Normal', 'Low', 'Lowest'] as const;
/** Zoho's default case statuses plus `Working`, and `Critical` priority: added by the org (see the layout doc). */
export const caseStatuses = ['New', 'Working', 'On Hold', 'Escalated', 'Closed'] as const;
export const casePriorities = ['Critical', 'High', 'Medium', 'Low'] as const;
export const caseOrigins = ['Email', 'Phone', 'Web', 'Chat', 'Portal'] as const;
export const callTypes = ['Outbound', 'Inbound', 'Missed'] as const;
export const actionStatuses = ['accepted', 'done', 'snoozed', 'dismissed'] as const;

/** Fields on activities (Tasks, Calls, Events) that hold a touchpoint's canonical attributes. */
const touchpointFields: readonly ZohoFieldSpec[] = [
  lookup('What_Id', ...whatIdModules),
  lookup('Who_Id', 'Contacts'),
  picklist('Kizuna_Channel', channels),
  picklist('Kizuna_Department', departments),
  picklist('Kizuna_Journey_Stage', journeyStages),
  picklist('Kizuna_Moment_Of_Truth', momentsOfTruth),
  text('Kizuna_Team'),
];

const moduleSpecs: readonly ZohoModuleSpec[] = [
  {
    apiName: 'Accounts',
    scopeName: 'accounts',
    displayField: 'Account_Name',
    custom: false,
    fields: [
      text('Account_Name', { mandatory: true }),
      text('Industry'),
      text('Kizuna_Business_Unit'),
      text('Kizuna_Product_Line'),
      text('Kizuna_Segment'),
      text('Kizuna_Serving_Team'),
      typed('Kizuna_ARR', 'currency'),
      text('Currency'),
      picklist('Kizuna_Status', accountStatuses),
      typed('Kizuna_Customer_Since', 'date'),
      typed('Kizuna_Renewal_Date', 'date'),
      typed('Kizuna_Churned_On', 'date'),
      typed('Kizuna_Onboarding_Started', 'date'),
      typed('Kizuna_Onboarding_Completed', 'date'),
    ],
  },
  {
    apiName: 'Contacts',
    scopeName: 'contacts',
    displayField: 'Full_Name',
    custom: false,
    fields: [
      text('First_Name'),
      text('Last_Name', { mandatory: true }),
      text('Full_Name', { readOnly: true }),
      typed('Email', 'email'),
      text('Title'),
      lookup('Account_Name', 'Accounts'),
      picklist('Kizuna_Role', contactRoles),
    ],
  },
  {
    apiName: 'Deals',
    scopeName: 'deals',
    displayField: 'Deal_Name',
    custom: false,
    fields: [
      text('Deal_Name', { mandatory: true }),
      lookup('Account_Name', 'Accounts'),
      picklist('Stage', undefined, { mandatory: true }),
      picklist('Type', ['New Business', 'Renewal', 'Expansion']),
      typed('Amount', 'currency'),
      typed('Closing_Date', 'date'),
      text('Currency'),
      picklist('Kizuna_Outcome', opportunityStatuses),
      typed('Kizuna_Renewing_Amount', 'currency'),
      text('Kizuna_Product_Line'),
    ],
  },
  {
    apiName: 'Cases',
    scopeName: 'cases',
    displayField: 'Subject',
    custom: false,
    fields: [
      typed('Case_Number', 'autonumber', { readOnly: true }),
      text('Subject', { mandatory: true }),
      picklist('Status', caseStatuses, { mandatory: true }),
      picklist('Priority', casePriorities),
      picklist('Case_Origin', caseOrigins, { mandatory: true }),
      lookup('Account_Name', 'Accounts'),
      lookup('Related_To', 'Contacts'),
      picklist('Kizuna_Channel', channels),
      typed('Kizuna_Escalated', 'boolean'),
      typed('Kizuna_First_Response_At', 'datetime'),
      typed('Kizuna_Closed_At', 'datetime'),
      typed('Kizuna_SLA_Hours', 'double'),
      text('Kizuna_Team'),
      text('Kizuna_Product_Line'),
    ],
  },
  {
    apiName: 'Tasks',
    scopeName: 'tasks',
    displayField: 'Subject',
    custom: false,
    fields: [
      text('Subject', { mandatory: true }),
      typed('Due_Date', 'date'),
      picklist('Status', taskStatuses),
      picklist('Priority', taskPriorities),
      typed('Closed_Time', 'datetime', { readOnly: true }),
      typed('Description', 'textarea', { maxLength: 32_000 }),
      ...touchpointFields,
      text('Kizuna_Action_Key', { unique: true, maxLength: 80 }),
      text('Kizuna_Playbook', { maxLength: 80 }),
      typed('Kizuna_Value_At_Stake', 'currency'),
      typed('Kizuna_Expected_Effect', 'double'),
      typed('Kizuna_Urgency', 'double'),
    ],
  },
  {
    apiName: 'Calls',
    scopeName: 'calls',
    displayField: 'Subject',
    custom: false,
    fields: [
      text('Subject', { mandatory: true }),
      picklist('Call_Type', callTypes, { mandatory: true }),
      typed('Call_Start_Time', 'datetime', { mandatory: true }),
      text('Call_Duration', { mandatory: true }),
      typed('Call_Duration_in_seconds', 'integer', { readOnly: true }),
      typed('Description', 'textarea', { maxLength: 32_000 }),
      ...touchpointFields,
    ],
  },
  {
    apiName: 'Events',
    scopeName: 'events',
    displayField: 'Event_Title',
    custom: false,
    fields: [
      text('Event_Title', { mandatory: true }),
      typed('Start_DateTime', 'datetime', { mandatory: true }),
      typed('End_DateTime', 'datetime', { mandatory: true }),
      typed('All_day', 'boolean'),
      typed('Description', 'textarea', { maxLength: 32_000 }),
      ...touchpointFields,
    ],
  },
  {
    apiName: 'Kizuna_Feedback',
    scopeName: 'kizuna_feedback',
    displayField: 'Name',
    custom: true,
    fields: [
      text('Name', { mandatory: true }),
      lookup('Account', 'Accounts'),
      lookup('Contact', 'Contacts'),
      text('Touchpoint_Key'),
      picklist('Kind', feedbackKinds),
      picklist('Programme', feedbackProgrammes),
      picklist('Scale', Object.keys(feedbackScales)),
      typed('Score', 'integer'),
      typed('Responded_At', 'datetime'),
      // The calendar quarter (UTC) of Responded_At, `2026-Q1`, written with the record: COQL has no date functions.
      text('Period', { maxLength: 7 }),
      picklist('Journey_Stage', journeyStages),
      picklist('Channel', channels),
      typed('Drivers_Asked', 'multiselectpicklist'),
      typed('Driver_Scores', 'textarea', { maxLength: 32_000 }),
      typed('Comment', 'textarea', { maxLength: 32_000 }),
      picklist('Follow_Up_State', followUpStates),
      typed('Follow_Up_Due', 'datetime'),
      typed('Follow_Up_Closed', 'datetime'),
      text('Follow_Up_Owner'),
    ],
  },
  {
    apiName: 'Kizuna_Employee_Pulse',
    scopeName: 'kizuna_employee_pulse',
    displayField: 'Name',
    custom: true,
    fields: [
      text('Name', { mandatory: true }),
      text('Team'),
      text('Period'),
      typed('Invited', 'integer'),
      typed('Respondents', 'integer'),
      typed('Engagement', 'double'),
      typed('ENPS_Promoters', 'integer'),
      typed('ENPS_Passives', 'integer'),
      typed('ENPS_Detractors', 'integer'),
      typed('Item_Means', 'textarea', { maxLength: 32_000 }),
    ],
  },
  {
    apiName: 'Kizuna_Actions',
    scopeName: 'kizuna_actions',
    displayField: 'Name',
    custom: true,
    fields: [
      text('Name', { mandatory: true }),
      text('Action_Key', { mandatory: true, unique: true, maxLength: 80 }),
      lookup('Account', 'Accounts'),
      lookup('Contact', 'Contacts'),
      text('Playbook', { maxLength: 80 }),
      picklist('Action_Status', actionStatuses),
      typed('Reasons', 'textarea', { maxLength: 32_000 }),
      typed('Value_At_Stake', 'currency'),
      typed('Expected_Effect', 'double'),
      typed('Urgency', 'double'),
      typed('Due_At', 'datetime'),
      typed('Snoozed_Until', 'datetime'),
      typed('Dismissed_At', 'datetime'),
      typed('Dismissed_Reason', 'textarea', { maxLength: 1000 }),
      text('Task_Id', { maxLength: 19 }),
    ],
  },
];

export const zohoModuleSpecs: readonly ZohoModuleSpec[] = moduleSpecs.map((spec) => ({
  ...spec,
  fields: [...systemFields, ...spec.fields],
}));
