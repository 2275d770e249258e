export { dimensions, type Dimension } from '@kizuna/model';

const QUARTER_MONTHS = 3;

/** The calendar quarter `YYYY-Qn` (UTC) of an instant in milliseconds. */
export function quarterOf(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / QUARTER_MONTHS) + 1}`;
}

/** Start (inclusive) and end (exclusive) of a quarter `YYYY-Qn`, in milliseconds. */
export function quarterBounds(period: string): { readonly start: number; readonly end: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match === null) throw new RangeError(`not a quarter: ${period}`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return {
    start: Date.UTC(year, (quarter - 1) * QUARTER_MONTHS, 1),
    end: Date.UTC(year, quarter * QUARTER_MONTHS, 1),
  };
}
