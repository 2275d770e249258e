import type { Action } from '@kizuna/model';

/** The external-ID field that makes writing an action idempotent (unique, on Task). */
export const ACTION_KEY_FIELD = 'Kizuna_Action_Key__c';

/**
 * The Task fields for an accepted action — everything but the key, which goes in the upsert URL
 * (or, for collections, in the record). Reasons become the description, one a line.
 */
export function actionTaskFields(action: Action): Record<string, string | number | null> {
  return {
    Subject: action.title.slice(0, 255),
    Description: action.reasons.join('\n'),
    WhatId: action.accountId,
    WhoId: action.contactId ?? null,
    ActivityDate: action.dueAt === undefined ? null : action.dueAt.slice(0, 10),
    Status: action.status === 'done' ? 'Completed' : 'Not Started',
    Priority: action.urgency >= 0.7 ? 'High' : 'Normal',
    Kizuna_Playbook__c: action.playbookId,
    Kizuna_Value_At_Stake__c: action.valueAtStake,
    Kizuna_Expected_Effect__c: action.expectedEffect,
    Kizuna_Urgency__c: action.urgency,
  };
}
