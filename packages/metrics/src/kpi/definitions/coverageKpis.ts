import type { FactTable } from '../factTable';
import type { EvaluationContext, KpiDefinition } from '../kpiDefinition';
import { ratioResult, shareResult } from '../kpiResults';
import { accountDimensions, isOneOf, numbers } from './columns';

/** Values of `field` (accounts or contacts) that gave relationship feedback inside the window. */
function heardFrom(context: EvaluationContext, field: 'accountId' | 'contactId'): ReadonlySet<string> {
  const feedback = context.tables.feedback;
  const column = feedback.categorical[field];
  const respondedAt = numbers(feedback, 'respondedAt');
  const relationship = isOneOf(feedback, 'programme', ['relationship']);
  const heard = new Set<string>();
  if (column === undefined) return heard;
  for (let row = 0; row < feedback.length; row += 1) {
    const at = respondedAt[row] ?? Number.NaN;
    if (!relationship(row) || (context.window !== undefined && (at < context.window.from || at >= context.window.to))) continue;
    const code = column.codes[row] ?? -1;
    const value = code < 0 ? undefined : column.dictionary[code];
    if (value !== undefined) heard.add(value);
  }
  return heard;
}

function valueAt(table: FactTable, field: string, row: number): string | undefined {
  const column = table.categorical[field];
  const code = column?.codes[row] ?? -1;
  return code < 0 ? undefined : column?.dictionary[code];
}

/** Accounts that were customers during the window (or all, without one). */
function customersDuring(table: FactTable, context: EvaluationContext): (row: number) => boolean {
  const { window } = context;
  if (window === undefined) return () => true;
  const since = numbers(table, 'customerSince');
  const churned = numbers(table, 'churnedOn');
  return (row) => (since[row] ?? Infinity) < window.to && !((churned[row] ?? Infinity) < window.from);
}

const needsSemiJoin = 'needs to know, per account or contact, whether any relationship feedback exists in the window (a join), which the plan does not express';

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
    include: customersDuring,
    accumulator: (table, context) => {
      const heard = heardFrom(context, 'accountId');
      const arr = numbers(table, 'arr');
      return () => {
        let n = 0;
        let covered = 0;
        let total = 0;
        return {
          add(row) {
            n += 1;
            const revenue = arr[row] ?? 0;
            total += revenue;
            const id = valueAt(table, 'accountId', row);
            if (id !== undefined && heard.has(id)) covered += revenue;
          },
          result: () => ratioResult(covered, total, n),
        };
      };
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
  direct: {
    include: (table) => isOneOf(table, 'role', ['decision_maker', 'executive_sponsor']),
    accumulator: (table, context) => {
      const heard = heardFrom(context, 'contactId');
      return () => {
        let n = 0;
        let successes = 0;
        return {
          add(row) {
            n += 1;
            const id = valueAt(table, 'contactId', row);
            if (id !== undefined && heard.has(id)) successes += 1;
          },
          result: () => shareResult(successes, n),
        };
      };
    },
  },
  pushdown: { unsupported: needsSemiJoin },
};
