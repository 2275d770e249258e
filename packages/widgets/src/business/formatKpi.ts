import type { Interval } from '@kizuna/metrics';
import type { Translator } from '../i18n/translator';
import type { ColumnUnit } from './businessColumns';

/** A KPI value in the locale: NPS points signed, shares as percentages, hours with their unit. */
export function formatKpiValue(translator: Translator, unit: ColumnUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return translator.t('value.none');
  switch (unit) {
    case 'points':
      return translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' });
    case 'share':
      return translator.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
    case 'score':
      return translator.formatNumber(value, { maximumFractionDigits: 1 });
    case 'hours':
      return translator.t('value.hours', { value: translator.formatNumber(value, { maximumFractionDigits: 1 }) });
  }
}

/** An interval as "low to high" in the value's own format. */
export function formatInterval(translator: Translator, unit: ColumnUnit, interval: Interval | null): string | undefined {
  if (interval === null) return undefined;
  return translator.t('value.interval', { low: formatKpiValue(translator, unit, interval.low), high: formatKpiValue(translator, unit, interval.high) });
}

/** A difference between two values: points signed, shares in percentage points, hours signed. */
export function formatDifference(translator: Translator, unit: ColumnUnit, value: number): string {
  if (unit === 'share') return `${translator.formatNumber(value * 100, { signDisplay: 'exceptZero', maximumFractionDigits: 0 })} pt`;
  if (unit === 'hours') return translator.t('value.hours', { value: translator.formatNumber(value, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }) });
  return translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' });
}

/** Money in the locale (JPY without decimals, others with the currency's own). */
export function formatMoney(translator: Translator, amount: number, currency: string): string {
  return translator.formatCurrency(amount, currency, { notation: 'compact', maximumFractionDigits: 1 });
}
