import { CrmError, parseJsonBody, type HttpTransport } from '@kizuna/crm-core';
import type { Action, ActionWriteResult } from '@kizuna/model';
import { z } from 'zod';
import type { SalesforceConnection } from '../connection';
import { salesforceErrorFrom } from '../salesforceError';
import { crmCodeOfDmlStatus } from '../bridge/apexErrors';
import { ACTION_KEY_FIELD, actionTaskFields } from './actionTask';

/** sObject Collections take at most 200 records a request. */
export const COLLECTION_MAX_RECORDS = 200;

const upsertBodySchema = z.object({ id: z.string(), success: z.boolean(), created: z.boolean().optional() });
const saveResultSchema = z.object({
  id: z.string().nullable().optional(),
  success: z.boolean(),
  created: z.boolean().optional(),
  errors: z.array(z.object({ statusCode: z.string(), message: z.string(), fields: z.array(z.string()).optional() })),
});

/**
 * One action as a Task, upserted by its key: `PATCH /sobjects/Task/Kizuna_Action_Key__c/<key>`.
 * 201 created, 200 updated (204 before v46), 300 when the key matches several Tasks (nothing is
 * written: the key field must be unique), anything else a per-record error.
 */
export async function upsertActionTask(
  transport: HttpTransport,
  connection: SalesforceConnection,
  action: Action,
  signal?: AbortSignal,
): Promise<ActionWriteResult> {
  const url = `${connection.instanceUrl}/services/data/${connection.apiVersion}/sobjects/Task/${ACTION_KEY_FIELD}/${encodeURIComponent(action.idempotencyKey)}`;
  const response = await transport({
    method: 'PATCH',
    url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(actionTaskFields(action)),
    ...(signal ? { signal } : {}),
  });
  const key = action.idempotencyKey;
  if (response.status === 201 || response.status === 200) {
    const body = upsertBodySchema.safeParse(parseJsonBody(response, 'upsert result'));
    if (!body.success) throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned an upsert result of an unexpected shape.', { cause: body.error });
    return { idempotencyKey: key, ok: true, crmTaskId: body.data.id, created: body.data.created ?? response.status === 201 };
  }
  if (response.status === 204) {
    throw new CrmError('MALFORMED_RESPONSE', 'Salesforce answered 204 without the task id; use API v46.0 or later.');
  }
  if (response.status === 300) {
    return { idempotencyKey: key, ok: false, code: 'DUPLICATE', message: `More than one Task has ${ACTION_KEY_FIELD} ${key}: make the field unique.` };
  }
  const error = salesforceErrorFrom(response);
  if (['AUTH_EXPIRED', 'AUTH_INVALID', 'DAILY_LIMIT', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT'].includes(error.code)) throw error;
  return { idempotencyKey: key, ok: false, code: error.code, message: error.message };
}

/**
 * Several actions as Tasks in collections of up to 200, upserted by key
 * (`PATCH /composite/sobjects/Task/Kizuna_Action_Key__c`, allOrNone false): one result per action,
 * in order. The response is 200 even when records fail; each result says how it went.
 */
export async function upsertActionTasks(
  transport: HttpTransport,
  connection: SalesforceConnection,
  actions: readonly Action[],
  signal?: AbortSignal,
): Promise<ActionWriteResult[]> {
  const results: ActionWriteResult[] = [];
  for (let start = 0; start < actions.length; start += COLLECTION_MAX_RECORDS) {
    const chunk = actions.slice(start, start + COLLECTION_MAX_RECORDS);
    const response = await transport({
      method: 'PATCH',
      url: `${connection.instanceUrl}/services/data/${connection.apiVersion}/composite/sobjects/Task/${ACTION_KEY_FIELD}`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        allOrNone: false,
        records: chunk.map((action) => ({ attributes: { type: 'Task' }, [ACTION_KEY_FIELD]: action.idempotencyKey, ...actionTaskFields(action) })),
      }),
      ...(signal ? { signal } : {}),
    });
    if (response.status !== 200) throw salesforceErrorFrom(response);
    const parsed = z.array(saveResultSchema).safeParse(parseJsonBody(response, 'collection result'));
    if (!parsed.success || parsed.data.length !== chunk.length) {
      throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned collection results that do not match the records sent.');
    }
    parsed.data.forEach((result, index) => {
      const key = chunk[index]?.idempotencyKey ?? '';
      const [first] = result.errors;
      if (result.success && typeof result.id === 'string') results.push({ idempotencyKey: key, ok: true, crmTaskId: result.id, created: result.created ?? false });
      else results.push({ idempotencyKey: key, ok: false, code: crmCodeOfDmlStatus(first?.statusCode ?? ''), message: first?.message ?? 'The record was not saved.' });
    });
  }
  return results;
}
