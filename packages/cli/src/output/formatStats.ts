import type { Interval } from '@kizuna/metrics';
import { formatCount } from './formatKpi';

const dash = '—';

const finite = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/** NPS-like points, signed with one decimal: `+12.3`, `-4.0`; `—` when absent. */
export function formatPoints(value: number | null | undefined): string {
  if (!finite(value)) return dash;
  const rounded = Number(value.toFixed(1));
  return `${rounded > 0 ? '+' : ''}${rounded === 0 ? '0.0' : rounded.toFixed(1)}`;
}

/** A share 0–1 as a percentage with one decimal: `83.4%`. */
export function formatPercent(value: number | null | undefined): string {
  return finite(value) ? `${(value * 100).toFixed(1)}%` : dash;
}

/** A number with fixed decimals (correlations, ratios, means): `0.68`, `-0.12`. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  return finite(value) ? value.toFixed(digits) : dash;
}

/** `low … high` with a formatter; empty when there is no interval. */
export function formatRange(interval: Interval | null | undefined, format: (value: number) => string): string {
  if (interval === null || interval === undefined || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return '';
  return `${format(interval.low)} … ${format(interval.high)}`;
}

/** A value followed by its interval in brackets: `-24.6 (-31.0 … -18.2)`; the value alone without one. */
export function withRange(value: string, interval: Interval | null | undefined, format: (value: number) => string): string {
  const range = formatRange(interval, format);
  return range === '' ? value : `${value} (${range})`;
}

/** A p-value: `<0.001`, `0.012`, `0.48`; `—` when not tested. */
export function formatP(p: number | null | undefined): string {
  if (!finite(p)) return dash;
  if (p < 0.001) return '<0.001';
  return p < 0.1 ? p.toFixed(3) : p.toFixed(2);
}

/** `JPY 14,000,000`: whole units with thousands separators. */
export function formatMoneyAmount(amount: number, currency: string): string {
  return `${currency} ${formatCount(Math.round(amount))}`;
}

/** `product_quality` → `product quality`, `adoption_handoff` → `adoption handoff`. */
export function humanise(id: string): string {
  return id.replace(/_/g, ' ');
}

/** `1 account`, `3 accounts`. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : pluralWord}`;
}

/** An interval as plain JSON (or null). */
export function intervalJson(interval: Interval | null | undefined): { low: number; high: number; level: number } | null {
  return interval === null || interval === undefined ? null : { low: interval.low, high: interval.high, level: interval.level };
}
