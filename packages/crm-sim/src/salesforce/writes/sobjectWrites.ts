import type { RecordStore } from '../recordStore';
import { notFound } from '../salesforceApiError';
import { toSalesforceId18 } from '../salesforceId';
import type { SalesforceFieldDescribe, SalesforceObjectDescribe } from '../salesforceSchema';
import type { FieldValue, StoredRecord } from '../storedRecord';
import { derivedFields } from './derivedFields';
import {
  DuplicateExternalIdError,
  duplicateValue,
  entityIsDeleted,
  externalIdMismatch,
  externalIdNotFound,
  fieldsNotWritable,
  idInBody,
  notAnExternalIdField,
  noSuchWriteField,
  requiredFieldsMissing,
} from './dmlErrors';
import { storedValue } from './fieldValues';

/** A JSON object body of a write (`attributes` is allowed and ignored). */
export type WriteBody = Readonly<Record<string, unknown>>;

export interface UpsertOutcome {
  readonly id: string;
  readonly created: boolean;
}

/**
 * Record writes validated against the object's describe, as the REST sObject resources do them.
 * Every method throws `SalesforceApiError` with the status and body Salesforce answers with;
 * nothing is written when it throws.
 */
export interface SObjectWrites {
  /** Creates a record and returns its 18-char id. */
  create(objectName: string, body: WriteBody): string;
  update(objectName: string, id: string, body: WriteBody): void;
  /** Upsert by external id: updates the one match, creates when none, throws `DuplicateExternalIdError` (300) when several. */
  upsert(objectName: string, externalIdField: string, value: string, body: WriteBody, options?: { readonly updateOnly?: boolean }): UpsertOutcome;
  /** Soft delete (recycle bin): the row stays visible to queryAll with `IsDeleted = true`. */
  delete(objectName: string, id: string): void;
  /** The live record of `objectName` with this 15- or 18-char id, or the 404 Salesforce answers. */
  find(objectName: string, id: string): StoredRecord;
}

export function describeOrNotFound(store: RecordStore, objectName: string): SalesforceObjectDescribe {
  const describe = store.schema.object(objectName);
  if (describe === undefined) throw notFound();
  return describe;
}

/** Unknown fields and `Id` fail first, then fields the request may not set, then each value. */
function convertBody(store: RecordStore, describe: SalesforceObjectDescribe, body: WriteBody, creating: boolean): Record<string, FieldValue> {
  const entries: [SalesforceFieldDescribe, unknown][] = [];
  const readOnly: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    if (key.toLowerCase() === 'id') throw idInBody();
    const field = store.schema.field(describe.name, key);
    if (field === undefined) throw noSuchWriteField(key, describe.name);
    if (!(creating ? field.createable : field.updateable)) readOnly.push(field.name);
    entries.push([field, value]);
  }
  if (readOnly.length > 0) throw fieldsNotWritable(readOnly);
  const out: Record<string, FieldValue> = {};
  for (const [field, value] of entries) out[field.name] = storedValue(field, value, store);
  return out;
}

function checkRequired(describe: SalesforceObjectDescribe, values: Readonly<Record<string, FieldValue>>, creating: boolean): void {
  const missing = describe.fields.filter(
    (field) => !field.nillable && field.type !== 'boolean' && field.createable && (creating || field.name in values) && (values[field.name] ?? null) === null,
  );
  if (missing.length > 0) throw requiredFieldsMissing(missing.map((field) => field.name));
}

function checkUnique(store: RecordStore, describe: SalesforceObjectDescribe, values: Readonly<Record<string, FieldValue>>, selfId: string | null): void {
  for (const field of describe.fields) {
    const value = values[field.name];
    if (!field.unique || typeof value !== 'string') continue;
    const other = store.findByField(describe.name, field.name, value).find((record) => record['Id'] !== selfId);
    if (other !== undefined) throw duplicateValue(field.name, String(other['Id']));
  }
}

function withDefaults(describe: SalesforceObjectDescribe, values: Record<string, FieldValue>): Record<string, FieldValue> {
  const out = { ...values };
  for (const field of describe.fields) {
    if (!field.createable || field.name in out) continue;
    if (field.defaultValue !== null) out[field.name] = field.defaultValue;
    else if (field.type === 'boolean') out[field.name] = false;
  }
  return out;
}

/** The validated writes of `store`'s org. */
export function createSObjectWrites(store: RecordStore): SObjectWrites {
  const autoNumbers = new Map<string, number>();
  const ctx = {
    store,
    nextAutoNumber: (objectName: string): number => {
      const next = (autoNumbers.get(objectName) ?? store.records(objectName).length) + 1;
      autoNumbers.set(objectName, next);
      return next;
    },
  };
  const find = (objectName: string, id: string): StoredRecord => {
    const describe = describeOrNotFound(store, objectName);
    const id18 = toSalesforceId18(id);
    if (id18 === null) throw externalIdNotFound(id);
    const found = store.recordById(id18);
    if (found === undefined || found.objectName !== describe.name) throw notFound();
    if (found.record['IsDeleted'] === true) throw entityIsDeleted();
    return found.record;
  };
  const create = (objectName: string, body: WriteBody): string => {
    const describe = describeOrNotFound(store, objectName);
    const values = withDefaults(describe, convertBody(store, describe, body, true));
    checkRequired(describe, values, true);
    checkUnique(store, describe, values, null);
    const record = store.insert(describe.name, { ...values, ...derivedFields(describe, undefined, values, ctx) });
    return String(record['Id']);
  };
  const update = (objectName: string, id: string, body: WriteBody): void => {
    const describe = describeOrNotFound(store, objectName);
    const current = find(describe.name, id);
    const values = convertBody(store, describe, body, false);
    checkRequired(describe, values, false);
    checkUnique(store, describe, values, String(current['Id']));
    store.update(String(current['Id']), { ...values, ...derivedFields(describe, current, values, ctx) });
  };
  return {
    create,
    update,
    upsert: upsertWith(store, create, update),
    delete: (objectName, id) => {
      store.update(String(find(objectName, id)['Id']), { IsDeleted: true });
    },
    find,
  };
}

function upsertWith(store: RecordStore, create: SObjectWrites['create'], update: SObjectWrites['update']): SObjectWrites['upsert'] {
  return (objectName, externalIdField, value, body, options = {}) => {
    const describe = describeOrNotFound(store, objectName);
    const field = store.schema.field(describe.name, externalIdField);
    // An unknown field is answered like an unknown resource (dome-upsert.htm).
    if (field === undefined) throw notFound();
    if (!field.externalId) throw notAnExternalIdField(field.name, describe.name);
    const rest = withoutExternalId(body, field.name, value);
    const matches = store.findByField(describe.name, field.name, value);
    const [match, ...others] = matches;
    if (others.length > 0) throw new DuplicateExternalIdError(field.name, matches.map((record) => String(record['Id'])));
    if (match !== undefined) {
      update(describe.name, String(match['Id']), rest);
      return { id: String(match['Id']), created: false };
    }
    if (options.updateOnly === true) throw notFound();
    return { id: create(describe.name, { ...rest, [field.name]: value }), created: true };
  };
}

/** The body without the external id field, which may only repeat the URL's value. */
function withoutExternalId(body: WriteBody, field: string, value: string): WriteBody {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(body)) {
    if (key.toLowerCase() !== field.toLowerCase()) out[key] = entry;
    else if (String(entry).toLowerCase() !== value.toLowerCase()) throw externalIdMismatch(field);
  }
  return out;
}
