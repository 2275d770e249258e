// The aggregates both baselines compute, per fact table and group, and how they become each KPI's
// group totals. Engines differ only in how they compute the aggregates; the mapping is shared, so
// a mismatch with Kizuna points at an engine's query, never at two different mappings.
import { groupKeyOf, type Dimension, type FactSource, type KpiId } from '@kizuna/metrics';
import type { BaselineTables } from './baselineColumns';
import { groupings, keysFromCodes, totalsKey, type EngineTotals, type GroupedTotals, type Grouping, type Totals } from './groupTotals';

/**
 * Aggregate names per source (the columns each engine returns, missing sums = 0):
 * - feedback (window on respondedAt): nps_n, nps_promoters, nps_detractors, csat_n, csat_successes,
 *   ces_n, ces_successes, ces_sum, ces_sumsq
 * - supportCase (window on openedAt): cases_n, escalated, sla_n, sla_successes, frh_n, frh_p50,
 *   frh_p90, res_n, res_p50, res_p90 (quantiles linear, type 7)
 * - opportunity (window on closeDate): renewal_closed, renewal_won, up_n, up_renewing, kept,
 *   won_renewal_amount, won_expansion_n, won_expansion_amount
 * - account: during_n, churned, arr, covered_arr (customers during the window; churned in it;
 *   ARR of those with relationship feedback in it), onboarded_n, onboarding_p50 (completed in it),
 *   health_n, health_sum, health_sumsq (accounts with a health score, whatever the window)
 * - contact: dm_n, dm_heard (decision makers / executive sponsors; those heard from in the window)
 * - employeePulse (window on periodStart, by unit only): promoters, passives, detractors,
 *   respondents, engagementSum
 */
export interface AggregateRow {
  /** Dictionary codes of the group's dimensions in the source's own dictionaries (null/−1 = missing). */
  readonly codes: ReadonlyArray<number | null>;
  readonly values: Readonly<Record<string, number | null>>;
}

export type SourceRows = Readonly<Record<FactSource, readonly AggregateRow[]>>;

/** The dimensions a source is grouped by for a cut: EX pulses have no segment (as the KPIs say). */
export function sourceGroupBy(source: FactSource, grouping: Grouping): readonly Dimension[] {
  return source === 'employeePulse' ? ['businessUnitId'] : grouping.groupBy;
}

type Rule = { readonly source: FactSource; readonly exists: (v: Get) => boolean; readonly totals: (v: Get) => Totals };
type Get = (name: string) => number;

