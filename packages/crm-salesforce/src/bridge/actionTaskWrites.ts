import { CrmError, type CrmErrorCode } from '@kizuna/crm-core';
import type { Action, ActionWriteResult } from '@kizuna/model';
import { assertSalesforceId } from '../soql';
import { ACTION_KEY_FIELD, actionTaskFields } from '../writes/actionTask';
import { crmCodeOfDmlStatus } from './apexErrors';
import type { ApexGatewayTransport } from './apexGatewayTransport';
import { GATEWAY_CONTRACT_VERSION, GATEWAY_LIMITS, type GatewayValue, type WritePlan } from './gatewayContract';
import { assertPlanAllowed, type GatewayAllowlist } from './gatewayAllowlist';

/** One Task to upsert: its action key (the external id value) and its fields by API name. */
export interface ActionTaskRecord {
  readonly key: string;
  readonly fields: Readonly<Record<string, GatewayValue>>;
}

/** What became of one Task: saved (created or updated), or refused with Salesforce's status code. */
export type ActionTaskOutcome =
  | { readonly key: string; readonly ok: true; readonly id: string; readonly created: boolean }
  | {
      readonly key: string;
      readonly ok: false;
      readonly code: CrmErrorCode;
      /** Salesforce's status code, e.g. `INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST`. */
      readonly crmCode: string;
      readonly message: string;
      readonly fields: readonly string[];
    };

export interface WriteContext {
  readonly transport: ApexGatewayTransport;
  readonly allowlist: GatewayAllowlist;
  readonly signal?: AbortSignal;
}

function writePlans(records: readonly ActionTaskRecord[]): WritePlan[] {
  const keys = records.map((record) => record.key);
  if (new Set(keys).size !== keys.length) throw new CrmError('INVALID_INPUT', 'Each action task must have its own key: one upsert per key.');
  const plans: WritePlan[] = [];
  for (let start = 0; start < records.length; start += GATEWAY_LIMITS.maxUpsertRecords) {
    const chunk = records.slice(start, start + GATEWAY_LIMITS.maxUpsertRecords).map((record) => ({ key: record.key, fields: { ...record.fields } }));
    plans.push({ version: GATEWAY_CONTRACT_VERSION, upserts: [{ object: 'Task', externalIdField: ACTION_KEY_FIELD, records: chunk }] });
  }
  return plans;
}

/**
 * Upserts Tasks by `Kizuna_Action_Key__c` through `KizunaGateway.write` (allOrNone false, 200
 * a call): one outcome per record, in order. Every plan is checked against the allowlist before
 * the first call, so nothing is written when any record names a field the gateway may not set.
 */
export async function upsertActionTasksThroughGateway(records: readonly ActionTaskRecord[], context: WriteContext): Promise<ActionTaskOutcome[]> {
  const plans = writePlans(records);
  for (const plan of plans) assertPlanAllowed(plan, context.allowlist);
  const outcomes: ActionTaskOutcome[] = [];
  for (const plan of plans) {
    const answers = await context.transport.write(plan, context.signal === undefined ? {} : { signal: context.signal });
    for (const result of answers.results) {
      outcomes.push(
        result.ok
          ? result
          : { key: result.key, ok: false, code: crmCodeOfDmlStatus(result.errorCode), crmCode: result.errorCode, message: result.message, fields: result.fields ?? [] },
      );
    }
  }
  return outcomes;
}

/** Task date fields among those an action writes: sent tagged, so Apex binds an Apex `Date`. */
const taskDateFields = new Set(['ActivityDate']);

/** An accepted action as the Task fields the REST path writes (writes/actionTask.ts), typed for Apex. */
export function actionTaskRecord(action: Action): ActionTaskRecord {
  const fields: Record<string, GatewayValue> = {};
  for (const [field, value] of Object.entries(actionTaskFields(action))) {
    fields[field] = typeof value === 'string' && taskDateFields.has(field) ? { date: value } : value;
  }
  return { key: action.idempotencyKey, fields };
}

/** `CxDataSource.writeActions` through the gateway: one result per action, in order. */
export async function writeActionsThroughGateway(actions: readonly Action[], context: WriteContext): Promise<ActionWriteResult[]> {
  for (const action of actions) assertSalesforceId(action.accountId, 'The account of an action');
  const outcomes = await upsertActionTasksThroughGateway(actions.map(actionTaskRecord), context);
  return outcomes.map((outcome) =>
    outcome.ok
      ? { idempotencyKey: outcome.key, ok: true, crmTaskId: outcome.id, created: outcome.created }
      : { idempotencyKey: outcome.key, ok: false, code: outcome.code, message: outcome.message },
  );
}
