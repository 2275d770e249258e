export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** One quarter of history, e.g. `2026-Q3`, from `startMs` (included) to `endMs` (excluded). */
export interface Period {
  readonly index: number;
  readonly label: string;
  readonly startMs: number;
  /** The quarter's end, or `asOf` for the quarter in progress. */
  readonly endMs: number;
}

function quarterStart(year: number, quarter: number): number {
  return Date.UTC(year, quarter * 3, 1);
}

/**
 * The `count` quarters of history that end at `asOfMs`: the last one is the quarter in progress
 * just before `asOf` (with the default `2026-10-01T00:00:00Z` that is 2026-Q3, complete).
 */
export function historyPeriods(asOfMs: number, count: number): Period[] {
  const last = new Date(asOfMs - 1);
  const lastIndex = last.getUTCFullYear() * 4 + Math.floor(last.getUTCMonth() / 3);
  const periods: Period[] = [];
  for (let index = 0; index < count; index += 1) {
    const absolute = lastIndex - (count - 1) + index;
    const year = Math.floor(absolute / 4);
    const quarter = absolute - year * 4;
    const startMs = quarterStart(year, quarter);
    const endMs = Math.min(quarterStart(year, quarter + 1), asOfMs);
    periods.push({ index, label: `${year}-Q${quarter + 1}`, startMs, endMs });
  }
  return periods;
}

/** Index of the period containing `ms`, or -1 when it is outside the history. */
export function periodIndexAt(periods: readonly Period[], ms: number): number {
  const first = periods[0];
  if (first === undefined || ms < first.startMs) return -1;
  for (const period of periods) {
    if (ms < period.endMs) return period.index;
  }
  return -1;
}

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function pad2(value: number): string {
  return twoDigits[value] ?? String(value).padStart(2, '0');
}

/**
 * `YYYY-MM-DD` of a UTC day number (days since 1970-01-01), by Howard Hinnant's civil-from-days
 * algorithm: the same text as `Date#toISOString` for years 0–9999, several times faster, which
 * matters when formatting millions of timestamps.
 */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `2026-03-14T09:30:00.000Z`, exactly as `new Date(ms).toISOString()`. */
export function toDateTime(ms: number): string {
  const days = Math.floor(ms / dayMs);
  let rest = ms - days * dayMs;
  const hours = Math.floor(rest / hourMs);
  rest -= hours * hourMs;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const fraction = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
  return `${civilDate(days)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${fraction}Z`;
}

/** `2026-03-14`, the UTC day of `ms`. */
export function toDate(ms: number): string {
  return civilDate(Math.floor(ms / dayMs));
}

/** The same calendar day `years` later (29 February falls back to 28). */
export function addYears(ms: number, years: number): number {
  const date = new Date(ms);
  const target = Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate());
  const check = new Date(target);
  return check.getUTCDate() === date.getUTCDate() ? target : target - dayMs;
}

/** Midnight UTC of the day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / dayMs) * dayMs;
}
