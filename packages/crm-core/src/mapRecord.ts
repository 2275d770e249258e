import { parseEntity, type EntityOf, type EntityName, type ParseResult } from '@kizuna/model';
import type { ObjectMapping } from './fieldMapping';

/** Canonical fields that hold instants; CRM values are normalised to ISO 8601 with `Z`. */
const dateTimeFields = new Set([
  'occurredAt',
  'respondedAt',
  'openedAt',
  'firstResponseAt',
  'closedAt',
  'createdAt',
  'dueAt',
  'snoozedUntil',
  'followUp.dueAt',
  'followUp.closedAt',
]);
/** Canonical fields that a CRM keeps as a JSON text (long text area). */
const jsonFields = new Set(['driverScores', 'itemMeans']);
/** Canonical lists that a CRM keeps as a long text, one item a line. */
const lineFields = new Set(['reasons']);

/**
 * A CRM datetime in canonical form. Salesforce REST sends `2026-05-20T20:49:32.000+0000`
 * (offset without a colon), which ECMAScript's date-time format does not include; a date-only
 * value (e.g. Task.ActivityDate) becomes midnight UTC.
 */
export function normaliseDateTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00.000Z`;
  const compact = /^(.*T[\d:.]+)([+-])(\d{2})(\d{2})$/.exec(value);
  if (compact === null) return value;
  const [, local, sign, hours, minutes] = compact;
  const iso = `${local}${sign}${hours}:${minutes}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function readSource(record: Readonly<Record<string, unknown>>, source: string | readonly string[]): unknown {
  for (const field of typeof source === 'string' ? [source] : source) {
    const value = record[field];
    if (value !== null && value !== undefined && value !== '') return value;
  }
  return undefined;
}

/**
 * A value translated through the mapping's table for its field: listed CRM values map to their
 * canonical value; the key `''` gives the value for an empty field and `*` the value for anything
 * not listed (empty included, unless `''` is given). Unlisted values without `*` pass through and
 * are judged by validation.
 */
function translate(table: Readonly<Record<string, string | boolean>> | undefined, raw: unknown): unknown {
  if (table === undefined) return raw;
  if (raw === undefined) return table[''] ?? table['*'];
  // Only scalars are listed. Anything else (an object in a malformed answer, whose `toString` may
  // not even be a function) passes on to validation, which names the field.
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return table['*'] ?? raw;
  const key = String(raw);
  // Own keys only: a CRM value such as "constructor" must not pick up Object's.
  if (Object.hasOwn(table, key)) return table[key];
  return table['*'] ?? raw;
}

function convert(field: string, raw: unknown, mapping: ObjectMapping): unknown {
  const value = translate(mapping.values?.[field], raw);
  if (typeof value === 'string' && dateTimeFields.has(field)) return normaliseDateTime(value);
  if (typeof value === 'string' && lineFields.has(field)) {
    return value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  }
  if (typeof value === 'string' && jsonFields.has(field)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // left as text: validation names the field and says it is not an object
    }
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  const last = parts[parts.length - 1];
  if (last !== undefined) node[last] = value;
}

/**
 * Maps one CRM record to a canonical entity through a field mapping, then validates it.
 * Empty CRM values are omitted (never set to `undefined`), so optional fields stay optional
 * and required ones are reported as missing with the entity and field named.
 */
export function mapRecord<TName extends EntityName>(
  entity: TName,
  mapping: ObjectMapping,
  record: Readonly<Record<string, unknown>>,
): ParseResult<EntityOf<TName>> {
  const canonical: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(mapping.constants ?? {})) setPath(canonical, field, value);
  for (const [field, source] of Object.entries(mapping.fields)) {
    const raw = readSource(record, source);
    if (raw === undefined && jsonFields.has(field)) {
      setPath(canonical, field, {}); // an empty long-text field means "no items", not a missing field
      continue;
    }
    const value = convert(field, raw, mapping);
    if (value !== undefined) setPath(canonical, field, value);
  }
  return parseEntity(entity, canonical);
}
