/**
 * How the simulated org holds a record: API field name → value. Dates are `YYYY-MM-DD`
 * strings, datetimes epoch milliseconds (formatted `…000+0000` only on the wire), empty is `null`.
 */
export type FieldValue = string | number | boolean | null;
export type StoredRecord = Readonly<Record<string, FieldValue>>;
/** The store's own, writable view of a record (writes go through `RecordStore`). */
export type MutableRecord = Record<string, FieldValue>;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2026-05-20T20:49:32.000+0000`: the REST wire form of a datetime (UTC, no colon in the offset). */
export function formatSalesforceDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export function utcDateOf(epochMs: number): string {
  return formatSalesforceDateTime(epochMs).slice(0, 10);
}
