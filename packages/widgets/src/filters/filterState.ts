import { issueMessage } from '@kizuna/model';
import { z } from 'zod/mini';

/**
 * The dashboard filters — period, business unit, segment — as one validated state that round-trips
 * through URL parameters (`kz_period`, `kz_bu`, `kz_segment`), so a filtered view can be bookmarked
 * and shared. Values come from users and URLs: they are parsed with zod, never trusted.
 */

/** Trailing windows ending at the host's "now", or one calendar quarter `YYYY-Qn`. */
export const periodPresets = ['last_quarter', 'last_half_year', 'last_year'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const quarterPattern = /^(\d{4})-Q([1-4])$/;
const idPattern = /^[A-Za-z0-9_.:-]{1,64}$/;

export const periodSchema = z.union([z.enum(periodPresets), z.string().check(z.regex(quarterPattern, 'must be a quarter YYYY-Qn'))]);
export type Period = z.infer<typeof periodSchema>;

const recordIdSchema = z.string().check(z.regex(idPattern, 'must be a record id'));

export const filterStateSchema = z.strictObject({
  period: periodSchema,
  /** One business unit, or all when absent. */
  businessUnitId: z.optional(recordIdSchema),
  /** One segment (customer type), or all when absent. */
  segmentId: z.optional(recordIdSchema),
});
export type FilterState = z.infer<typeof filterStateSchema>;

export const defaultFilterState: FilterState = { period: 'last_year' };

/** The URL parameter of each filter. Other parameters of the host page are left alone. */
export const filterParameters = { period: 'kz_period', businessUnitId: 'kz_bu', segmentId: 'kz_segment' } as const;

/** A filter parameter that could not be used, and why (shown to the user, then dropped). */
export interface FilterIssue {
  readonly parameter: string;
  readonly message: string;
}

export interface ParsedFilters {
  readonly state: FilterState;
  readonly issues: readonly FilterIssue[];
}

/**
 * Filters from URL parameters: each valid one is kept, each invalid one is reported and replaced by
 * its default, so a bad link still opens a dashboard rather than an error.
 */
export function filtersFromParams(params: URLSearchParams, defaults: FilterState = defaultFilterState): ParsedFilters {
  const issues: FilterIssue[] = [];
  const read = <TValue>(parameter: string, schema: z.ZodMiniType<TValue>): TValue | undefined => {
    const raw = params.get(parameter);
    if (raw === null || raw === '') return undefined;
    const parsed = schema.safeParse(raw, { error: issueMessage });
    if (parsed.success) return parsed.data;
    issues.push({ parameter, message: parsed.error.issues.map((issue) => issue.message).join('; ') });
    return undefined;
  };
  const period = read(filterParameters.period, periodSchema) ?? defaults.period;
  const businessUnitId = read(filterParameters.businessUnitId, recordIdSchema) ?? defaults.businessUnitId;
  const segmentId = read(filterParameters.segmentId, recordIdSchema) ?? defaults.segmentId;
  const state: FilterState = {
    period,
    ...(businessUnitId === undefined ? {} : { businessUnitId }),
    ...(segmentId === undefined ? {} : { segmentId }),
  };
  return { state, issues };
}

/** The filters written into `params` (a copy): defaults and "all" are left out to keep links short. */
export function filtersToParams(state: FilterState, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(params);
  const valid = filterStateSchema.parse(state);
  const set = (name: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === fallback) next.delete(name);
    else next.set(name, value);
  };
  set(filterParameters.period, valid.period, defaultFilterState.period);
  set(filterParameters.businessUnitId, valid.businessUnitId);
  set(filterParameters.segmentId, valid.segmentId);
  return next;
}

/** [from, to) as ISO instants. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

function quarterStart(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

/**
 * The window a period covers: a quarter is its calendar bounds (UTC); a trailing preset ends at
 * `asOf` (the host's "now") and reaches back 3, 6 or 12 months.
 */
export function periodWindow(period: Period, asOf: string): Window {
  const match = quarterPattern.exec(period);
  if (match !== null) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    return { from: quarterStart(year, quarter).toISOString(), to: quarterStart(year, quarter + 1).toISOString() };
  }
  const end = new Date(asOf);
  if (Number.isNaN(end.getTime())) throw new RangeError(`not an instant: ${asOf}`);
  const months = period === 'last_quarter' ? 3 : period === 'last_half_year' ? 6 : 12;
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate(), end.getUTCHours(), end.getUTCMinutes(), end.getUTCSeconds()));
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The calendar quarters `YYYY-Qn` a window touches, oldest first (employee pulses are per quarter). */
export function quartersIn(window: Window): string[] {
  const from = new Date(window.from);
  const to = Date.parse(window.to);
  const quarters: string[] = [];
  let year = from.getUTCFullYear();
  let quarter = Math.floor(from.getUTCMonth() / 3) + 1;
  while (quarterStart(year, quarter).getTime() < to) {
    quarters.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return quarters;
}

/** The last `count` completed quarters before `asOf`, newest first: the choices besides the presets. */
export function recentQuarters(asOf: string, count = 8): string[] {
  const end = new Date(asOf);
  let year = end.getUTCFullYear();
  let quarter = Math.floor(end.getUTCMonth() / 3) + 1;
  const list: string[] = [];
  for (let index = 0; index < count; index += 1) {
    quarter -= 1;
    if (quarter < 1) {
      quarter = 4;
      year -= 1;
    }
    list.push(`${year}-Q${quarter}`);
  }
  return list;
}
