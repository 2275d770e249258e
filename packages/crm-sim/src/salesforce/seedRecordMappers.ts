import type { Action, EmployeePulse, Feedback, Opportunity, SupportCase } from '@kizuna/model';
import { formatAutoNumber } from './autoNumbers';
import { casePicklists, type opportunityTypes } from './salesforceObjectSpecs';
import type { FieldValue } from './storedRecord';

/** What a mapper may ask while seeding: ids of already-seeded records and auto-numbers. */
export interface SeedContext {
  idOf(entity: 'account' | 'contact', canonicalId: string | undefined): string | null;
  /** 1, 2, 3 … per object: backs auto-number fields such as `CaseNumber`. */
  nextNumber(object: string): number;
}

const dateTime = (value: string | undefined): number | null => (value === undefined ? null : Date.parse(value));

export function feedbackRecord(feedback: Feedback, ctx: SeedContext): Record<string, FieldValue> {
  return {
    Name: formatAutoNumber('Kizuna_Feedback__c', ctx.nextNumber('Kizuna_Feedback__c')),
    Account__c: ctx.idOf('account', feedback.accountId),
    Contact__c: ctx.idOf('contact', feedback.contactId),
    Touchpoint_Key__c: feedback.touchpointId ?? null,
    Kind__c: feedback.kind,
    Programme__c: feedback.programme,
    Scale__c: feedback.scale,
    Score__c: feedback.score,
    Score_Key__c: String(feedback.score),
    Responded_At__c: Date.parse(feedback.respondedAt),
    Journey_Stage__c: feedback.journeyStage ?? null,
    Channel__c: feedback.channel ?? null,
    Driver_Scores__c: JSON.stringify(feedback.driverScores),
    Comment__c: feedback.comment ?? null,
    Follow_Up_State__c: feedback.followUp.state,
    Follow_Up_Due__c: dateTime(feedback.followUp.dueAt),
    Follow_Up_Closed__c: dateTime(feedback.followUp.closedAt),
    Follow_Up_Owner__c: feedback.followUp.ownerId ?? null,
  };
}

const caseStatus: Record<SupportCase['status'], (typeof casePicklists.Status)[number]> = {
  new: 'New',
  working: 'Working',
  waiting_on_customer: 'Waiting on Customer',
  escalated: 'Escalated',
  closed: 'Closed',
};
const capitalised = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** `Origin` has no meeting/video/event values: those channels are seeded as `Web` (lossy). */
function caseOrigin(channel: SupportCase['channel']): string {
  const origin = capitalised(channel);
  return (casePicklists.Origin as readonly string[]).includes(origin) ? origin : 'Web';
}

export function caseRecord(supportCase: SupportCase, ctx: SeedContext): Record<string, FieldValue> {
  return {
    CaseNumber: formatAutoNumber('Case', ctx.nextNumber('Case')),
    AccountId: ctx.idOf('account', supportCase.accountId),
    ContactId: ctx.idOf('contact', supportCase.contactId),
    Subject: supportCase.subject,
    Status: caseStatus[supportCase.status],
    Priority: capitalised(supportCase.priority),
    Origin: caseOrigin(supportCase.channel),
    IsEscalated: supportCase.escalated,
    IsClosed: supportCase.status === 'closed',
    CreatedDate: Date.parse(supportCase.openedAt),
    ClosedDate: dateTime(supportCase.closedAt),
    Kizuna_First_Response_At__c: dateTime(supportCase.firstResponseAt),
    Kizuna_SLA_Hours__c: supportCase.slaResolutionHours ?? null,
    Kizuna_Team__c: supportCase.teamId ?? null,
    Kizuna_Product_Line__c: supportCase.productLineId ?? null,
  };
}

const opportunityType: Record<Opportunity['type'], (typeof opportunityTypes)[number]> = {
  new: 'New Business',
  renewal: 'Renewal',
  expansion: 'Expansion',
};

export function opportunityRecord(opportunity: Opportunity, ctx: SeedContext): Record<string, FieldValue> {
  return {
    AccountId: ctx.idOf('account', opportunity.accountId),
    Name: opportunity.name,
    Type: opportunityType[opportunity.type],
    StageName: opportunity.stage,
    Amount: opportunity.amount,
    CloseDate: opportunity.closeDate,
    IsClosed: opportunity.status !== 'open',
    IsWon: opportunity.status === 'won',
    CurrencyIsoCode: opportunity.currency,
    Kizuna_Renewing_Amount__c: opportunity.renewingAmount ?? null,
    Kizuna_Product_Line__c: opportunity.productLineId ?? null,
  };
}

export function employeePulseRecord(pulse: EmployeePulse, ctx: SeedContext): Record<string, FieldValue> {
  return {
    Name: formatAutoNumber('Kizuna_Employee_Pulse__c', ctx.nextNumber('Kizuna_Employee_Pulse__c')),
    Team__c: pulse.teamId,
    Period__c: pulse.period,
    Invited__c: pulse.invited,
    Respondents__c: pulse.respondents,
    Engagement__c: pulse.engagement,
    ENPS_Promoters__c: pulse.enps.promoters,
    ENPS_Passives__c: pulse.enps.passives,
    ENPS_Detractors__c: pulse.enps.detractors,
    Item_Means__c: JSON.stringify(pulse.itemMeans),
  };
}

/**
 * Accepted (or done) actions exist in the CRM as the Task Kizuna wrote, keyed by
 * `Kizuna_Action_Key__c`; proposed, snoozed and dismissed ones were never written.
 */
export function actionTaskRecord(action: Action, ctx: SeedContext): Record<string, FieldValue> | null {
  if (action.status !== 'accepted' && action.status !== 'done') return null;
  const accountId = ctx.idOf('account', action.accountId);
  return {
    WhatId: accountId,
    WhoId: ctx.idOf('contact', action.contactId),
    AccountId: accountId,
    Subject: action.title,
    CreatedDate: Date.parse(action.createdAt),
    ActivityDate: action.dueAt === undefined ? null : new Date(Date.parse(action.dueAt)).toISOString().slice(0, 10),
    Status: action.status === 'done' ? 'Completed' : 'Not Started',
    Priority: action.urgency >= 0.7 ? 'High' : 'Normal',
    TaskSubtype: 'Task',
    Description: action.reasons.join('\n'),
    Kizuna_Action_Key__c: action.idempotencyKey,
    Kizuna_Playbook__c: action.playbookId,
    Kizuna_Value_At_Stake__c: action.valueAtStake,
    Kizuna_Expected_Effect__c: action.expectedEffect,
    Kizuna_Urgency__c: action.urgency,
  };
}
