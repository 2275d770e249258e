import { objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';

/**
 * Where canonical data lives in a Salesforce org unless a mapping file says otherwise:
 * standard objects first, Kizuna's own objects where Salesforce has no place for the data.
 * The layout is documented in docs/crm/salesforce-layout.md.
 */
const activityFields = {
  id: 'Id',
  accountId: 'WhatId',
  contactId: 'WhoId',
  subject: 'Subject',
  channel: 'Kizuna_Channel__c',
  department: 'Kizuna_Department__c',
  journeyStage: 'Kizuna_Journey_Stage__c',
  momentOfTruth: 'Kizuna_Moment_Of_Truth__c',
  teamId: 'Kizuna_Team__c',
} as const;

export const salesforceDefaultMapping = {
  account: objectMappingSchema.parse({
    entity: 'account',
    object: 'Account',
    fields: {
      id: 'Id',
      name: 'Name',
      industry: 'Industry',
      businessUnitId: 'Kizuna_Business_Unit__c',
      productLineId: 'Kizuna_Product_Line__c',
      segmentId: 'Kizuna_Segment__c',
      servingTeamId: 'Kizuna_Serving_Team__c',
      arr: 'Kizuna_ARR__c',
      currency: 'CurrencyIsoCode',
      status: 'Kizuna_Status__c',
      customerSince: 'Kizuna_Customer_Since__c',
      renewalDate: 'Kizuna_Renewal_Date__c',
      churnedOn: 'Kizuna_Churned_On__c',
      onboardingStartedOn: 'Kizuna_Onboarding_Started__c',
      onboardingCompletedOn: 'Kizuna_Onboarding_Completed__c',
    },
  }),
  contact: objectMappingSchema.parse({
    entity: 'contact',
    object: 'Contact',
    fields: { id: 'Id', accountId: 'AccountId', name: 'Name', email: 'Email', title: 'Title', role: 'Kizuna_Role__c' },
    values: { role: { '': 'user' } },
  }),
  task: objectMappingSchema.parse({
    entity: 'touchpoint',
    object: 'Task',
    fields: { ...activityFields, occurredAt: ['CompletedDateTime', 'ActivityDate'] },
  }),
  event: objectMappingSchema.parse({
    entity: 'touchpoint',
    object: 'Event',
    fields: { ...activityFields, occurredAt: 'StartDateTime' },
  }),
  feedback: objectMappingSchema.parse({
    entity: 'feedback',
    object: 'Kizuna_Feedback__c',
    fields: {
      id: 'Id',
      accountId: 'Account__c',
      contactId: 'Contact__c',
      touchpointId: 'Touchpoint_Key__c',
      kind: 'Kind__c',
      programme: 'Programme__c',
      scale: 'Scale__c',
      score: 'Score__c',
      respondedAt: 'Responded_At__c',
      journeyStage: 'Journey_Stage__c',
      channel: 'Channel__c',
      driverScores: 'Driver_Scores__c',
      comment: 'Comment__c',
      'followUp.state': 'Follow_Up_State__c',
      'followUp.dueAt': 'Follow_Up_Due__c',
      'followUp.closedAt': 'Follow_Up_Closed__c',
      'followUp.ownerId': 'Follow_Up_Owner__c',
    },
  }),
  supportCase: objectMappingSchema.parse({
    entity: 'supportCase',
    object: 'Case',
    fields: {
      id: 'Id',
      accountId: 'AccountId',
      contactId: 'ContactId',
      subject: 'Subject',
      status: 'Status',
      priority: 'Priority',
      channel: 'Origin',
      escalated: 'IsEscalated',
      openedAt: 'CreatedDate',
      closedAt: 'ClosedDate',
      firstResponseAt: 'Kizuna_First_Response_At__c',
      slaResolutionHours: 'Kizuna_SLA_Hours__c',
      teamId: 'Kizuna_Team__c',
      productLineId: 'Kizuna_Product_Line__c',
    },
    values: {
      status: {
        New: 'new',
        Working: 'working',
        'Waiting on Customer': 'waiting_on_customer',
        Escalated: 'escalated',
        Closed: 'closed',
      },
      priority: { Low: 'low', Medium: 'medium', High: 'high', Critical: 'critical' },
      channel: { Email: 'email', Phone: 'phone', Web: 'web', Chat: 'chat', Portal: 'portal', '*': 'web' },
    },
  }),
  opportunity: objectMappingSchema.parse({
    entity: 'opportunity',
    object: 'Opportunity',
    fields: {
      id: 'Id',
      accountId: 'AccountId',
      name: 'Name',
      type: 'Type',
      stage: 'StageName',
      status: 'StageName',
      amount: 'Amount',
      renewingAmount: 'Kizuna_Renewing_Amount__c',
      currency: 'CurrencyIsoCode',
      closeDate: 'CloseDate',
      productLineId: 'Kizuna_Product_Line__c',
    },
    values: {
      type: { 'New Business': 'new', Renewal: 'renewal', Expansion: 'expansion' },
      status: { 'Closed Won': 'won', 'Closed Lost': 'lost', '*': 'open' },
    },
  }),
  employeePulse: objectMappingSchema.parse({
    entity: 'employeePulse',
    object: 'Kizuna_Employee_Pulse__c',
    fields: {
      id: 'Id',
      teamId: 'Team__c',
      period: 'Period__c',
      invited: 'Invited__c',
      respondents: 'Respondents__c',
      engagement: 'Engagement__c',
      'enps.promoters': 'ENPS_Promoters__c',
      'enps.passives': 'ENPS_Passives__c',
      'enps.detractors': 'ENPS_Detractors__c',
      itemMeans: 'Item_Means__c',
    },
  }),
} satisfies Record<string, ObjectMapping>;

export type SalesforceMapping = typeof salesforceDefaultMapping;
