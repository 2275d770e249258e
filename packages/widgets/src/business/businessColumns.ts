import type { KpiId } from '@kizuna/metrics';

/** The families a leader reads side by side: customers, employees, operations. */
export type KpiFamily = 'cx' | 'ex' | 'ops';

/** How a column's values read: NPS-like points, a 0–1 share, a 0–100 score, hours. */
export type ColumnUnit = 'points' | 'share' | 'score' | 'hours';

export interface BusinessColumn {
  readonly id: 'nps' | 'csat' | 'cesAgree' | 'engagement' | 'enps' | 'timeToResolutionMedian' | 'slaCompliance' | 'escalationRate';
  readonly family: KpiFamily;
  readonly unit: ColumnUnit;
  readonly better: 'higher' | 'lower';
}

export type ColumnId = BusinessColumn['id'];

/**
 * The business-unit leader's KPIs. EX columns come from the privacy module (never a group under 5
 * respondents, nor one isolated by differences); the others are metrics-core KPIs.
 */
export const npsColumn: BusinessColumn = { id: 'nps', family: 'cx', unit: 'points', better: 'higher' };
export const csatColumn: BusinessColumn = { id: 'csat', family: 'cx', unit: 'share', better: 'higher' };

export const businessColumns: readonly BusinessColumn[] = [
  npsColumn,
  csatColumn,
  { id: 'cesAgree', family: 'cx', unit: 'share', better: 'higher' },
  { id: 'engagement', family: 'ex', unit: 'score', better: 'higher' },
  { id: 'enps', family: 'ex', unit: 'points', better: 'higher' },
  { id: 'timeToResolutionMedian', family: 'ops', unit: 'hours', better: 'lower' },
  { id: 'slaCompliance', family: 'ops', unit: 'share', better: 'higher' },
  { id: 'escalationRate', family: 'ops', unit: 'share', better: 'lower' },
];

/** The columns computed as metrics-core KPIs (pushed down, or in memory when they cannot be). */
export const kpiColumns: readonly KpiId[] = ['nps', 'csat', 'cesAgree', 'timeToResolutionMedian', 'slaCompliance', 'escalationRate'];
