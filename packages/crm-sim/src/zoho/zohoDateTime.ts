/**
 * Datetimes go out in the API user's time zone with its offset, `2026-03-01T10:00:00+09:00`,
 * and dates as `YYYY-MM-DD` (reference §A "Field value formats", v7 insert-records "Sample
 * Attributes"). The offset comes from the IANA zone through `Intl`, so daylight saving is right.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offsets already computed, per zone and quarter hour (zone transitions fall on quarter hours). */
const offsets = new Map<string, Map<number, number>>();
const quarterHourMs = 15 * 60_000;

/** Offset of `timeZone` from UTC at `epochMs`, in minutes (Tokyo: 540); `Intl` once per quarter hour of a zone. */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  let known = offsets.get(timeZone);
  if (known === undefined) offsets.set(timeZone, (known = new Map()));
  const bucket = Math.floor(epochMs / quarterHourMs);
  const cached = known.get(bucket);
  if (cached !== undefined) return cached;
  const offset = offsetFromIntl(bucket * quarterHourMs, timeZone);
  known.set(bucket, offset);
  return offset;
}

function offsetFromIntl(epochMs: number, timeZone: string): number {
  const parts = new Map(formatterFor(timeZone).formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type) ?? '0');
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `epochMs` as Zoho writes a datetime for a user in `timeZone`, seconds precision. */
export function formatZohoDateTime(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an ISO-8601 datetime with an offset (or `Z`); `null` when it is not one. */
export function parseZohoDateTime(text: string): number | null {
  if (!dateTimePattern.test(text)) return null;
  const value = Date.parse(text);
  return Number.isNaN(value) ? null : value;
}

/** True for a real calendar date `YYYY-MM-DD`. */
export function isZohoDate(text: string): boolean {
  if (!datePattern.test(text)) return false;
  const value = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(value.getTime()) && value.toISOString().slice(0, 10) === text;
}

/** The calendar date of `epochMs` in `timeZone`. */
export function localDateOf(epochMs: number, timeZone: string): string {
  return formatZohoDateTime(epochMs, timeZone).slice(0, 10);
}
