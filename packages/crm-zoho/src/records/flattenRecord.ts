import type { ZohoRecord } from '../gateway';

const zonedDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/;

function isLookup(value: unknown): value is { readonly id: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';
}

function flatValue(value: unknown): unknown {
  // Lookups `{name, id}` and users `{name, id, email}` → the id (the canonical model links by id).
  if (isLookup(value)) return value.id;
  // Date-times come in the API user's zone (`2025-06-30T17:41:09+09:00`): the same instant in UTC.
  if (typeof value === 'string' && zonedDateTime.test(value)) {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  }
  // Multi-select picklists stay arrays; numbers, booleans, dates (`yyyy-MM-dd`) and text pass through.
  return value;
}

/**
 * A Zoho record with lookups reduced to their ids and zoned date-times in UTC, ready for
 * `mapRecord`. Ids stay strings (19 digits do not fit a double). Dotted join columns of COQL
 * (`Account_Name.Kizuna_Segment`) are kept under their dotted names.
 */
export function flattenRecord(record: ZohoRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, flatValue(value)]));
}
