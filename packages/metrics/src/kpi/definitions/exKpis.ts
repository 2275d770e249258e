import type { KpiDefinition, KpiResult } from '../kpiDefinition';
import { npsResult } from '../kpiResults';
import { eachGroup, numbers, sumPerGroup } from './columns';

/** No employee-pulse result rests on fewer respondents than this. */
export const EX_MINIMUM_RESPONDENTS = 5;

function suppressed(): KpiResult {
  return { value: null, interval: null, n: 0, warnings: [{ code: 'suppressed', detail: { minimum: EX_MINIMUM_RESPONDENTS } }], detail: {} };
}

function engagementResult(respondents: number, engagementSum: number): KpiResult {
  if (respondents < EX_MINIMUM_RESPONDENTS) return suppressed();
  return { value: engagementSum / respondents, interval: null, n: respondents, warnings: [], detail: { respondents } };
}

function enpsResult(promoters: number, passives: number, detractors: number): KpiResult {
  if (promoters + passives + detractors < EX_MINIMUM_RESPONDENTS) return suppressed();
  return npsResult({ promoters, passives, detractors });
}

const exDimensions = ['businessUnitId', 'teamId', 'period'] as const;
const sumOf = (field: string) => ({ id: field, op: 'sum' as const, field });

/**
 * eNPS of teams' pulses. A group under 5 respondents returns no numbers at all; differencing
 * across groups is guarded where groups are shown together (the EX privacy rules).
 */
export const enpsKpi: KpiDefinition = {
  id: 'enps',
  unit: 'points',
  better: 'higher',
  source: 'employeePulse',
  timeField: 'periodStart',
  dimensions: exDimensions,
  direct: {
    population: () => undefined,
    evaluate: (table, rows, groupOf, groupCount) => {
      const sum = (field: string) => sumPerGroup(numbers(table, field), rows, groupOf, groupCount);
      const promoters = sum('promoters');
      const passives = sum('passives');
      const detractors = sum('detractors');
      return eachGroup(groupCount, (group) => enpsResult(promoters[group] ?? 0, passives[group] ?? 0, detractors[group] ?? 0));
    },
  },
  pushdown: {
    where: [],
    queries: { pulses: { where: [], measures: [sumOf('promoters'), sumOf('passives'), sumOf('detractors')] } },
    finish: (totals) => enpsResult(totals['pulses.promoters'] ?? 0, totals['pulses.passives'] ?? 0, totals['pulses.detractors'] ?? 0),
  },
};

/** Respondent-weighted mean engagement (0–100) of teams' pulses; suppressed under 5 respondents. */
export const engagementKpi: KpiDefinition = {
  id: 'engagement',
  unit: 'score',
  better: 'higher',
  source: 'employeePulse',
  timeField: 'periodStart',
  dimensions: exDimensions,
  direct: {
    population: () => undefined,
    evaluate: (table, rows, groupOf, groupCount) => {
      const respondents = sumPerGroup(numbers(table, 'respondents'), rows, groupOf, groupCount);
      const engagementSum = sumPerGroup(numbers(table, 'engagementSum'), rows, groupOf, groupCount);
      return eachGroup(groupCount, (group) => engagementResult(respondents[group] ?? 0, engagementSum[group] ?? 0));
    },
  },
  pushdown: {
    where: [],
    queries: { pulses: { where: [], measures: [sumOf('respondents'), sumOf('engagementSum')] } },
    finish: (totals) => engagementResult(totals['pulses.respondents'] ?? 0, totals['pulses.engagementSum'] ?? 0),
  },
};
