import { formatZohoDateTime } from '../zohoDateTime';
import { invalidData, limitExceeded, ZohoApiError } from '../zohoApiError';
import type { ZohoModuleSpec } from '../zohoModuleSpecs';
import { isStringArray, seModuleKey, type ZohoRecordStore, type ZohoStoredRecord } from '../zohoRecordStore';
import { storedInput, type RecordFailure } from './fieldInput';

/** Records one insert or update call may carry (v7 insert-records; reference §D). */
export const maxRecordsPerWrite = 100;
/** Automation a write may name in `trigger`; `[]` runs none, no key runs all (reference §D). */
export const zohoTriggers = ['workflow', 'approval', 'blueprint', 'pathfinder', 'orchestration'] as const;

export type WriteOperation = 'insert' | 'update' | 'upsert';

/** One element of a write answer's `data[]`: success or failure, in input order. */
export interface WriteResult {
  readonly code: string;
  /** Upsert only: what happened to the record. */
  readonly action?: 'insert' | 'update';
  readonly details: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly status: 'success' | 'error';
  /** Upsert only: the field that matched an existing record, or null. */
  readonly duplicate_field?: string | null;
}

/**
 * Modules the upsert API serves: not Tasks, Calls or Events (v7/v8 upsert-records "Supported
 * modules"), and each module's system duplicate-check field(s), checked before unique fields.
 */
const upsertDuplicateFields: Readonly<Record<string, readonly string[]>> = {
  Accounts: ['Account_Name'],
  Contacts: ['Email'],
  Deals: ['Deal_Name'],
  Cases: ['Subject'],
};

/** What a write did, for tests: the module, the operation, the ids written and the `trigger` sent. */
export interface WriteLogEntry {
  readonly module: string;
  readonly operation: WriteOperation;
  /** `null` when the body had no `trigger` key (all automation runs). */
  readonly trigger: readonly string[] | null;
  readonly ids: readonly string[];
}

export interface WriteAnswer {
  readonly status: number;
  readonly body: { readonly data: readonly WriteResult[] };
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

const failed = (failure: RecordFailure): WriteResult => ({ ...failure, status: 'error' });

/** Reads `data` and `trigger` of a write body; request-level problems throw (top-level envelope). */
export function parseWriteBody(body: unknown): {
  readonly records: readonly unknown[];
  readonly trigger: readonly string[] | null;
  readonly duplicateCheckFields: readonly string[] | null;
} {
  const data = isObject(body) ? body['data'] : undefined;
  if (!Array.isArray(data) || data.length === 0) throw invalidData('invalid data', { expected_data_type: 'jsonarray', api_name: 'data', json_path: '$.data' });
  if (data.length > maxRecordsPerWrite) throw limitExceeded(`you can give only ${maxRecordsPerWrite} records`, { limit: maxRecordsPerWrite, api_name: 'data' });
  const checks = isObject(body) ? body['duplicate_check_fields'] : undefined;
  if (checks !== undefined && !isStringArray(checks)) {
    throw invalidData('invalid data', { expected_data_type: 'jsonarray', api_name: 'duplicate_check_fields', json_path: '$.duplicate_check_fields' });
  }
  const duplicateCheckFields = checks === undefined ? null : checks;
  const trigger = isObject(body) ? body['trigger'] : undefined;
  if (trigger === undefined) return { records: data, trigger: null, duplicateCheckFields };
  const known: readonly string[] = zohoTriggers;
  if (!isStringArray(trigger) || !trigger.every((item) => known.includes(item))) {
    throw invalidData('invalid data', { expected_data_type: 'jsonarray', api_name: 'trigger', json_path: '$.trigger', supported_values: [...zohoTriggers] });
  }
  return { records: data, trigger, duplicateCheckFields };
}

/** Fields the server computes from others after a write. */
function derive(module: ZohoModuleSpec, record: ZohoStoredRecord, changed: ZohoStoredRecord, now: number): void {
  if (module.apiName === 'Contacts' && ('First_Name' in changed || 'Last_Name' in changed)) {
    const first = typeof record['First_Name'] === 'string' ? record['First_Name'] : '';
    const last = typeof record['Last_Name'] === 'string' ? record['Last_Name'] : '';
    changed['Full_Name'] = [first, last].filter((part) => part !== '').join(' ');
  }
  if (module.apiName === 'Tasks' && 'Status' in changed) changed['Closed_Time'] = changed['Status'] === 'Completed' ? now : null;
  if (module.apiName === 'Calls' && typeof changed['Call_Duration'] === 'string') {
    const match = /^(\d+):([0-5]\d)$/.exec(changed['Call_Duration']);
    changed['Call_Duration_in_seconds'] = match === null ? null : Number(match[1]) * 60 + Number(match[2]);
  }
}

/**
 * Record writes as `POST` / `PUT /crm/v8/{module}` perform them: each record validated on its
 * own (mandatory fields, types, lookups, picklists, unique fields), a result per record in
 * input order. HTTP 201 (insert) / 200 (update) when all succeed, 207 when some fail, 400 when
 * all fail, always with the `data[]` envelope (v8 status-codes; reference §D).
 */
export class ZohoRecordWrites {
  readonly #store: ZohoRecordStore;
  readonly #timeZone: string;
  readonly #log: WriteLogEntry[] = [];

