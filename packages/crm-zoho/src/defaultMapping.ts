import { objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';

/**
 * Where canonical data lives in a Zoho CRM org unless a mapping file says otherwise: standard
 * modules (Accounts, Contacts, Deals, Cases, Tasks, Calls, Events — the API name of Meetings) with
 * Kizuna's custom fields, and Kizuna's custom modules for feedback, employee pulse and actions.
 * Custom field API names follow their labels with no suffix, as Zoho names them. The layout is
 * documented in docs/crm/zoho-layout.md. Lookups are read as their ids (see `flattenRecord`).
 */
const activityFields = {
  id: 'id',
  accountId: 'What_Id',
  contactId: 'Who_Id',
  channel: 'Kizuna_Channel',
  department: 'Kizuna_Department',
  journeyStage: 'Kizuna_Journey_Stage',
  momentOfTruth: 'Kizuna_Moment_Of_Truth',
  teamId: 'Kizuna_Team',
} as const;

export const zohoDefaultMapping = {
  account: objectMappingSchema.parse({
    entity: 'account',
    object: 'Accounts',
    fields: {
      id: 'id',
      name: 'Account_Name',
      industry: 'Industry',
      businessUnitId: 'Kizuna_Business_Unit',
      productLineId: 'Kizuna_Product_Line',
      segmentId: 'Kizuna_Segment',
      servingTeamId: 'Kizuna_Serving_Team',
      arr: 'Kizuna_ARR',
      currency: 'Currency',
      status: 'Kizuna_Status',
      customerSince: 'Kizuna_Customer_Since',
      renewalDate: 'Kizuna_Renewal_Date',
      churnedOn: 'Kizuna_Churned_On',
      onboardingStartedOn: 'Kizuna_Onboarding_Started',
      onboardingCompletedOn: 'Kizuna_Onboarding_Completed',
    },
  }),
  contact: objectMappingSchema.parse({
    entity: 'contact',
    object: 'Contacts',
    fields: { id: 'id', accountId: 'Account_Name', name: ['Full_Name', 'Last_Name'], email: 'Email', title: 'Title', role: 'Kizuna_Role' },
    values: { role: { '': 'user' } },
  }),
  task: objectMappingSchema.parse({
    entity: 'touchpoint',
    object: 'Tasks',
    fields: { ...activityFields, subject: 'Subject', occurredAt: ['Closed_Time', 'Due_Date'] },
  }),
  call: objectMappingSchema.parse({
    entity: 'touchpoint',
    object: 'Calls',
    fields: { ...activityFields, subject: 'Subject', occurredAt: 'Call_Start_Time' },
  }),
  event: objectMappingSchema.parse({
    entity: 'touchpoint',
    object: 'Events',
    fields: { ...activityFields, subject: 'Event_Title', occurredAt: 'Start_DateTime' },
  }),
  feedback: objectMappingSchema.parse({
    entity: 'feedback',
    object: 'Kizuna_Feedback',
    fields: {
      id: 'id',
      accountId: 'Account',
      contactId: 'Contact',
      touchpointId: 'Touchpoint_Key',
      kind: 'Kind',
      programme: 'Programme',
      scale: 'Scale',
      score: 'Score',
      respondedAt: 'Responded_At',
      journeyStage: 'Journey_Stage',
      channel: 'Channel',
      driverScores: 'Driver_Scores',
      comment: 'Comment',
      'followUp.state': 'Follow_Up_State',
      'followUp.dueAt': 'Follow_Up_Due',
      'followUp.closedAt': 'Follow_Up_Closed',
      'followUp.ownerId': 'Follow_Up_Owner',
    },
  }),
  supportCase: objectMappingSchema.parse({
    entity: 'supportCase',
    object: 'Cases',
    fields: {
      id: 'id',
      accountId: 'Account_Name',
      contactId: 'Related_To',
      subject: 'Subject',
      status: 'Status',
      priority: 'Priority',
      channel: 'Kizuna_Channel',
      escalated: 'Kizuna_Escalated',
      openedAt: 'Created_Time',
      closedAt: 'Kizuna_Closed_At',
      firstResponseAt: 'Kizuna_First_Response_At',
      slaResolutionHours: 'Kizuna_SLA_Hours',
      teamId: 'Kizuna_Team',
      productLineId: 'Kizuna_Product_Line',
    },
    values: {
      status: { New: 'new', Working: 'working', 'On Hold': 'waiting_on_customer', Escalated: 'escalated', Closed: 'closed' },
      priority: { Low: 'low', Medium: 'medium', High: 'high', Critical: 'critical' },
      escalated: { true: true, false: false, '': false },
    },
  }),
  opportunity: objectMappingSchema.parse({
    entity: 'opportunity',
    object: 'Deals',
    fields: {
      id: 'id',
      accountId: 'Account_Name',
      name: 'Deal_Name',
      type: 'Type',
      stage: 'Stage',
      status: 'Kizuna_Outcome',
      amount: 'Amount',
      renewingAmount: 'Kizuna_Renewing_Amount',
      currency: 'Currency',
      closeDate: 'Closing_Date',
      productLineId: 'Kizuna_Product_Line',
    },
    values: {
      type: { 'New Business': 'new', Renewal: 'renewal', Expansion: 'expansion' },
      status: { '': 'open' },
    },
  }),
  /** Accepted actions: Kizuna's ledger module, one record per action key, linked to its Task. */
  action: objectMappingSchema.parse({
    entity: 'action',
    object: 'Kizuna_Actions',
    fields: {
      id: 'Action_Key',
      idempotencyKey: 'Action_Key',
      crmTaskId: 'Task_Id',
      accountId: 'Account',
      contactId: 'Contact',
      playbookId: 'Playbook',
      title: 'Name',
      reasons: 'Reasons',
      valueAtStake: 'Value_At_Stake',
      expectedEffect: 'Expected_Effect',
      urgency: 'Urgency',
      status: 'Action_Status',
      createdAt: 'Created_Time',
      dueAt: 'Due_At',
      snoozedUntil: 'Snoozed_Until',
      dismissedAt: 'Dismissed_At',
      dismissedReason: 'Dismissed_Reason',
    },
  }),
  employeePulse: objectMappingSchema.parse({
    entity: 'employeePulse',
    object: 'Kizuna_Employee_Pulse',
    fields: {
      id: 'id',
      teamId: 'Team',
      period: 'Period',
      invited: 'Invited',
      respondents: 'Respondents',
      engagement: 'Engagement',
      'enps.promoters': 'ENPS_Promoters',
      'enps.passives': 'ENPS_Passives',
      'enps.detractors': 'ENPS_Detractors',
      itemMeans: 'Item_Means',
    },
  }),
} satisfies Record<string, ObjectMapping>;

export type ZohoMapping = typeof zohoDefaultMapping;
export type ZohoMappingKey = keyof ZohoMapping;
