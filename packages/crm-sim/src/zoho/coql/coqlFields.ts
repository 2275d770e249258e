import { ZohoApiError } from '../zohoApiError';
import type { ZohoFieldSpec } from '../zohoModuleSpecs';
import { seModuleKey, type ZohoRecordStore, type ZohoStoredRecord, type ZohoStoredValue } from '../zohoRecordStore';
import type { CoqlFieldRef } from './coqlAst';

/** Relations (lookup hops) one column may take (v7/v8 COQL-Limitations: "a maximum of two relations"). */
export const maxRelations = 2;

interface Hop {
  readonly field: ZohoFieldSpec;
  /** For a polymorphic `What_Id->Accounts`, the module the row must point at. */
  readonly module: string;
}

/** A column resolved against the module: the lookups to follow, then the field read. */
export interface ResolvedColumn {
  readonly text: string;
  readonly hops: readonly Hop[];
  readonly field: ZohoFieldSpec;
}

/** INVALID_QUERY `{column_name}` (v8 OAS example; message from the v7 error list). */
export const invalidColumn = (ref: CoqlFieldRef): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_QUERY', 'column given seems to be invalid', { column_name: ref.text });

/**
 * Resolves `Field`, `Lookup.Field`, `Lookup.Lookup.Field` and the polymorphic
 * `What_Id->Accounts.Account_Name` (reference §B Joins) from `module`.
 */
export function resolveColumn(store: ZohoRecordStore, module: string, ref: CoqlFieldRef): ResolvedColumn {
  const hops: Hop[] = [];
  let current = module;
  const arrow = ref.text.indexOf('->');
  let rest = ref.text;
  if (arrow > 0) {
    const lookupName = ref.text.slice(0, arrow);
    const [target, ...tail] = ref.text.slice(arrow + 2).split('.');
    const lookup = store.field(current, lookupName);
    if (lookup?.type !== 'lookup' || target === undefined || !(lookup.lookupModules ?? []).includes(target) || tail.length === 0) {
      throw invalidColumn(ref);
    }
    hops.push({ field: lookup, module: target });
    current = target;
    rest = tail.join('.');
  }
  const parts = rest.split('.');
  for (const [index, part] of parts.entries()) {
    const field = store.field(current, part);
    if (field === undefined) throw invalidColumn(ref);
    if (index === parts.length - 1) {
      if (hops.length > maxRelations) {
        throw new ZohoApiError(400, 'LIMIT_EXCEEDED', `a column can use at most ${maxRelations} relations`, { by: 'relations', limit: maxRelations, column_name: ref.text });
      }
      return { text: ref.text, hops, field };
    }
    const targets = field.lookupModules ?? [];
    const target = targets[0];
    // A polymorphic lookup names its module with `->`; user lookups cannot be followed here.
    if (field.type !== 'lookup' || targets.length !== 1 || target === undefined) throw invalidColumn(ref);
    hops.push({ field, module: target });
    current = target;
  }
  throw invalidColumn(ref);
}

/** The stored value a column reads on `record` (null when a lookup on the way is empty). */
export function columnValue(store: ZohoRecordStore, column: ResolvedColumn, record: ZohoStoredRecord): ZohoStoredValue {
  let row: ZohoStoredRecord | undefined = record;
  for (const hop of column.hops) {
    const id: ZohoStoredValue | undefined = row[hop.field.apiName];
    if (typeof id !== 'string') return null;
    if (hop.field.apiName === 'What_Id' && row[seModuleKey] !== hop.module) return null;
    const found = store.byId(id);
    if (found === undefined || found.module !== hop.module) return null;
    row = found.record;
  }
  return row[column.field.apiName] ?? null;
}
