import type { FactTable } from '../factTable';
import type { EvaluationContext, KpiDefinition } from '../kpiDefinition';
import { ratioResult, shareResult } from '../kpiResults';
import type { GroupIds } from '../cutRows';
import { accountDimensions, codeTest, countWanted, countedEvaluation, eachGroup, numbers, perGroup, shareOfCounts, type CodeTest } from './columns';
import { andOneOf, andPresent, union, whereOneOf } from './populations';

/** Population: closed (won or lost) renewal opportunities. */
function closedRenewals(table: FactTable, rows: Int32Array, context: EvaluationContext): Int32Array {
  return context.shared('closed renewals', () => andOneOf(table, whereOneOf(table, rows, context, 'type', ['renewal']), 'status', ['won', 'lost']));
}

interface RenewalSums {
  readonly n: Float64Array;
  readonly kept: Float64Array;
  readonly up: Float64Array;
}

/** Per group: renewals with an amount up for renewal, that amount, and what was kept (never more than was up). */
function sumKeptRevenue(
  amount: Float64Array,
  renewing: Float64Array,
  won: CodeTest,
  rows: Int32Array,
  groupOf: GroupIds,
  { n, kept, up }: RenewalSums,
): void {
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    const renewingAmount = renewing[row] ?? Number.NaN;
    if (Number.isNaN(renewingAmount)) continue;
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    up[group] = (up[group] ?? 0) + renewingAmount;
    const wasWon = won.wanted[won.codes[row] ?? 0] === 1;
    kept[group] = (kept[group] ?? 0) + (wasWon ? Math.min(amount[row] ?? 0, renewingAmount) : 0);
  }
}

interface NetRevenueSums {
  readonly n: Float64Array;
  readonly numerator: Float64Array;
  readonly denominator: Float64Array;
}

/** Per group: renewals with an amount up and that amount; won amounts (renewals and expansions). */
function sumNetRevenue(
  amount: Float64Array,
  renewing: Float64Array,
  { renewal, won }: { readonly renewal: CodeTest; readonly won: CodeTest },
  rows: Int32Array,
  groupOf: GroupIds,
  { n, numerator, denominator }: NetRevenueSums,
): void {
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    const group = groupOf[i] ?? 0;
    const up = renewing[row] ?? Number.NaN;
    if (renewal.wanted[renewal.codes[row] ?? 0] === 1 && !Number.isNaN(up)) {
      n[group] = (n[group] ?? 0) + 1;
      denominator[group] = (denominator[group] ?? 0) + up;
    }
    if (won.wanted[won.codes[row] ?? 0] === 1) numerator[group] = (numerator[group] ?? 0) + (amount[row] ?? 0);
  }
}

/** Share of closed renewal opportunities won, Wilson interval. */
export const renewalRateKpi: KpiDefinition = {
  id: 'renewalRate',
  unit: 'share',
  better: 'higher',
  source: 'opportunity',
  timeField: 'closeDate',
  dimensions: [...accountDimensions, 'period'],
  direct: countedEvaluation(closedRenewals, {
    count: (table, rows, groupOf, groupCount) => {
      const n = perGroup(groupCount);
      const successes = perGroup(groupCount);
      countWanted(codeTest(table, 'status', ['won']), rows, groupOf, n, successes);
      return [n, successes];
    },
    finish: shareOfCounts,
  }),
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
  direct: {
    population: closedRenewals,
    evaluate: (table, rows, groupOf, groupCount) => {
      const won = codeTest(table, 'status', ['won']);
      const n = perGroup(groupCount);
      const kept = perGroup(groupCount);
      const up = perGroup(groupCount);
      sumKeptRevenue(numbers(table, 'amount'), numbers(table, 'renewingAmount'), won, rows, groupOf, { n, kept, up });
      return eachGroup(groupCount, (group) => ratioResult(kept[group] ?? 0, up[group] ?? 0, n[group] ?? 0));
    },
  },
  pushdown: { unsupported: 'caps each renewal at the amount up for renewal (a per-row minimum), which aggregate queries cannot express' },
};

/** Net revenue retention: won renewals plus won expansions over revenue up for renewal. */
export const netRevenueRetentionKpi: KpiDefinition = {
  id: 'netRevenueRetention',
  unit: 'ratio',
  better: 'higher',
  source: 'opportunity',
  timeField: 'closeDate',
  dimensions: [...accountDimensions, 'period'],
  direct: {
    // Closed renewals with an amount up for renewal, and won expansions.
    population: (table, rows, context) =>
      context.shared('renewals up and won expansions', () =>
        union(
          andPresent(table, closedRenewals(table, rows, context), 'renewingAmount'),
          andOneOf(table, whereOneOf(table, rows, context, 'type', ['expansion']), 'status', ['won']),
        ),
      ),
    evaluate: (table, rows, groupOf, groupCount) => {
      const renewal = codeTest(table, 'type', ['renewal']);
      const won = codeTest(table, 'status', ['won']);
      const n = perGroup(groupCount);
      const numerator = perGroup(groupCount);
      const denominator = perGroup(groupCount);
      sumNetRevenue(numbers(table, 'amount'), numbers(table, 'renewingAmount'), { renewal, won }, rows, groupOf, { n, numerator, denominator });
      return eachGroup(groupCount, (group) => ratioResult(numerator[group] ?? 0, denominator[group] ?? 0, n[group] ?? 0));
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
