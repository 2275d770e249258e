import type { KpiDefinition } from '../kpiDefinition';
import { meanResult, noData, quantileResult, ratioResult, shareResult } from '../kpiResults';
import { accountDimensions, isOneOf, numbers } from './columns';

/** Share of closed renewal opportunities won, Wilson interval. */
export const renewalRateKpi: KpiDefinition = {
  id: 'renewalRate',
  unit: 'share',
  better: 'higher',
  source: 'opportunity',
  timeField: 'closeDate',
  dimensions: [...accountDimensions, 'period'],
  direct: {
    include: (table) => {
      const renewal = isOneOf(table, 'type', ['renewal']);
      const closed = isOneOf(table, 'status', ['won', 'lost']);
      return (row) => renewal(row) && closed(row);
    },
    accumulator: (table) => {
      const won = isOneOf(table, 'status', ['won']);
      return () => {
        let n = 0;
        let successes = 0;
        return {
          add(row) {
            n += 1;
            if (won(row)) successes += 1;
          },
          result: () => shareResult(successes, n),
        };
      };
    },
  },
  pushdown: {
    where: [
      { field: 'type', op: 'eq', value: 'renewal' },
      { field: 'status', op: 'in', values: ['won', 'lost'] },
    ],
    queries: {
      closed: { where: [], measures: [{ id: 'n', op: 'count' }] },
      won: { where: [{ field: 'status', op: 'eq', value: 'won' }], measures: [{ id: 'n', op: 'count' }] },
    },
    finish: (totals) => shareResult(totals['won.n'] ?? 0, totals['closed.n'] ?? 0),
  },
};

/** Gross revenue retention: revenue kept at renewal (never more than was up) over revenue up for renewal. */
export const grossRevenueRetentionKpi: KpiDefinition = {
  id: 'grossRevenueRetention',
  unit: 'ratio',
  better: 'higher',
  source: 'opportunity',
  timeField: 'closeDate',
  dimensions: [...accountDimensions, 'period'],
  direct: renewalRevenue((amount, renewing, won) => (won ? Math.min(amount, renewing) : 0)),
  pushdown: { unsupported: 'caps each renewal at the amount up for renewal (a per-row minimum), which aggregate queries cannot express' },
};

function renewalRevenue(kept: (amount: number, renewing: number, won: boolean) => number): KpiDefinition['direct'] {
  return {
    include: (table) => {
      const renewal = isOneOf(table, 'type', ['renewal']);
      const closed = isOneOf(table, 'status', ['won', 'lost']);
      return (row) => renewal(row) && closed(row);
    },
    accumulator: (table) => {
      const amount = numbers(table, 'amount');
      const renewing = numbers(table, 'renewingAmount');
      const won = isOneOf(table, 'status', ['won']);
      return () => {
        let n = 0;
        let numerator = 0;
        let denominator = 0;
        return {
          add(row) {
            const up = renewing[row] ?? Number.NaN;
            if (Number.isNaN(up)) return;
            n += 1;
            denominator += up;
            numerator += kept(amount[row] ?? 0, up, won(row));
          },
          result: () => ratioResult(numerator, denominator, n),
        };
      };
    },
  };
}

