import { CrmError, toCrmError } from '@kizuna/crm-core';
import type { Action, ActionWriteResult } from '@kizuna/model';
import { z } from 'zod';
import { coqlSelect } from '../coql/coqlText';
import type { ZohoMapping } from '../defaultMapping';
import type { WriteOutcome, ZohoGateway } from '../gateway';
import { crmErrorOfZoho } from '../zohoError';
import { ACTION_KEY_FIELD, actionLedgerRecord, actionTaskRecord, hasTask, LEDGER_KEY_FIELD } from './actionTask';

/** Insert, update and upsert take at most 100 records a call. */
export const WRITE_MAX_RECORDS = 100;
/** No workflow, approval, blueprint or other automation fires for Kizuna's writes. */
const NO_TRIGGERS: readonly string[] = [];

const successDetailsSchema = z.object({ id: z.string() });
/** DUPLICATE_DATA names the record that already holds the value (`duplicate_record`, v7 insert-records). */
const duplicateDetailsSchema = z.object({ duplicate_record: z.object({ id: z.string() }).optional(), id: z.string().optional() });

/** Errors that are about the whole call, not one record: they reject the write instead of being reported per action. */
const callErrors = new Set(['AUTH_EXPIRED', 'AUTH_INVALID', 'DAILY_LIMIT', 'RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT', 'CANCELLED']);

type TaskOutcome = { readonly ok: true; readonly taskId: string; readonly created: boolean } | { readonly ok: false; readonly code: string; readonly message: string };

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function outcomeAt(outcomes: readonly WriteOutcome[], index: number): WriteOutcome {
  const outcome = outcomes[index];
  if (outcome === undefined) throw new CrmError('MALFORMED_RESPONSE', `Zoho CRM answered ${outcomes.length} results for a batch that was longer.`);
  return outcome;
}

async function existingTaskId(gateway: ZohoGateway, outcome: WriteOutcome, key: string, signal?: AbortSignal): Promise<string | undefined> {
  const details = duplicateDetailsSchema.safeParse(outcome.details);
  const named = details.success ? (details.data.duplicate_record?.id ?? details.data.id) : undefined;
  if (named !== undefined) return named;
  const found = await gateway.coql(coqlSelect({ module: 'Tasks', fields: ['id'], where: [{ field: ACTION_KEY_FIELD, op: '=', value: key }], limit: 1 }), signal);
  const id = found.rows[0]?.['id'];
  return typeof id === 'string' ? id : undefined;
}

/** Inserts one batch of Tasks; a key that already has its Task is that Task, updated to the action's state. */
async function insertTasks(gateway: ZohoGateway, actions: readonly Action[], signal?: AbortSignal): Promise<TaskOutcome[]> {
  const outcomes = await gateway.insert({ module: 'Tasks', records: actions.map(actionTaskRecord), trigger: NO_TRIGGERS }, signal);
  const results: TaskOutcome[] = [];
  const repeats: Array<{ index: number; action: Action; taskId: string }> = [];
  for (const [index, action] of actions.entries()) {
    const outcome = outcomeAt(outcomes, index);
    if (outcome.status === 'success') {
      const details = successDetailsSchema.safeParse(outcome.details);
      if (!details.success) throw new CrmError('MALFORMED_RESPONSE', 'Zoho CRM reported an inserted Task without its id.', { cause: details.error });
      results.push({ ok: true, taskId: details.data.id, created: true });
      continue;
    }
    const error = crmErrorOfZoho(400, { code: outcome.code, message: outcome.message, details: outcome.details });
    const taskId = outcome.code === 'DUPLICATE_DATA' ? await existingTaskId(gateway, outcome, action.idempotencyKey, signal) : undefined;
    if (taskId === undefined) results.push({ ok: false, code: error.code, message: error.message });
    else {
      results.push({ ok: true, taskId, created: false });
      repeats.push({ index, action, taskId });
    }
  }
  if (repeats.length > 0) {
    const records = repeats.map(({ action, taskId }) => ({ id: taskId, ...actionTaskRecord(action) }));
    const updated = await gateway.update({ module: 'Tasks', records, trigger: NO_TRIGGERS }, signal);
    repeats.forEach(({ index }, position) => {
      const outcome = outcomeAt(updated, position);
      if (outcome.status === 'error') {
        const error = crmErrorOfZoho(400, { code: outcome.code, message: outcome.message, details: outcome.details });
        results[index] = { ok: false, code: error.code, message: `The action's Task exists but could not be updated: ${error.message}` };
      }
    });
  }
  return results;
}

