import type { KpiDefinition } from '../kpiDefinition';
import { ratioResult } from '../kpiResults';
import { accountDimensions, categoricalColumn, countWanted, countedEvaluation, eachGroup, numbers, perGroup, shareOfCounts } from './columns';
import { whereOneOf } from './populations';
import { customersDuring } from './accountKpis';
import { heardFrom } from './heardFrom';
import { codesPlusOne, type GroupIds } from '../cutRows';

const needsSemiJoin = 'needs to know, per account or contact, whether any relationship feedback exists in the window (a join), which the plan does not express';

/** Per group: accounts, all their ARR, and the ARR of those heard from. */
function sumCovered(
  arr: Float64Array,
  accounts: Int32Array,
  heard: Uint8Array,
  rows: Int32Array,
  groupOf: GroupIds,
  { n, total, covered }: { readonly n: Float64Array; readonly total: Float64Array; readonly covered: Float64Array },
): void {
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    const revenue = arr[row] ?? 0;
    total[group] = (total[group] ?? 0) + revenue;
    if (heard[(accounts[row] ?? -1) + 1] === 1) covered[group] = (covered[group] ?? 0) + revenue;
  }
}

/** Share of ARR whose accounts gave relationship feedback in the window (target: 80 % a quarter). */
export const revenueCoverageKpi: KpiDefinition = {
  id: 'revenueCoverage',
  unit: 'share',
  better: 'higher',
  source: 'account',
  timeField: 'customerSince',
  windowRule: 'own',
  dimensions: accountDimensions,
  direct: {
    population: customersDuring,
    evaluate: (table, rows, groupOf, groupCount, context) => {
      const accounts = categoricalColumn(table, 'accountId');
      const heard = heardFrom(context, 'accountId', accounts);
      const n = perGroup(groupCount);
      const total = perGroup(groupCount);
      const covered = perGroup(groupCount);
      sumCovered(numbers(table, 'arr'), accounts.codes, heard, rows, groupOf, { n, total, covered });
      return eachGroup(groupCount, (group) => ratioResult(covered[group] ?? 0, total[group] ?? 0, n[group] ?? 0));
    },
  },
  pushdown: { unsupported: needsSemiJoin },
};

/** Share of decision makers and executive sponsors who gave relationship feedback in the window. */
export const decisionMakerCoverageKpi: KpiDefinition = {
  id: 'decisionMakerCoverage',
  unit: 'share',
  better: 'higher',
  source: 'contact',
  timeField: 'respondedAt',
  windowRule: 'own',
  dimensions: accountDimensions,
  direct: countedEvaluation((table, rows, context) => whereOneOf(table, rows, context, 'role', ['decision_maker', 'executive_sponsor']), {
    count: (table, rows, groupOf, groupCount, context) => {
      const heard = heardFrom(context, 'contactId', categoricalColumn(table, 'contactId'));
      const n = perGroup(groupCount);
      const successes = perGroup(groupCount);
      countWanted({ codes: codesPlusOne(table, 'contactId'), wanted: heard }, rows, groupOf, n, successes);
      return [n, successes];
    },
    finish: shareOfCounts,
  }),
  pushdown: { unsupported: needsSemiJoin },
};
