import { formatAutoNumber } from '../autoNumbers';
import type { RecordStore } from '../recordStore';
import type { SalesforceObjectDescribe } from '../salesforceSchema';
import type { FieldValue, StoredRecord } from '../storedRecord';

/** What deriving needs besides the record: the store (lookups), a clock and auto-numbers. */
export interface DeriveContext {
  readonly store: RecordStore;
  nextAutoNumber(objectName: string): number;
}

/** The account a `WhatId` belongs to: the Account itself, or an Opportunity's or Case's account. */
function accountOfWhat(store: RecordStore, whatId: FieldValue): FieldValue {
  if (typeof whatId !== 'string') return null;
  const found = store.recordById(whatId);
  if (found === undefined) return null;
  return found.objectName === 'Account' ? whatId : (found.record['AccountId'] ?? null);
}

function accountOfWho(store: RecordStore, whoId: FieldValue): FieldValue {
  if (typeof whoId !== 'string') return null;
  const found = store.recordById(whoId);
  return found?.objectName === 'Contact' ? (found.record['AccountId'] ?? null) : null;
}

const changed = (changes: Readonly<Record<string, FieldValue>>, ...names: string[]): boolean => names.some((name) => name in changes);

function activityFields(
  objectName: string,
  changes: Readonly<Record<string, FieldValue>>,
  merged: Readonly<Record<string, FieldValue>>,
  current: StoredRecord | undefined,
  ctx: DeriveContext,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (current === undefined || changed(changes, 'WhatId', 'WhoId')) {
    out['AccountId'] = accountOfWhat(ctx.store, merged['WhatId'] ?? null) ?? accountOfWho(ctx.store, merged['WhoId'] ?? null);
  }
  if (objectName === 'Task' && merged['Status'] !== current?.['Status']) {
    // Salesforce stamps CompletedDateTime when a task is closed and clears it when it reopens.
    out['CompletedDateTime'] = merged['Status'] === 'Completed' ? ctx.store.now() : null;
  }
  return out;
}

/**
 * Fields the org sets itself on a create (`current` undefined) or an update: auto-numbers,
 * `Case.CreatedDate`, `Contact.Name` (first + last), an activity's `AccountId` (from What/Who)
 * and `Task.CompletedDateTime`. `changes` are the validated values the request sets.
 */
export function derivedFields(
  describe: SalesforceObjectDescribe,
  current: StoredRecord | undefined,
  changes: Readonly<Record<string, FieldValue>>,
  ctx: DeriveContext,
): Record<string, FieldValue> {
  const merged = { ...current, ...changes };
  const out: Record<string, FieldValue> = {};
  if (current === undefined) {
    for (const field of describe.fields) {
      if (field.autoNumber) out[field.name] = formatAutoNumber(describe.name, ctx.nextAutoNumber(describe.name));
    }
    if (describe.fields.some((field) => field.name === 'CreatedDate')) out['CreatedDate'] = ctx.store.now();
  }
  if (describe.name === 'Contact' && (current === undefined || changed(changes, 'FirstName', 'LastName'))) {
    const parts = [merged['FirstName'], merged['LastName']].filter((part) => typeof part === 'string' && part !== '');
    out['Name'] = parts.join(' ');
  }
  if (describe.name === 'Task' || describe.name === 'Event') {
    Object.assign(out, activityFields(describe.name, changes, merged, current, ctx));
  }
  return out;
}