const rules: Readonly<Record<KpiId, Rule>> = {
  nps: { source: 'feedback', exists: (v) => v('nps_n') > 0, totals: (v) => ({ n: v('nps_n'), promoters: v('nps_promoters'), detractors: v('nps_detractors') }) },
  csat: { source: 'feedback', exists: (v) => v('csat_n') > 0, totals: (v) => ({ n: v('csat_n'), successes: v('csat_successes') }) },
  cesAgree: { source: 'feedback', exists: (v) => v('ces_n') > 0, totals: (v) => ({ n: v('ces_n'), successes: v('ces_successes') }) },
  cesMean: { source: 'feedback', exists: (v) => v('ces_n') > 0, totals: (v) => ({ n: v('ces_n'), sum: v('ces_sum'), sumOfSquares: v('ces_sumsq') }) },
  enps: { source: 'employeePulse', exists: () => true, totals: (v) => ({ promoters: v('promoters'), passives: v('passives'), detractors: v('detractors') }) },
  engagement: {
    source: 'employeePulse',
    exists: () => true,
    totals: (v) => ({ respondents: v('respondents'), value: v('engagementSum') / v('respondents') }),
  },
  timeToFirstResponseMedian: { source: 'supportCase', exists: (v) => v('frh_n') > 0, totals: (v) => ({ n: v('frh_n'), value: v('frh_p50') }) },
  timeToFirstResponseP90: { source: 'supportCase', exists: (v) => v('frh_n') > 0, totals: (v) => ({ n: v('frh_n'), value: v('frh_p90') }) },
  timeToResolutionMedian: { source: 'supportCase', exists: (v) => v('res_n') > 0, totals: (v) => ({ n: v('res_n'), value: v('res_p50') }) },
  timeToResolutionP90: { source: 'supportCase', exists: (v) => v('res_n') > 0, totals: (v) => ({ n: v('res_n'), value: v('res_p90') }) },
  slaCompliance: { source: 'supportCase', exists: (v) => v('sla_n') > 0, totals: (v) => ({ n: v('sla_n'), successes: v('sla_successes') }) },
  escalationRate: { source: 'supportCase', exists: (v) => v('cases_n') > 0, totals: (v) => ({ n: v('cases_n'), successes: v('escalated') }) },
  onboardingDuration: { source: 'account', exists: (v) => v('onboarded_n') > 0, totals: (v) => ({ n: v('onboarded_n'), value: v('onboarding_p50') }) },
  renewalRate: { source: 'opportunity', exists: (v) => v('renewal_closed') > 0, totals: (v) => ({ n: v('renewal_closed'), successes: v('renewal_won') }) },
  grossRevenueRetention: {
    source: 'opportunity',
    exists: (v) => v('renewal_closed') > 0,
    totals: (v) => ({ n: v('up_n'), numerator: v('kept'), denominator: v('up_renewing') }),
  },
  netRevenueRetention: {
    source: 'opportunity',
    exists: (v) => v('up_n') + v('won_expansion_n') > 0,
    totals: (v) => ({ n: v('up_n'), numerator: v('won_renewal_amount') + v('won_expansion_amount'), denominator: v('up_renewing') }),
  },
  churnRate: { source: 'account', exists: (v) => v('during_n') > 0, totals: (v) => ({ n: v('during_n'), successes: v('churned') }) },
  relationshipHealth: {
    source: 'account',
    exists: (v) => v('health_n') > 0,
    totals: (v) => ({ n: v('health_n'), sum: v('health_sum'), sumOfSquares: v('health_sumsq') }),
  },
  revenueCoverage: {
    source: 'account',
    exists: (v) => v('during_n') > 0,
    totals: (v) => ({ n: v('during_n'), numerator: v('covered_arr'), denominator: v('arr') }),
  },
  decisionMakerCoverage: { source: 'contact', exists: (v) => v('dm_n') > 0, totals: (v) => ({ n: v('dm_n'), successes: v('dm_heard') }) },
};

/** Merges partial rows of one source by group (an engine may compute a source's aggregates in several passes). */
function mergeRows(rows: readonly AggregateRow[]): Map<string, AggregateRow> {
  const merged = new Map<string, AggregateRow>();
  for (const row of rows) {
    const codes = row.codes.map((code) => (code === null || code < 0 ? -1 : code));
    const key = codes.join('|');
    const previous = merged.get(key);
    merged.set(key, { codes, values: { ...previous?.values, ...row.values } });
  }
  return merged;
}

/** Every KPI's group totals for one cut, from the aggregates an engine returned for it. */
export function totalsFromAggregates(tables: BaselineTables, grouping: Grouping, rows: SourceRows, into: EngineTotals): void {
  const merged = new Map<FactSource, Map<string, AggregateRow>>();
  for (const [kpi, rule] of Object.entries(rules) as Array<[KpiId, Rule]>) {
    let bySource = merged.get(rule.source);
    if (bySource === undefined) {
      bySource = mergeRows(rows[rule.source]);
      merged.set(rule.source, bySource);
    }
    const grouped: GroupedTotals = new Map();
    for (const row of bySource.values()) {
      const get: Get = (name) => {
        const value = row.values[name];
        return value === null || value === undefined ? 0 : value;
      };
      if (!rule.exists(get)) continue;
      const keys = keysFromCodes(tables[rule.source].facts, sourceGroupBy(rule.source, grouping), row.codes);
      grouped.set(groupKeyOf(keys, grouping.groupBy), rule.totals(get));
    }
    into.set(totalsKey(kpi, grouping.name), grouped);
  }
}

/** Runs an engine's aggregates for both cuts and maps them to KPI totals. */
export async function collectTotals(
  tables: BaselineTables,
  aggregate: (grouping: Grouping) => Promise<SourceRows> | SourceRows,
): Promise<EngineTotals> {
  const totals: EngineTotals = new Map();
  for (const grouping of groupings) totalsFromAggregates(tables, grouping, await aggregate(grouping), totals);
  return totals;
}
