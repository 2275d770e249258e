import type { FactTable } from '../factTable';
import type { EvaluationContext, KpiDefinition } from '../kpiDefinition';
import { meanResult, noData, quantilesByGroup, shareResult } from '../kpiResults';
import { scratch } from '../rowSelection';
import type { GroupIds } from '../cutRows';
import { accountDimensions, countedEvaluation, eachGroup, numbers, perGroup, shareOfCounts, sumAndSquares } from './columns';
import { wherePresent } from './populations';

function keepCustomers(since: Float64Array, churned: Float64Array, from: number, to: number, rows: Int32Array, target: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    target[kept] = row;
    // Customer before the end (no start date: never), and not churned before the start (NaN: not churned).
    kept += Number((since[row] ?? Infinity) < to) & Number(!((churned[row] ?? Infinity) < from));
  }
  return kept;
}

/** Population: accounts that were customers during the window (before its end, not churned before its start); all without one. */
export function customersDuring(table: FactTable, rows: Int32Array, context: EvaluationContext): Int32Array | undefined {
  const { window } = context;
  if (window === undefined) return undefined;
  return context.shared('customers during the window', () => {
    const target = scratch(rows.length);
    return target.slice(0, keepCustomers(numbers(table, 'customerSince'), numbers(table, 'churnedOn'), window.from, window.to, rows, target));
  });
}

/** Per group: accounts, and those that churned in [from, to) (NaN: did not churn). */
function countChurned(churned: Float64Array, from: number, to: number, rows: Int32Array, groupOf: GroupIds, n: Float64Array, counts: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const at = churned[rows[i] ?? 0] ?? Number.NaN;
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    counts[group] = (counts[group] ?? 0) + (Number(at >= from) & Number(at < to));
  }
}

/**
 * Churn: accounts that churned in the window over accounts that were customers during it
 * (customers before its end, not churned before its start). Without a window: churned over all.
 */
export const churnRateKpi: KpiDefinition = {
  id: 'churnRate',
  unit: 'share',
  better: 'lower',
  source: 'account',
  timeField: 'churnedOn',
  windowRule: 'own',
  dimensions: accountDimensions,
  direct: countedEvaluation(customersDuring, {
    count: (table, rows, groupOf, groupCount, { window }) => {
      const n = perGroup(groupCount);
      const successes = perGroup(groupCount);
      // Without a window every churned account counts.
      countChurned(numbers(table, 'churnedOn'), window?.from ?? -Infinity, window?.to ?? Infinity, rows, groupOf, n, successes);
      return [n, successes];
    },
    finish: shareOfCounts,
  }),
  pushdown: {
    where: [],
    queries: (window) =>
      window === undefined
        ? {
            all: { where: [], measures: [{ id: 'n', op: 'count' }] },
            churned: { where: [{ field: 'status', op: 'eq', value: 'churned' }], measures: [{ id: 'n', op: 'count' }] },
          }
        : {
            active: { where: [{ field: 'customerSince', op: 'lt', value: window.to }, { field: 'churnedOn', op: 'isNull' }], measures: [{ id: 'n', op: 'count' }] },
            churnedIn: { where: [{ field: 'customerSince', op: 'lt', value: window.to }, { field: 'churnedOn', op: 'gte', value: window.from }, { field: 'churnedOn', op: 'lt', value: window.to }], measures: [{ id: 'n', op: 'count' }] },
            churnedLater: { where: [{ field: 'customerSince', op: 'lt', value: window.to }, { field: 'churnedOn', op: 'gte', value: window.to }], measures: [{ id: 'n', op: 'count' }] },
          },
    finish: (totals) => {
      if ('all.n' in totals) return shareResult(totals['churned.n'] ?? 0, totals['all.n'] ?? 0);
      const churnedIn = totals['churnedIn.n'] ?? 0;
      const n = (totals['active.n'] ?? 0) + churnedIn + (totals['churnedLater.n'] ?? 0);
      return n === 0 ? noData() : shareResult(churnedIn, n);
    },
  },
};

/** Median onboarding duration in days (start to completion), distribution-free interval. */
export const onboardingDurationKpi: KpiDefinition = {
  id: 'onboardingDuration',
  unit: 'days',
  better: 'lower',
  source: 'account',
  timeField: 'onboardingCompletedOn',
  dimensions: accountDimensions,
  direct: {
    population: (table, rows, context) => wherePresent(table, rows, context, 'onboardingDays'),
    evaluate: (table, rows, groupOf, groupCount) => quantilesByGroup(numbers(table, 'onboardingDays'), rows, groupOf, groupCount, 0.5),
  },
  pushdown: { unsupported: 'needs completion − start per account; aggregate queries have no date arithmetic or median' },
};

/**
 * Relationship health: the mean account health score (0–100, the configured scorecard) of the
 * accounts in each group, with a t interval. Needs fact tables built with `health` scoring.
 */
export const relationshipHealthKpi: KpiDefinition = {
  id: 'relationshipHealth',
  unit: 'score',
  better: 'higher',
  source: 'account',
  timeField: 'customerSince',
  windowRule: 'own',
  dimensions: accountDimensions,
  direct: {
    // Without health scoring no account has a score.
    population: (table, rows, context) => (table.numeric['healthScore'] === undefined ? new Int32Array(0) : wherePresent(table, rows, context, 'healthScore')),
    evaluate: (table, rows, groupOf, groupCount) => {
      const n = perGroup(groupCount);
      const sum = perGroup(groupCount);
      const sumOfSquares = perGroup(groupCount);
      sumAndSquares(numbers(table, 'healthScore'), rows, groupOf, n, sum, sumOfSquares);
      return eachGroup(groupCount, (group) => meanResult(n[group] ?? 0, sum[group] ?? 0, sumOfSquares[group] ?? 0));
    },
  },
  pushdown: { unsupported: 'is computed per account from several objects (feedback, cases, touchpoints, contacts) by the scorecard' },
};
