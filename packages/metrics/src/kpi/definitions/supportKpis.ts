import type { Dimension } from '../dimensions';
import type { KpiDefinition } from '../kpiDefinition';
import { quantilesByGroup, shareResult } from '../kpiResults';
import { accountDimensions, countEqual, countedEvaluation, numbers, perGroup, shareOfCounts } from './columns';
import { wherePresent } from './populations';
import type { GroupIds } from '../cutRows';

const caseDimensions: readonly Dimension[] = [...accountDimensions, 'channel', 'period'];

/** Per group: rows, and rows whose field equals 1. */
function countOnes(values: Float64Array, rows: Int32Array, groupOf: GroupIds, groupCount: number): Float64Array[] {
  const n = perGroup(groupCount);
  const successes = perGroup(groupCount);
  countEqual(values, 1, rows, groupOf, n, successes);
  return [n, successes];
}

/** Share of cases escalated, Wilson interval. */
export const escalationRateKpi: KpiDefinition = {
  id: 'escalationRate',
  unit: 'share',
  better: 'lower',
  source: 'supportCase',
  timeField: 'openedAt',
  dimensions: caseDimensions,
  direct: countedEvaluation(() => undefined, {
    count: (table, rows, groupOf, groupCount) => countOnes(numbers(table, 'escalated'), rows, groupOf, groupCount),
    finish: shareOfCounts,
  }),
  pushdown: {
    where: [],
    queries: {
      all: { where: [], measures: [{ id: 'n', op: 'count' }] },
      escalated: { where: [{ field: 'escalated', op: 'eq', value: true }], measures: [{ id: 'n', op: 'count' }] },
    },
    finish: (totals) => shareResult(totals['escalated.n'] ?? 0, totals['all.n'] ?? 0),
  },
};

const noDateArithmetic =
  'needs closedAt − openedAt per case, and CRM aggregate queries have no date arithmetic (a formula field holding the hours would make it pushable)';

/** Share of closed cases resolved within their SLA hours, Wilson interval. */
export const slaComplianceKpi: KpiDefinition = {
  id: 'slaCompliance',
  unit: 'share',
  better: 'higher',
  source: 'supportCase',
  timeField: 'openedAt',
  dimensions: caseDimensions,
  direct: countedEvaluation((table, rows, context) => wherePresent(table, rows, context, 'withinSla'), {
    count: (table, rows, groupOf, groupCount) => countOnes(numbers(table, 'withinSla'), rows, groupOf, groupCount),
    finish: shareOfCounts,
  }),
  pushdown: { unsupported: noDateArithmetic },
};

/** The quantiles of case hours the catalogue has: each is found together with the other (one pass over each group's hours). */
const HOURS_QUANTILES = [0.5, 0.9];

function hoursQuantile(id: string, field: 'firstResponseHours' | 'resolutionHours', p: number): KpiDefinition {
  return {
    id,
    unit: 'hours',
    better: 'lower',
    source: 'supportCase',
    timeField: 'openedAt',
    dimensions: caseDimensions,
    direct: {
      population: (table, rows, context) => wherePresent(table, rows, context, field),
      evaluate: (table, rows, groupOf, groupCount) => quantilesByGroup(numbers(table, field), rows, groupOf, groupCount, p, HOURS_QUANTILES),
    },
    pushdown: { unsupported: `${noDateArithmetic}; medians and percentiles are not aggregate functions there either` },
  };
}

export const timeToFirstResponseMedianKpi = hoursQuantile('timeToFirstResponseMedian', 'firstResponseHours', 0.5);
export const timeToFirstResponseP90Kpi = hoursQuantile('timeToFirstResponseP90', 'firstResponseHours', 0.9);
export const timeToResolutionMedianKpi = hoursQuantile('timeToResolutionMedian', 'resolutionHours', 0.5);
export const timeToResolutionP90Kpi = hoursQuantile('timeToResolutionP90', 'resolutionHours', 0.9);
