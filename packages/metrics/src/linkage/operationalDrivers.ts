import type { Interval } from '../nps';
import { accountOperations, type AccountOperations, type OperationalInput } from './accountOperations';
import { correlationEstimate, pearson, ranks, spearmanEstimate, type CorrelationEstimate } from './correlationEstimate';
import type { OperationalWarning } from './linkageWarnings';
import { rateRatio, type RateRatio } from './rateRatio';
import { wilsonIntervalOrNull } from './wilsonInterval';

export type OperationalMetric = 'median_resolution_hours' | 'sla_compliance' | 'escalation_rate' | 'onboarding_days';

/** Which end of each metric is the bad one. */
export const operationalMetricWorseWhen: Readonly<Record<OperationalMetric, 'higher' | 'lower'>> = {
  median_resolution_hours: 'higher',
  sla_compliance: 'lower',
  escalation_rate: 'higher',
  onboarding_days: 'higher',
};

const metricOf: Readonly<Record<OperationalMetric, (a: AccountOperations) => number | null>> = {
  median_resolution_hours: (a) => a.medianResolutionHours,
  sla_compliance: (a) => a.slaCompliance,
  escalation_rate: (a) => a.escalationRate,
  onboarding_days: (a) => a.onboardingDays,
};

/** Churn among the accounts of one quartile of a metric. */
export interface ChurnQuartile {
  /** 1 = best quarter of accounts … 4 = worst, whichever end of the metric is bad. */
  readonly quartile: 1 | 2 | 3 | 4;
  /** Range of the metric in this quartile, in its own units. */
  readonly from: number;
  readonly to: number;
  readonly accounts: number;
  readonly churned: number;
  readonly churnRate: number;
  /** Wilson interval of the churn rate. */
  readonly interval: Interval | null;
}

export interface OperationalDriverEffect {
  readonly metric: OperationalMetric;
  readonly worseWhen: 'higher' | 'lower';
  /** Accounts with a value of the metric. */
  readonly accounts: number;
  readonly quartiles: readonly ChurnQuartile[];
  /** Churn rate of the worst quartile over the other three, with a log-method interval. */
  readonly worstQuartileVsRest: RateRatio | null;
  /** Point-biserial correlation of the metric with churn (1 = churned). */
  readonly churnCorrelation: CorrelationEstimate | null;
  /** Spearman correlation of the metric with the account's mean relationship NPS score. */
  readonly npsCorrelation: CorrelationEstimate | null;
  readonly warnings: readonly OperationalWarning[];
}

export interface OperationalDriversOptions {
  readonly metrics?: readonly OperationalMetric[];
  /** Lets open cases already past their SLA count as breaches. */
  readonly asOf?: string;
  readonly level?: number;
  /** Fewer accounts with the metric than this → `small_sample`; default 40. */
  readonly minimumAccounts?: number;
}

/**
 * Quartile 1–4 by "badness" (the value, or −value when lower is worse), from each account's mid-rank:
 * quartile = ⌈4 · midrank / n⌉. Tied accounts share a quartile, so with many ties (e.g. 100 %
 * SLA compliance) some quartiles hold more than a quarter of the accounts and others none.
 */
function quartiles(rows: readonly { value: number; churned: boolean }[], worseWhen: 'higher' | 'lower', level: number): ChurnQuartile[] {
  const badness = rows.map((row) => (worseWhen === 'higher' ? row.value : -row.value));
  const midranks = ranks(badness);
  const groups = [1, 2, 3, 4].map(() => [] as { value: number; churned: boolean }[]);
  rows.forEach((row, i) => {
    const quartile = Math.min(4, Math.max(1, Math.ceil((4 * (midranks[i] ?? 1)) / rows.length)));
    groups[quartile - 1]?.push(row);
  });
  return groups.flatMap((group, index) => {
    if (group.length === 0) return [];
    const churned = group.filter((row) => row.churned).length;
    const values = group.map((row) => row.value);
    return [{
      quartile: (index + 1) as 1 | 2 | 3 | 4,
      from: values.reduce((a, b) => Math.min(a, b)),
      to: values.reduce((a, b) => Math.max(a, b)),
      accounts: group.length,
      churned,
      churnRate: churned / group.length,
      interval: wilsonIntervalOrNull(churned, group.length, level),
    }];
  });
}

function effectOf(metric: OperationalMetric, operations: readonly AccountOperations[], options: OperationalDriversOptions): OperationalDriverEffect {
  const level = options.level ?? 0.95;
  const worseWhen = operationalMetricWorseWhen[metric];
  const rows = operations.flatMap((a) => {
    const value = metricOf[metric](a);
    return value === null ? [] : [{ value, churned: a.churned, nps: a.meanNpsScore }];
  });
  const warnings: OperationalWarning[] = [];
  const minimum = options.minimumAccounts ?? 40;
  if (rows.length < minimum) warnings.push({ code: rows.length === 0 ? 'no_data' : 'small_sample', detail: { n: rows.length, minimum } });
  const groups = rows.length === 0 ? [] : quartiles(rows, worseWhen, level);
  const worst = groups.find((group) => group.quartile === 4);
  const rest = groups.filter((group) => group.quartile !== 4);
  const restTotals = { n: rest.reduce((s, g) => s + g.accounts, 0), events: rest.reduce((s, g) => s + g.churned, 0) };
  if (rows.length > 0 && (worst === undefined || worst.accounts < rows.length / 8 || worst.accounts > (3 * rows.length) / 8)) warnings.push({ code: 'tied_values', detail: { metric } });
  const withNps = rows.flatMap((row) => (row.nps === null ? [] : [{ value: row.value, nps: row.nps }]));
  return {
    metric,
    worseWhen,
    accounts: rows.length,
    quartiles: groups,
    worstQuartileVsRest: worst === undefined ? null : rateRatio({ n: worst.accounts, events: worst.churned }, restTotals, level),
    churnCorrelation: correlationEstimate(pearson(rows.map((r) => r.value), rows.map((r) => (r.churned ? 1 : 0))), rows.length, { level }),
    npsCorrelation: spearmanEstimate(withNps.map((r) => r.value), withNps.map((r) => r.nps), level),
    warnings,
  };
}

/**
 * Operational drivers of CX outcomes (DOMAIN.md "comprehensive measurement programme"): for each
 * account-level operational metric, churn by quartile (Wilson intervals), the worst quartile's
 * churn rate ratio against the rest (log-method interval), and correlations with churn
 * (point-biserial) and with mean relationship NPS score (Spearman). Associations, not causes.
 */
export function operationalDrivers(input: OperationalInput, options: OperationalDriversOptions = {}): OperationalDriverEffect[] {
  const operations = accountOperations(input, options.asOf === undefined ? {} : { asOf: options.asOf });
  const metrics = options.metrics ?? (Object.keys(operationalMetricWorseWhen) as OperationalMetric[]);
  return metrics.map((metric) => effectOf(metric, operations, options));
}
