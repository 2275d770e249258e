import { formatZohoDateTime } from './zohoDateTime';
import type { ZohoFieldSpec } from './zohoModuleSpecs';
import { isValueList, seModuleKey, type ZohoRecordStore, type ZohoStoredRecord, type ZohoStoredValue } from './zohoRecordStore';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Which API shapes the value: the Records API gives users as `{name, id, email}`, COQL (v7+)
 * gives every lookup and user lookup as `{name, id}` (reference §A "Field value formats", §B).
 */
export type ZohoRenderStyle = 'records' | 'coql';

/** One stored value as it goes on the wire for a user in `timeZone`. */
export function renderZohoValue(store: ZohoRecordStore, field: ZohoFieldSpec, value: ZohoStoredValue, timeZone: string, style: ZohoRenderStyle): JsonValue {
  if (value === null) return null;
  switch (field.type) {
    case 'datetime':
      return typeof value === 'number' ? formatZohoDateTime(value, timeZone) : null;
    case 'lookup':
      return typeof value === 'string' ? { name: store.displayName(value), id: value } : null;
    case 'ownerlookup':
    case 'userlookup': {
      if (typeof value !== 'string') return null;
      const user = store.user(value);
      if (user === undefined) return { name: null, id: value };
      return style === 'coql' ? { name: user.full_name, id: user.id } : { name: user.full_name, id: user.id, email: user.email };
    }
    case 'multiselectpicklist':
      return isValueList(value) ? [...value] : [];
    default:
      return isValueList(value) ? [...value] : value;
  }
}

/**
 * A record as the Records API returns it: the requested fields (or all) plus `id`; empty
 * values are `null`; a requested `What_Id` brings its `$se_module`.
 */
export function renderZohoRecord(
  store: ZohoRecordStore,
  module: string,
  record: ZohoStoredRecord,
  fieldNames: readonly string[] | null,
  timeZone: string,
): JsonObject {
  const spec = store.module(module);
  const out: JsonObject = {};
  const names = fieldNames ?? spec?.fields.map((field) => field.apiName) ?? [];
  for (const name of names) {
    const field = store.field(module, name);
    if (field === undefined) continue;
    out[name] = renderZohoValue(store, field, record[name] ?? null, timeZone, 'records');
    if (name === 'What_Id') out[seModuleKey] = typeof record[seModuleKey] === 'string' ? record[seModuleKey] : null;
  }
  out['id'] = typeof record['id'] === 'string' ? record['id'] : null;
  return out;
}
