import { isZohoDate, parseZohoDateTime } from '../zohoDateTime';
import { isZohoId } from '../zohoIds';
import type { ZohoFieldSpec } from '../zohoModuleSpecs';
import { isStringArray, seModuleKey, type ZohoRecordStore, type ZohoStoredValue } from '../zohoRecordStore';

/** A per-record failure, as one element of a write's `data[]` (reference §C envelopes). */
export interface RecordFailure {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly message: string;
}

const expectedTypes: Readonly<Record<ZohoFieldSpec['type'], string>> = {
  id: 'bigint',
  text: 'text',
  textarea: 'textarea',
  email: 'email',
  picklist: 'picklist',
  multiselectpicklist: 'multiselectpicklist',
  date: 'date',
  datetime: 'datetime',
  integer: 'integer',
  double: 'double',
  currency: 'currency',
  boolean: 'boolean',
  lookup: 'lookup',
  ownerlookup: 'ownerlookup',
  userlookup: 'userlookup',
  autonumber: 'autonumber',
};

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** INVALID_DATA for a value of the wrong type: `{expected_data_type, api_name, json_path}` (OAS common.json). */
export function invalidType(field: ZohoFieldSpec, jsonPath: string): RecordFailure {
  return { code: 'INVALID_DATA', details: { expected_data_type: expectedTypes[field.type], api_name: field.apiName, json_path: jsonPath }, message: 'invalid data' };
}

/**
 * Converts one written value to its stored form, or says why it is refused. Lookups and owners
 * must be `{id}` objects (a bare string is refused, reference checklist 12); `What_Id` needs the
 * `$se_module` of its record.
 */
export function storedInput(
  store: ZohoRecordStore,
  field: ZohoFieldSpec,
  value: unknown,
  record: Readonly<Record<string, unknown>>,
  jsonPath: string,
): { readonly value: ZohoStoredValue } | { readonly failure: RecordFailure } {
  if (value === null || value === '') return { value: null };
  const bad = { failure: invalidType(field, jsonPath) };
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'picklist': {
      if (typeof value !== 'string') return bad;
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return { failure: { code: 'INVALID_DATA', details: { maximum_length: field.maxLength, api_name: field.apiName, json_path: jsonPath }, message: 'invalid data' } };
      }
      if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return bad;
      if (field.values !== undefined && !field.values.includes(value)) {
        return { failure: { code: 'INVALID_DATA', details: { supported_values: [...field.values], api_name: field.apiName, json_path: jsonPath }, message: 'invalid data' } };
      }
      return { value };
    }
    case 'multiselectpicklist':
      return isStringArray(value) ? { value: [...value] } : bad;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? { value } : bad;
    case 'double':
    case 'currency':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : bad;
    case 'boolean':
      return typeof value === 'boolean' ? { value } : bad;
    case 'date':
      return typeof value === 'string' && isZohoDate(value) ? { value } : bad;
    case 'datetime': {
      const epoch = typeof value === 'string' ? parseZohoDateTime(value) : null;
      return epoch === null ? bad : { value: epoch };
    }
    case 'ownerlookup': {
      const id = isObject(value) ? value['id'] : undefined;
      if (typeof id !== 'string') return bad;
      return store.user(id) === undefined ? { failure: invalidId(field, jsonPath, id) } : { value: id };
    }
    case 'lookup': {
      const id = isObject(value) ? value['id'] : undefined;
      if (typeof id !== 'string') return bad;
      const modules = field.lookupModules ?? [];
      let target = modules.length === 1 ? modules[0] : undefined;
      if (modules.length > 1) {
        const seModule = record[seModuleKey];
        if (seModule === undefined || seModule === null) {
          return { failure: { code: 'MANDATORY_NOT_FOUND', details: { api_name: seModuleKey, json_path: jsonPath.replace(/[^.[\]]+$/, seModuleKey) }, message: 'required field not found' } };
        }
        if (typeof seModule !== 'string' || !modules.includes(seModule)) {
          return { failure: { code: 'INVALID_DATA', details: { supported_values: [...modules], api_name: seModuleKey, json_path: jsonPath.replace(/[^.[\]]+$/, seModuleKey) }, message: 'invalid data' } };
        }
        target = seModule;
      }
      const found = isZohoId(id) ? store.byId(id) : undefined;
      return found === undefined || found.module !== target ? { failure: invalidId(field, jsonPath, id) } : { value: id };
    }
    default:
      return bad;
  }
}

function invalidId(field: ZohoFieldSpec, jsonPath: string, id: string): RecordFailure {
  return { code: 'INVALID_DATA', details: { api_name: field.apiName, json_path: jsonPath, id }, message: 'the id given seems to be invalid' };
}
