import type { SalesforceSchema } from './salesforceSchema';
import type { RecordSource } from './soql/recordSource';
import type { FieldValue, MutableRecord, StoredRecord } from './storedRecord';

type UndoEntry =
  | { readonly kind: 'insert'; readonly objectName: string; readonly record: MutableRecord }
  | { readonly kind: 'update'; readonly objectName: string; readonly record: MutableRecord; readonly previous: Readonly<Record<string, FieldValue | undefined>> };

export interface FoundRecord {
  readonly objectName: string;
  readonly record: StoredRecord;
}

/** What the store starts from: the seeded records and each object's id sequence. */
export interface RecordStoreSeed {
  readonly records: ReadonlyMap<string, MutableRecord[]>;
  nextId(objectName: string): string;
}

function indexBy(records: readonly MutableRecord[], field: string, normalise: (value: string) => string): Map<string, MutableRecord[]> {
  const index = new Map<string, MutableRecord[]>();
  for (const record of records) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const key = normalise(value);
    const list = index.get(key);
    if (list === undefined) index.set(key, [record]);
    else list.push(record);
  }
  return index;
}

const sameCase = (value: string): string => value;
const anyCase = (value: string): string => value.toLowerCase();

/**
 * The org's records, readable by the SOQL executor (`RecordSource`) and writable by the sObject
 * resources. Writes inside `begin()` … `commit()`/`rollback()` are logged so that a rollback
 * undoes them (composite `allOrNone`, sObject Collections `allOrNone`); savepoints nest. Deletes
 * are soft, as Salesforce's recycle bin: `IsDeleted` becomes true and queryAll still sees the row.
 */
export class RecordStore implements RecordSource {
  readonly #records: ReadonlyMap<string, MutableRecord[]>;
  readonly #byId = new Map<string, { readonly objectName: string; readonly record: MutableRecord }>();
  readonly #indexes = new Map<string, Map<string, MutableRecord[]>>();
  readonly #undo: UndoEntry[] = [];
  readonly #savepoints: number[] = [];
  readonly #nextId: (objectName: string) => string;

  constructor(
    readonly schema: SalesforceSchema,
    seed: RecordStoreSeed,
    readonly now: () => number,
  ) {
    this.#records = seed.records;
    this.#nextId = seed.nextId;
    for (const [objectName, list] of seed.records) {
      for (const record of list) this.#byId.set(String(record['Id']), { objectName, record });
    }
  }

  records(objectName: string): readonly StoredRecord[] {
    return this.#records.get(this.schema.object(objectName)?.name ?? '') ?? [];
  }

  /** The record with this exact 18-char id, deleted or not. */
  recordById(id: string): FoundRecord | undefined {
    return this.#byId.get(id);
  }

  childrenOf(childObject: string, field: string, parentId: string): readonly StoredRecord[] {
    return this.#index(childObject, field, sameCase).get(parentId) ?? [];
  }

  /** Live (not deleted) records whose text `field` equals `value`, ignoring case (external ids, unique fields). */
  findByField(objectName: string, field: string, value: string): readonly StoredRecord[] {
    const matches = this.#index(objectName, field, anyCase).get(value.toLowerCase()) ?? [];
    return matches.filter((record) => record['IsDeleted'] !== true);
  }

  /** Adds a record with a fresh id (`IsDeleted` false) and returns it. */
  insert(objectName: string, fields: Readonly<Record<string, FieldValue>>): StoredRecord {
    const list = this.#records.get(objectName);
    if (list === undefined) throw new Error(`no object ${objectName} in the store`);
    const record: MutableRecord = { ...fields, Id: this.#nextId(objectName), IsDeleted: false };
    list.push(record);
    this.#byId.set(String(record['Id']), { objectName, record });
    this.#log({ kind: 'insert', objectName, record });
    return record;
  }

  /** Sets `changes` on the record with id `id` (which must exist) and returns it. */
  update(id: string, changes: Readonly<Record<string, FieldValue>>): StoredRecord {
    const found = this.#byId.get(id);
    if (found === undefined) throw new Error(`no record ${id} in the store`);
    const previous: Record<string, FieldValue | undefined> = {};
    for (const key of Object.keys(changes)) previous[key] = found.record[key];
    Object.assign(found.record, changes);
    this.#log({ kind: 'update', objectName: found.objectName, record: found.record, previous });
    return found.record;
  }

  /** Opens a (nested) savepoint: writes from here on can be rolled back. */
  begin(): void {
    this.#savepoints.push(this.#undo.length);
  }

  /** Keeps the writes since the last `begin()` (an enclosing savepoint can still undo them). */
  commit(): void {
    this.#savepoints.pop();
    if (this.#savepoints.length === 0) this.#undo.length = 0;
  }

  /** Undoes every write since the last `begin()`, newest first. */
  rollback(): void {
    const mark = this.#savepoints.pop() ?? 0;
    while (this.#undo.length > mark) {
      const entry = this.#undo.pop();
      if (entry !== undefined) this.#undoEntry(entry);
    }
    this.#indexes.clear();
  }

  #undoEntry(entry: UndoEntry): void {
    if (entry.kind === 'insert') {
      const list = this.#records.get(entry.objectName) ?? [];
      const at = list.lastIndexOf(entry.record);
      if (at >= 0) list.splice(at, 1);
      this.#byId.delete(String(entry.record['Id']));
      return;
    }
    // A field the record did not hold reads as null, exactly as before the update.
    for (const [key, value] of Object.entries(entry.previous)) entry.record[key] = value ?? null;
  }

  #log(entry: UndoEntry): void {
    if (this.#savepoints.length > 0) this.#undo.push(entry);
    // Indexes of the written object are rebuilt lazily on next use.
    for (const key of [...this.#indexes.keys()]) if (key.startsWith(`${entry.objectName}.`)) this.#indexes.delete(key);
  }

  #index(objectName: string, field: string, normalise: (value: string) => string): Map<string, MutableRecord[]> {
    const key = `${objectName}.${field}.${normalise === anyCase ? 'ci' : 'cs'}`;
    let index = this.#indexes.get(key);
    if (index === undefined) {
      index = indexBy(this.#records.get(objectName) ?? [], field, normalise);
      this.#indexes.set(key, index);
    }
    return index;
  }
}