  constructor(store: ZohoRecordStore, timeZone: string) {
    this.#store = store;
    this.#timeZone = timeZone;
  }

  get log(): readonly WriteLogEntry[] {
    return this.#log;
  }

  write(module: ZohoModuleSpec, operation: WriteOperation, body: unknown, userId: string, pathId: string | null = null): WriteAnswer {
    const { records, trigger, duplicateCheckFields } = parseWriteBody(body);
    const checkFields = operation === 'upsert' ? this.#checkFields(module, duplicateCheckFields) : [];
    const ids: string[] = [];
    const results = records.map((input, index) => {
      const jsonPath = `$.data[${index}]`;
      if (!isObject(input)) return failed({ code: 'INVALID_DATA', details: { expected_data_type: 'jsonobject', json_path: jsonPath }, message: 'invalid data' });
      const result =
        operation === 'insert'
          ? this.#insert(module, input, jsonPath, userId)
          : operation === 'update'
            ? this.#update(module, input, jsonPath, userId, pathId)
            : this.#upsert(module, input, jsonPath, userId, checkFields);
      const id = result.details['id'];
      if (result.status === 'success' && typeof id === 'string') ids.push(id);
      return result;
    });
    this.#log.push({ module: module.apiName, operation, trigger, ids });
    const successes = results.filter((result) => result.status === 'success').length;
    // Upsert's status is not documented; it answers as update does (reference §D).
    const allGood = operation === 'insert' ? 201 : 200;
    return { status: successes === results.length ? allGood : successes === 0 ? 400 : 207, body: { data: results } };
  }

  /** The fields an upsert matches on: those asked for (each must be a duplicate-check or unique field), else system then unique. */
  #checkFields(module: ZohoModuleSpec, asked: readonly string[] | null): readonly string[] {
    if (module.apiName === 'Tasks' || module.apiName === 'Calls' || module.apiName === 'Events') {
      // Not an upsert module: answered as an unknown one (v8 OAS upsertRecords example, data-wrapped by the handler).
      throw new ZohoApiError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
    }
    const system = upsertDuplicateFields[module.apiName] ?? (module.custom ? ['Name'] : []);
    const unique = module.fields.filter((field) => field.unique === true).map((field) => field.apiName);
    const allowed = [...system, ...unique];
    if (asked === null) return allowed;
    for (const name of asked) {
      if (!allowed.includes(name)) throw invalidData('invalid data', { api_name: name, json_path: '$.duplicate_check_fields', supported_values: allowed });
    }
    return asked;
  }

