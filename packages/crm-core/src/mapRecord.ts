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

function convert(field: string, value: unknown, mapping: ObjectMapping): unknown {
  const table = mapping.values?.[field];
  if (table !== undefined) {
    const key = String(value);
    if (key in table) return table[key];
    if ('*' in table) return table['*'];
  }
  if (typeof value === 'string' && dateTimeFields.has(field)) return normaliseDateTime(value);
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
    const hasDefault = mapping.values?.[field]?.['*'] !== undefined;
    if (raw === undefined && !hasDefault) continue;
    setPath(canonical, field, convert(field, raw, mapping));
  }
  return parseEntity(entity, canonical);
}
