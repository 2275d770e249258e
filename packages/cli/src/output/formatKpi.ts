import type { Interval, KpiUnit, KpiWarning } from '@kizuna/metrics';

const unitWords: Record<KpiUnit, string> = {
  points: 'points',
  share: 'share',
  hours: 'hours',
  days: 'days',
  score: 'score',
  ratio: 'ratio of revenue',
};

export function unitWord(unit: KpiUnit): string {
  return unitWords[unit];
}

/** A KPI value in its unit: NPS points signed, shares and revenue ratios as %, durations with h/d. */
export function formatValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'points':
      return `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
    case 'share':
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} h`;
    case 'days':
      return `${value.toFixed(1)} d`;
    case 'score':
      return value.toFixed(2);
  }
}

/** `+8.1 … +22.0 (95%)`, or empty when there is no interval. */
export function formatInterval(interval: Interval | null, unit: KpiUnit): string {
  if (interval === null || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return '';
  return `${formatValue(interval.low, unit)} … ${formatValue(interval.high, unit)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const dimensionWords: Readonly<Record<string, string>> = {
  businessUnitId: 'business unit',
  productLineId: 'product line',
  segmentId: 'segment',
  teamId: 'team',
  accountId: 'account',
  journeyStage: 'journey stage',
  channel: 'channel',
  period: 'period',
};

export function dimensionWord(dimension: string): string {
  return dimensionWords[dimension] ?? dimension;
}

/** A coded warning in words, for people. */
export function describeWarning(warning: KpiWarning): string {
  const detail = warning.detail ?? {};
  switch (warning.code) {
    case 'no_data':
      return 'no data';
    case 'small_sample':
      return `small sample (n ${String(detail['n'] ?? '?')} < ${String(detail['minimum'] ?? '?')}): indicative only`;
    case 'suppressed':
      return `hidden: fewer than ${String(detail['minimum'] ?? 5)} respondents (anonymity)`;
    case 'stale':
      return 'the newest data is older than expected';
    case 'unmapped':
      return 'a field this KPI needs is not in the data';
    case 'unsupported_cut':
      return `this KPI has no cut by ${dimensionWord(String(detail['dimension'] ?? '?'))}: left out`;
  }
}
