import type { ZohoFieldSpec, ZohoModuleSpec } from './zohoModuleSpecs';
import type { ZohoUser } from './zohoUsers';

/**
 * A stored field value: text, number, boolean, null or a multi-select's values. Lookups and
 * users hold the target's id, datetimes epoch ms, dates `YYYY-MM-DD`.
 */
export type ZohoStoredValue = string | number | boolean | null | readonly string[];
export type ZohoStoredRecord = Record<string, ZohoStoredValue>;

/** A multi-select's values (`Array.isArray` does not narrow readonly arrays out of a union). */
export function isValueList(value: ZohoStoredValue | undefined): value is readonly string[] {
  return Array.isArray(value);
}

/** A JSON value that is an array of strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The key that sits next to `What_Id` and names the module it points at. */
export const seModuleKey = '$se_module';

/**
 * The org's records by module, with an id index and unique-field indexes. Knows nothing of
 * HTTP; the resources validate before writing here.
 */
export class ZohoRecordStore {
  readonly #modules: ReadonlyMap<string, ZohoModuleSpec>;
  readonly #fields: ReadonlyMap<string, ReadonlyMap<string, ZohoFieldSpec>>;
  readonly #records = new Map<string, ZohoStoredRecord[]>();
  readonly #byId = new Map<string, { readonly module: string; readonly record: ZohoStoredRecord }>();
  /** `module.field` → lower-cased value → record id. */
  readonly #unique = new Map<string, Map<string, string>>();
  readonly #uniqueByModule = new Map<string, ReadonlyArray<readonly [string, Map<string, string>]>>();
  readonly #users: ReadonlyMap<string, ZohoUser>;
  readonly #moduleIds: ReadonlyMap<string, string>;
  readonly nextId: () => string;
  readonly now: () => number;

  constructor(specs: readonly ZohoModuleSpec[], users: readonly ZohoUser[], nextId: () => string, now: () => number) {
    this.#modules = new Map(specs.map((spec) => [spec.apiName, spec]));
    this.#fields = new Map(specs.map((spec) => [spec.apiName, new Map(spec.fields.map((field) => [field.apiName, field]))]));
    for (const spec of specs) {
      this.#records.set(spec.apiName, []);
      for (const field of spec.fields) if (field.unique === true) this.#unique.set(`${spec.apiName}.${field.apiName}`, new Map());
    }
    this.#users = new Map(users.map((user) => [user.id, user]));
    this.#moduleIds = new Map(specs.map((spec) => [spec.apiName, nextId()]));
    this.nextId = nextId;
    this.now = now;
  }

  module(apiName: string): ZohoModuleSpec | undefined {
    return this.#modules.get(apiName);
  }

  /** The module's own id (as in `duplicate_record.module.id`). */
  moduleId(apiName: string): string | null {
    return this.#moduleIds.get(apiName) ?? null;
  }

  modules(): readonly ZohoModuleSpec[] {
    return [...this.#modules.values()];
  }

  field(module: string, apiName: string): ZohoFieldSpec | undefined {
    return this.#fields.get(module)?.get(apiName);
  }

  records(module: string): readonly ZohoStoredRecord[] {
    return this.#records.get(module) ?? [];
  }

  byId(id: string): { readonly module: string; readonly record: ZohoStoredRecord } | undefined {
    return this.#byId.get(id);
  }

  user(id: string): ZohoUser | undefined {
    return this.#users.get(id);
  }

  users(): readonly ZohoUser[] {
    return [...this.#users.values()];
  }

  /** The `name` a lookup to `id` shows: the target's display field (a user's full name). */
  displayName(id: string): string | null {
    const user = this.#users.get(id);
    if (user !== undefined) return user.full_name;
    const found = this.#byId.get(id);
    if (found === undefined) return null;
    const display = this.module(found.module)?.displayField;
    const value = display === undefined ? null : (found.record[display] ?? null);
    return typeof value === 'string' ? value : null;
  }

  /** The record holding `value` in unique field `module.field` (case-insensitive), if any. */
  findUnique(module: string, field: string, value: string): ZohoStoredRecord | undefined {
    const id = this.#unique.get(`${module}.${field}`)?.get(value.toLowerCase());
    return id === undefined ? undefined : this.#byId.get(id)?.record;
  }

  /** Adds a complete record (it must carry its `id`). */
  add(module: string, record: ZohoStoredRecord): ZohoStoredRecord {
    const list = this.#records.get(module);
    const id = record['id'];
    if (list === undefined) throw new Error(`no module ${module} in the org`);
    if (typeof id !== 'string') throw new Error(`a ${module} record needs an id`);
    list.push(record);
    this.#byId.set(id, { module, record });
    this.#index(module, record, id);
    return record;
  }

  /** Overwrites the given fields of a stored record and keeps the unique indexes right. */
  patch(module: string, id: string, fields: Readonly<ZohoStoredRecord>): ZohoStoredRecord {
    const found = this.#byId.get(id);
    if (found === undefined || found.module !== module) throw new Error(`no ${module} record ${id}`);
    this.#unindex(module, found.record);
    Object.assign(found.record, fields);
    this.#index(module, found.record, id);
    return found.record;
  }

  /** The module's unique fields and their indexes (none for most modules). */
  #uniqueOf(module: string): ReadonlyArray<readonly [string, Map<string, string>]> {
    let list = this.#uniqueByModule.get(module);
    if (list === undefined) {
      list = [...this.#unique].flatMap(([key, index]) => {
        const [indexModule, field] = key.split('.');
        return indexModule === module && field !== undefined ? [[field, index] as const] : [];
      });
      this.#uniqueByModule.set(module, list);
    }
    return list;
  }

  #index(module: string, record: ZohoStoredRecord, id: string): void {
    for (const [field, index] of this.#uniqueOf(module)) {
      const value = record[field];
      if (typeof value === 'string' && value !== '') index.set(value.toLowerCase(), id);
    }
  }

  #unindex(module: string, record: ZohoStoredRecord): void {
    for (const [field, index] of this.#uniqueOf(module)) {
      const value = record[field];
      if (typeof value === 'string') index.delete(value.toLowerCase());
    }
  }
}