/** The Tasks of the actions that have one; the others (snoozed, dismissed) keep the Task they may already have. */
async function tasksOf(gateway: ZohoGateway, batch: readonly Action[], signal?: AbortSignal): Promise<TaskOutcome[]> {
  const writing = batch.filter(hasTask);
  let written: TaskOutcome[];
  try {
    written = writing.length === 0 ? [] : await insertTasks(gateway, writing, signal);
  } catch (error) {
    const crmError = toCrmError(error);
    if (callErrors.has(crmError.code) || crmError.code === 'MALFORMED_RESPONSE') throw crmError;
    written = writing.map(() => ({ ok: false, code: crmError.code, message: crmError.message }));
  }
  let next = 0;
  return batch.map((action): TaskOutcome => {
    if (!hasTask(action)) return { ok: true, taskId: action.crmTaskId ?? '', created: false };
    const outcome = written[next];
    next += 1;
    return outcome ?? { ok: false, code: 'MALFORMED_RESPONSE', message: 'no result for the action\'s Task' };
  });
}

const ledgerIdSchema = z.object({ id: z.string() });

/**
 * Writes actions to Zoho without ever making a second Task for one action. Accepted and done
 * actions become Tasks: Tasks cannot be upserted, so each is inserted with its key in a unique
 * field — a repeat fails as DUPLICATE_DATA, which means "already written": the existing Task is
 * updated to the action's state and reported as not created. Snoozed and dismissed actions make
 * no Task (docs/crm/zoho-layout.md): they are recorded in the ledger only, with the Task an
 * earlier acceptance wrote (`crmTaskId`), if any. Then (when the mapping reads actions from a
 * ledger module) every action's ledger record is upserted by its unique key. `"trigger": []`
 * keeps workflows quiet. One result per action, in order; 201/207/400 per-record results are
 * read one by one. A snoozed or dismissed action without a Task reports the ledger record's id
 * as `crmTaskId` (the record that holds it in the CRM), `created: false`.
 */
export async function writeActionTasks(gateway: ZohoGateway, mapping: ZohoMapping, actions: readonly Action[], signal?: AbortSignal): Promise<ActionWriteResult[]> {
  const results: ActionWriteResult[] = [];
  const withLedger = mapping.action.object !== 'Tasks';
  for (const batch of chunks(actions, WRITE_MAX_RECORDS)) {
    const tasks = await tasksOf(gateway, batch, signal);
    const ledger = !withLedger ? [] : batch.flatMap((action, index) => {
      const task = tasks[index];
      return task?.ok === true ? [{ index, record: actionLedgerRecord(action, task.taskId === '' ? null : task.taskId) }] : [];
    });
    const ledgerOutcomes = ledger.length === 0 ? [] : await gateway.upsert({ module: mapping.action.object, records: ledger.map((entry) => entry.record), trigger: NO_TRIGGERS, duplicateCheckFields: [LEDGER_KEY_FIELD] }, signal);
    const ledgerFailure = new Map<number, string>();
    const ledgerIds = new Map<number, string>();
    ledger.forEach(({ index }, position) => {
      const outcome = ledgerOutcomes[position];
      if (outcome === undefined || outcome.status === 'error') ledgerFailure.set(index, outcome === undefined ? 'no result' : `${outcome.code}: ${outcome.message}`);
      else {
        const details = ledgerIdSchema.safeParse(outcome.details);
        if (details.success) ledgerIds.set(index, details.data.id);
      }
    });
    batch.forEach((action, index) => {
      const task = tasks[index];
      const key = action.idempotencyKey;
      if (task === undefined || !task.ok) results.push({ idempotencyKey: key, ok: false, code: task?.code ?? 'UNKNOWN', message: task?.message ?? 'no result' });
      else if (ledgerFailure.has(index)) {
        const written = task.taskId === '' ? 'The decision' : `The Task ${task.taskId} is written, but the decision`;
        results.push({ idempotencyKey: key, ok: false, code: 'VALIDATION', message: `${written} was refused by the action ledger (${ledgerFailure.get(index) ?? ''}); writing again completes it.` });
      } else {
        const crmTaskId = task.taskId === '' ? (ledgerIds.get(index) ?? '') : task.taskId;
        if (crmTaskId === '' && !withLedger) {
          results.push({ idempotencyKey: key, ok: false, code: 'INVALID_INPUT', message: `The mapping keeps actions as Tasks only, and a ${action.status} action that was never accepted has no Task: map actions to a ledger module (docs/crm/zoho-layout.md) to record it.` });
        } else if (crmTaskId === '') results.push({ idempotencyKey: key, ok: false, code: 'MALFORMED_RESPONSE', message: 'Zoho CRM recorded the decision without saying the record\'s id.' });
        else results.push({ idempotencyKey: key, ok: true, crmTaskId, created: task.created });
      }
    });
  }
  return results;
}
