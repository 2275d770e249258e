import type { Dimension } from '../dimensions';
import type { KpiDefinition } from '../kpiDefinition';
import { quantileResult, shareResult } from '../kpiResults';
import { accountDimensions, everyRow, numbers } from './columns';

const caseDimensions: readonly Dimension[] = [...accountDimensions, 'channel', 'period'];

/** Share of cases escalated, Wilson interval. */
export const escalationRateKpi: KpiDefinition = {
  id: 'escalationRate',
  unit: 'share',
  better: 'lower',
  source: 'supportCase',
  timeField: 'openedAt',
  dimensions: caseDimensions,
  direct: {
    include: everyRow,
    accumulator: (table) => {
      const escalated = numbers(table, 'escalated');
      return () => {
        let n = 0;
        let successes = 0;
        return {
          add(row) {
            n += 1;
            if (escalated[row] === 1) successes += 1;
          },
          result: () => shareResult(successes, n),
        };
      };
    },
  },
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
  direct: {
    include: (table) => {
      const within = numbers(table, 'withinSla');
      return (row) => !Number.isNaN(within[row] ?? Number.NaN);
    },
    accumulator: (table) => {
      const within = numbers(table, 'withinSla');
      return () => {
        let n = 0;
        let successes = 0;
        return {
          add(row) {
            n += 1;
            if (within[row] === 1) successes += 1;
          },
          result: () => shareResult(successes, n),
        };
      };
    },
  },
  pushdown: { unsupported: noDateArithmetic },
};

function hoursQuantile(id: string, field: 'firstResponseHours' | 'resolutionHours', p: number): KpiDefinition {
  return {
    id,
    unit: 'hours',
    better: 'lower',
    source: 'supportCase',
    timeField: 'openedAt',
    dimensions: caseDimensions,
    direct: {
      include: (table) => {
        const hours = numbers(table, field);
        return (row) => !Number.isNaN(hours[row] ?? Number.NaN);
      },
      accumulator: (table) => {
        const hours = numbers(table, field);
        return () => {
          const values: number[] = [];
          return { add: (row) => void values.push(hours[row] ?? Number.NaN), result: () => quantileResult(values, p) };
        };
      },
    },
    pushdown: { unsupported: `${noDateArithmetic}; medians and percentiles are not aggregate functions there either` },
  };
}

export const timeToFirstResponseMedianKpi = hoursQuantile('timeToFirstResponseMedian', 'firstResponseHours', 0.5);
export const timeToFirstResponseP90Kpi = hoursQuantile('timeToFirstResponseP90', 'firstResponseHours', 0.9);
export const timeToResolutionMedianKpi = hoursQuantile('timeToResolutionMedian', 'resolutionHours', 0.5);
export const timeToResolutionP90Kpi = hoursQuantile('timeToResolutionP90', 'resolutionHours', 0.9);