  #findDuplicate(module: ZohoModuleSpec, field: string, value: string): ZohoStoredRecord | undefined {
    if (this.#store.field(module.apiName, field)?.unique === true) return this.#store.findUnique(module.apiName, field, value);
    const wanted = value.toLowerCase();
    return this.#store.records(module.apiName).find((record) => {
      const stored = record[field];
      return typeof stored === 'string' && stored.toLowerCase() === wanted;
    });
  }

  /**
   * Updates the first record matching a duplicate-check field, else inserts. As in the v8 OAS
   * upsertRecords example, `duplicate_field` names the field checked (on inserts too; null when
   * the record carried none) and success details carry no `$approval_state`.
   */
  #upsert(module: ZohoModuleSpec, input: Readonly<Record<string, unknown>>, jsonPath: string, userId: string, checkFields: readonly string[]): WriteResult {
    const present = checkFields.filter((field) => typeof input[field] === 'string' && input[field] !== '');
    for (const field of present) {
      const existingId = this.#findDuplicate(module, field, String(input[field]))?.['id'];
      if (typeof existingId === 'string') return this.#upserted(this.#update(module, input, jsonPath, userId, existingId), field, 'update');
    }
    return this.#upserted(this.#insert(module, input, jsonPath, userId), present[0] ?? null, 'insert');
  }

  #upserted(result: WriteResult, field: string | null, action: 'insert' | 'update'): WriteResult {
    if (result.status !== 'success') return result;
    const { $approval_state: _approval, ...details } = result.details;
    return { code: result.code, duplicate_field: field, action, details, message: result.message, status: result.status };
  }

  #convert(
    module: ZohoModuleSpec,
    input: Readonly<Record<string, unknown>>,
    jsonPath: string,
  ): { readonly fields: ZohoStoredRecord } | { readonly failure: RecordFailure } {
    const changed: ZohoStoredRecord = {};
    for (const [name, value] of Object.entries(input)) {
      const field = this.#store.field(module.apiName, name);
      // `$`-keys ($se_module, $append_values …) are not fields; read-only system fields are ignored.
      if (name.startsWith('$') || field?.readOnly === true) continue;
      // An unknown API name is refused (v8 OAS createRecords 207 example).
      if (field === undefined) {
        return { failure: { code: 'INVALID_DATA', details: { api_name: name, json_path: `${jsonPath}.${name}` }, message: 'the field api name given seems to be invalid' } };
      }
      const outcome = storedInput(this.#store, field, value, input, `${jsonPath}.${name}`);
      if ('failure' in outcome) return outcome;
      changed[name] = outcome.value;
      if (name === 'What_Id') changed[seModuleKey] = outcome.value === null ? null : String(input[seModuleKey]);
    }
    return { fields: changed };
  }

  #checkUnique(module: ZohoModuleSpec, changed: ZohoStoredRecord, jsonPath: string, selfId: string | null): RecordFailure | null {
    for (const field of module.fields) {
      const value = changed[field.apiName];
      if (field.unique !== true || typeof value !== 'string' || value === '') continue;
      const existing = this.#store.findUnique(module.apiName, field.apiName, value);
      const existingId = existing?.['id'];
      if (existing === undefined || typeof existingId !== 'string' || existingId === selfId) continue;
      const owner = typeof existing['Owner'] === 'string' ? this.#store.user(existing['Owner']) : undefined;
      // The shape of the v8 OAS createRecords DUPLICATE_DATA example.
      return {
        code: 'DUPLICATE_DATA',
        details: {
          api_name: field.apiName,
          duplicate_record: { Owner: owner === undefined ? null : { name: owner.full_name, id: owner.id, zuid: owner.zuid }, id: existingId },
          json_path: `${jsonPath}.${field.apiName}`,
          id: existingId,
          more_records: false,
        },
        message: 'duplicate data',
      };
    }
    return null;
  }

  #successDetails(record: ZohoStoredRecord): Record<string, unknown> {
    const user = (key: string): { name: string | null; id: string } | null => {
      const id = record[key];
      if (typeof id !== 'string') return null;
      return { name: this.#store.user(id)?.full_name ?? null, id };
    };
    const time = (key: string): string | null => {
      const value = record[key];
      return typeof value === 'number' ? formatZohoDateTime(value, this.#timeZone) : null;
    };
    return {
      Modified_Time: time('Modified_Time'),
      Modified_By: user('Modified_By'),
      Created_Time: time('Created_Time'),
      id: record['id'],
      Created_By: user('Created_By'),
      $approval_state: 'approved',
    };
  }

  #insert(module: ZohoModuleSpec, input: Readonly<Record<string, unknown>>, jsonPath: string, userId: string): WriteResult {
    const converted = this.#convert(module, input, jsonPath);
    if ('failure' in converted) return failed(converted.failure);
    const fields = converted.fields;
    for (const field of module.fields) {
      const value = fields[field.apiName];
      if (field.mandatory === true && (value === undefined || value === null)) {
        return failed({ code: 'MANDATORY_NOT_FOUND', details: { api_name: field.apiName, json_path: `${jsonPath}.${field.apiName}` }, message: 'required field not found' });
      }
    }
    const duplicate = this.#checkUnique(module, fields, jsonPath, null);
    if (duplicate !== null) return failed(duplicate);
    const now = this.#store.now();
    const record: ZohoStoredRecord = {};
    if (module.apiName === 'Cases') fields['Case_Number'] = String(this.#store.records('Cases').length + 1);
    Object.assign(record, fields, {
      id: this.#store.nextId(),
      Owner: typeof fields['Owner'] === 'string' ? fields['Owner'] : userId,
      Created_Time: now,
      Modified_Time: now,
      Created_By: userId,
      Modified_By: userId,
    } satisfies ZohoStoredRecord);
    derive(module, record, record, now);
    this.#store.add(module.apiName, record);
    return { code: 'SUCCESS', details: this.#successDetails(record), message: 'record added', status: 'success' };
  }

  #update(module: ZohoModuleSpec, input: Readonly<Record<string, unknown>>, jsonPath: string, userId: string, pathId: string | null): WriteResult {
    const id = pathId ?? input['id'];
    if (typeof id !== 'string' || id === '') {
      return failed({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id', json_path: `${jsonPath}.id` }, message: 'required field not found' });
    }
    const found = this.#store.byId(id);
    if (found === undefined || found.module !== module.apiName) {
      return failed({ code: 'INVALID_DATA', details: { id }, message: 'the id given seems to be invalid' });
    }
    const converted = this.#convert(module, input, jsonPath);
    if ('failure' in converted) return failed(converted.failure);
    const changed = { ...converted.fields };
    for (const field of module.fields) {
      if (field.mandatory === true && field.apiName in changed && changed[field.apiName] === null) {
        return failed({ code: 'MANDATORY_NOT_FOUND', details: { api_name: field.apiName, json_path: `${jsonPath}.${field.apiName}` }, message: 'required field not found' });
      }
    }
    const duplicate = this.#checkUnique(module, changed, jsonPath, id);
    if (duplicate !== null) return failed(duplicate);
    const now = this.#store.now();
    derive(module, { ...found.record, ...changed }, changed, now);
    const record = this.#store.patch(module.apiName, id, { ...changed, Modified_Time: now, Modified_By: userId });
    return { code: 'SUCCESS', details: this.#successDetails(record), message: 'record updated', status: 'success' };
  }
}
