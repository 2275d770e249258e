import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dimensions, kpiIds, type Dimension, type KpiId } from '@kizuna/metrics';

/** A time window [from, to) as ISO instants. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

/** What `kizuna analyze` was asked to do, checked. */
export interface AnalyzeOptions {
  /** The data directory as given, for messages. */
  readonly dataArg: string;
  /** The data directory, absolute. */
  readonly dataDir: string;
  readonly groupBy: readonly Dimension[];
  readonly kpis: readonly KpiId[];
  readonly json: boolean;
  readonly window: TimeWindow | undefined;
}

export type AnalyzeArgs =
  | { readonly kind: 'options'; readonly options: AnalyzeOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usageError'; readonly message: string };

/** The window's open ends: before any CX data and far after it. */
export const openStart = '1970-01-01T00:00:00.000Z';
export const openEnd = '9999-12-31T23:59:59.999Z';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

class UsageError extends Error {}

/** `--by a,b --by c` → [a, b, c]. */
function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

function checkedList<T extends string>(option: string, given: string[], allowed: readonly T[], what: string): T[] {
  const unknown = given.filter((value) => !isOneOf(allowed, value));
  if (unknown.length > 0) {
    throw new UsageError(`unknown ${what} for --${option}: ${unknown.join(', ')}\nValid ${what}s: ${allowed.join(', ')}`);
  }
  return [...new Set(given.filter((value) => isOneOf(allowed, value)))];
}

function instant(option: string, text: string): string {
  const iso = isoDate.test(text) ? `${text}T00:00:00Z` : text;
  const time = isoDate.test(text) || isoDateTime.test(text) ? Date.parse(iso) : Number.NaN;
  // A calendar date must exist: Date.parse would roll 2026-02-30 over to March.
  const realDate = !isoDate.test(text) || (!Number.isNaN(time) && new Date(time).toISOString().startsWith(text));
  if (Number.isNaN(time) || !realDate) {
    throw new UsageError(`--${option} must be a date YYYY-MM-DD or an ISO 8601 date-time with Z or ±HH:MM (got ${text})`);
  }
  return new Date(time).toISOString();
}

function windowOf(from: string | undefined, to: string | undefined): TimeWindow | undefined {
  if (from === undefined && to === undefined) return undefined;
  const window = { from: from === undefined ? openStart : instant('from', from), to: to === undefined ? openEnd : instant('to', to) };
  if (Date.parse(window.from) >= Date.parse(window.to)) throw new UsageError(`--from must be before --to (got ${window.from} … ${window.to})`);
  return window;
}

function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: false,
    strict: true,
    options: {
      data: { type: 'string' },
      by: { type: 'string', multiple: true },
      kpi: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

/** Reads the arguments after `analyze`; never throws. */
export function parseAnalyzeArgs(argv: readonly string[], cwd: string): AnalyzeArgs {
  try {
    const values = readArgs(argv);
    if (values.help) return { kind: 'help' };
    if (values.data === undefined || values.data === '') throw new UsageError('--data DIR is required');
    const groupBy = listOf(values.by);
    const kpis = listOf(values.kpi);
    const options: AnalyzeOptions = {
      dataArg: values.data,
      dataDir: isAbsolute(values.data) ? values.data : resolve(cwd, values.data),
      groupBy: groupBy.length === 0 ? ['businessUnitId'] : checkedList('by', groupBy, dimensions, 'dimension'),
      kpis: kpis.length === 0 ? [...kpiIds] : checkedList('kpi', kpis, kpiIds, 'KPI id'),
      json: values.json,
      window: windowOf(values.from, values.to),
    };
    return { kind: 'options', options };
  } catch (error) {
    return { kind: 'usageError', message: error instanceof Error ? error.message : String(error) };
  }
}