/** Net revenue retention: won renewals plus won expansions over revenue up for renewal. */
export const netRevenueRetentionKpi: KpiDefinition = {
  id: 'netRevenueRetention',
  unit: 'ratio',
  better: 'higher',
  source: 'opportunity',
  timeField: 'closeDate',
  dimensions: [...accountDimensions, 'period'],
  direct: {
    include: (table) => {
      const renewal = isOneOf(table, 'type', ['renewal']);
      const expansion = isOneOf(table, 'type', ['expansion']);
      const closed = isOneOf(table, 'status', ['won', 'lost']);
      const won = isOneOf(table, 'status', ['won']);
      const renewing = numbers(table, 'renewingAmount');
      return (row) => (renewal(row) && closed(row) && !Number.isNaN(renewing[row] ?? Number.NaN)) || (expansion(row) && won(row));
    },
    accumulator: (table) => {
      const amount = numbers(table, 'amount');
      const renewing = numbers(table, 'renewingAmount');
      const renewal = isOneOf(table, 'type', ['renewal']);
      const won = isOneOf(table, 'status', ['won']);
      return () => {
        let n = 0;
        let numerator = 0;
        let denominator = 0;
        return {
          add(row) {
            if (renewal(row)) {
              const up = renewing[row] ?? Number.NaN;
              if (!Number.isNaN(up)) {
                n += 1;
                denominator += up;
              }
            }
            if (won(row)) numerator += amount[row] ?? 0;
          },
          result: () => ratioResult(numerator, denominator, n),
        };
      };
    },
  },
  pushdown: {
    where: [{ field: 'status', op: 'in', values: ['won', 'lost'] }],
    queries: {
      up: {
        where: [
          { field: 'type', op: 'eq', value: 'renewal' },
          { field: 'renewingAmount', op: 'notNull' },
        ],
        measures: [
          { id: 'n', op: 'count' },
          { id: 'renewing', op: 'sum', field: 'renewingAmount' },
        ],
      },
      wonRenewals: {
        where: [
          { field: 'type', op: 'eq', value: 'renewal' },
          { field: 'renewingAmount', op: 'notNull' },
          { field: 'status', op: 'eq', value: 'won' },
        ],
        measures: [{ id: 'amount', op: 'sum', field: 'amount' }],
      },
      wonExpansions: {
        where: [
          { field: 'type', op: 'eq', value: 'expansion' },
          { field: 'status', op: 'eq', value: 'won' },
        ],
        measures: [{ id: 'amount', op: 'sum', field: 'amount' }],
      },
    },
    finish: (totals) =>
      ratioResult((totals['wonRenewals.amount'] ?? 0) + (totals['wonExpansions.amount'] ?? 0), totals['up.renewing'] ?? 0, totals['up.n'] ?? 0),
  },
};

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
  direct: {
    include: (table, { window }) => {
      if (window === undefined) return () => true;
      const since = numbers(table, 'customerSince');
      const churned = numbers(table, 'churnedOn');
      return (row) => (since[row] ?? Infinity) < window.to && !((churned[row] ?? Infinity) < window.from);
    },
    accumulator: (table, { window }) => {
      const churned = numbers(table, 'churnedOn');
      return () => {
        let n = 0;
        let successes = 0;
        return {
          add(row) {
            n += 1;
            const at = churned[row] ?? Number.NaN;
            if (!Number.isNaN(at) && (window === undefined || (at >= window.from && at < window.to))) successes += 1;
          },
          result: () => shareResult(successes, n),
        };
      };
    },
  },
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
    include: (table) => {
      const days = numbers(table, 'onboardingDays');
      return (row) => !Number.isNaN(days[row] ?? Number.NaN);
    },
    accumulator: (table) => {
      const days = numbers(table, 'onboardingDays');
      return () => {
        const values: number[] = [];
        return { add: (row) => void values.push(days[row] ?? Number.NaN), result: () => quantileResult(values, 0.5) };
      };
    },
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
    include: (table) => {
      const score = table.numeric['healthScore'];
      return (row) => score !== undefined && !Number.isNaN(score[row] ?? Number.NaN);
    },
    accumulator: (table) => {
      const score = numbers(table, 'healthScore');
      return () => {
        let n = 0;
        let sum = 0;
        let sumOfSquares = 0;
        return {
          add(row) {
            const value = score[row] ?? 0;
            n += 1;
            sum += value;
            sumOfSquares += value * value;
          },
          result: () => meanResult(n, sum, sumOfSquares),
        };
      };
    },
  },
  pushdown: { unsupported: 'is computed per account from several objects (feedback, cases, touchpoints, contacts) by the scorecard' },
};
