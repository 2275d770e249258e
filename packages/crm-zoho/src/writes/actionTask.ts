import type { Action } from '@kizuna/model';
import type { ZohoRecord } from '../gateway';

/**
 * The Task field that carries an action's idempotency key, marked unique ("do not allow duplicate
 * values") in the org, so a second insert of the same action fails as DUPLICATE_DATA
 * (docs/decisions/0005-zoho-idempotent-tasks.md).
 */
export const ACTION_KEY_FIELD = 'Kizuna_Action_Key';
/** The ledger module's key field (unique), used for its upsert. */
export const LEDGER_KEY_FIELD = 'Action_Key';

/** A datetime as Zoho takes it: ISO 8601 with a `±HH:MM` offset (UTC here), seconds precision. */
export function zohoDateTime(instant: string): string {
  return `${new Date(Date.parse(instant)).toISOString().slice(0, 19)}+00:00`;
}

/**
 * An accepted action as a Task: `What_Id` with its `$se_module` (the account), `Who_Id` (the
 * contact), a date-only `Due_Date`, and the key. Lookups are written as `{id}`.
 */
export function actionTaskRecord(action: Action): ZohoRecord {
  return {
    Subject: action.title.slice(0, 255),
    Description: action.reasons.join('\n'),
    What_Id: { id: action.accountId },
    $se_module: 'Accounts',
    Who_Id: action.contactId === undefined ? null : { id: action.contactId },
    Due_Date: action.dueAt === undefined ? null : action.dueAt.slice(0, 10),
    Status: action.status === 'done' ? 'Completed' : 'Not Started',
    Priority: action.urgency >= 0.7 ? 'High' : 'Normal',
    [ACTION_KEY_FIELD]: action.idempotencyKey,
    Kizuna_Playbook: action.playbookId,
    Kizuna_Value_At_Stake: action.valueAtStake,
    Kizuna_Expected_Effect: action.expectedEffect,
    Kizuna_Urgency: action.urgency,
  };
}

/**
 * Whether an action is written as a Task: accepted and done ones (a proposed one being written is
 * being accepted). Snoozed and dismissed actions are decisions, kept in the ledger only.
 */
export function hasTask(action: Action): boolean {
  return action.status === 'accepted' || action.status === 'done' || action.status === 'proposed';
}

/** The ledger states the Kizuna_Actions module keeps (a proposed action is written only once accepted). */
function ledgerStatus(status: Action['status']): string {
  return status === 'proposed' ? 'accepted' : status;
}

/** The action's ledger record (Kizuna_Actions): everything a Task cannot hold, and the Task's id. */
export function actionLedgerRecord(action: Action, taskId: string | null): ZohoRecord {
  const optional = (instant: string | undefined) => (instant === undefined ? null : zohoDateTime(instant));
  return {
    Name: action.title.slice(0, 255),
    [LEDGER_KEY_FIELD]: action.idempotencyKey,
    Account: { id: action.accountId },
    Contact: action.contactId === undefined ? null : { id: action.contactId },
    Playbook: action.playbookId,
    Action_Status: ledgerStatus(action.status),
    Reasons: action.reasons.join('\n'),
    Value_At_Stake: action.valueAtStake,
    Expected_Effect: action.expectedEffect,
    Urgency: action.urgency,
    Due_At: optional(action.dueAt),
    Snoozed_Until: optional(action.snoozedUntil),
    Dismissed_At: optional(action.dismissedAt),
    Dismissed_Reason: action.dismissedReason ?? null,
    Task_Id: taskId,
  };
}
