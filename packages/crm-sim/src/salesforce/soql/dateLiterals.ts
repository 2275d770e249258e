import { malformedQuery } from '../salesforceApiError';

/** A date literal's span, `[start, end)` in epoch ms, UTC. */
export interface DateRange {
  readonly start: number;
  readonly end: number;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';
const dayMs = 86_400_000;

function startOf(unit: Unit, at: number): number {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = Date.UTC(year, month, date.getUTCDate());
  switch (unit) {
    case 'day':
      return day;
    case 'week': // weeks start on Sunday (the default en_US locale)
      return day - date.getUTCDay() * dayMs;
    case 'month':
      return Date.UTC(year, month, 1);
    case 'quarter':
      return Date.UTC(year, month - (month % 3), 1);
    case 'year':
      return Date.UTC(year, 0, 1);
  }
}

function add(unit: Unit, at: number, count: number): number {
  if (unit === 'day') return at + count * dayMs;
  if (unit === 'week') return at + count * 7 * dayMs;
  const date = new Date(at);
  const months = unit === 'month' ? count : unit === 'quarter' ? count * 3 : count * 12;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

const unitOf: Record<string, Unit> = {
  DAY: 'day',
  DAYS: 'day',
  WEEK: 'week',
  WEEKS: 'week',
  MONTH: 'month',
  MONTHS: 'month',
  QUARTER: 'quarter',
  QUARTERS: 'quarter',
  YEAR: 'year',
  YEARS: 'year',
};

function span(unit: Unit, now: number, from: number, to: number): DateRange {
  const start = startOf(unit, now);
  return { start: add(unit, start, from), end: add(unit, start, to) };
}

function relative(name: string, now: number): DateRange | undefined {
  const fixed: Record<string, [Unit, number, number]> = {
    TODAY: ['day', 0, 1],
    YESTERDAY: ['day', -1, 0],
    TOMORROW: ['day', 1, 2],
    LAST_90_DAYS: ['day', -90, 1],
    NEXT_90_DAYS: ['day', 1, 91],
  };
  const known = fixed[name];
  if (known !== undefined) return span(known[0], now, known[1], known[2]);
  const match = /^(THIS|LAST|NEXT)_(?:FISCAL_)?(WEEK|MONTH|QUARTER|YEAR)$/.exec(name);
  const unit = match?.[2] === undefined ? undefined : unitOf[match[2]];
  if (match === null || unit === undefined) return undefined;
  const offset = match[1] === 'LAST' ? -1 : match[1] === 'NEXT' ? 1 : 0;
  return span(unit, now, offset, offset + 1);
}

function withN(name: string, n: number, now: number): DateRange | undefined {
  const lastNext = /^(LAST|NEXT)_N_(?:FISCAL_)?(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)$/.exec(name);
  const ago = /^N_(?:FISCAL_)?(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO$/.exec(name);
  const unitName = lastNext?.[2] ?? ago?.[1];
  const unit = unitName === undefined ? undefined : unitOf[unitName];
  if (unit === undefined) return undefined;
  if (ago !== null) return span(unit, now, -n, -n + 1);
  if (lastNext?.[1] === 'NEXT') return span(unit, now, 1, n + 1);
  // LAST_N_DAYS:n includes today; LAST_N_WEEKS/MONTHS/… cover the n whole units before this one.
  return unit === 'day' ? span(unit, now, -n, 1) : span(unit, now, -n, 0);
}

/**
 * Resolves `TODAY`, `LAST_MONTH`, `LAST_N_DAYS:30`, `N_WEEKS_AGO:2` … to a UTC range relative
 * to `now`. Fiscal literals use the calendar year (the simulated org has no fiscal-year setup).
 */
export function resolveDateLiteral(literal: string, now: number): DateRange {
  const [name = '', nText] = literal.toUpperCase().split(':');
  const range = nText === undefined ? relative(name, now) : withN(name, Number(nText), now);
  if (range === undefined || (nText !== undefined && !/^\d+$/.test(nText))) {
    throw malformedQuery(`unexpected token: '${literal}'`);
  }
  return range;
}
