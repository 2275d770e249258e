import type { KpiDefinition, KpiResult } from '../kpiDefinition';
import { npsResult } from '../kpiResults';
import { numbers } from './columns';

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
    include: () => () => true,
    accumulator: (table) => {
      const [promoters, passives, detractors] = ['promoters', 'passives', 'detractors'].map((field) => numbers(table, field));
      return () => {
        const counts = { promoters: 0, passives: 0, detractors: 0 };
        return {
          add(row) {
            counts.promoters += promoters?.[row] ?? 0;
            counts.passives += passives?.[row] ?? 0;
            counts.detractors += detractors?.[row] ?? 0;
          },
          result: () => enpsResult(counts.promoters, counts.passives, counts.detractors),
        };
      };
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
    include: () => () => true,
    accumulator: (table) => {
      const respondents = numbers(table, 'respondents');
      const engagementSum = numbers(table, 'engagementSum');
      return () => {
        let n = 0;
        let sum = 0;
        return {
          add(row) {
            n += respondents[row] ?? 0;
            sum += engagementSum[row] ?? 0;
          },
          result: () => engagementResult(n, sum),
        };
      };
    },
  },
  pushdown: {
    where: [],
    queries: { pulses: { where: [], measures: [sumOf('respondents'), sumOf('engagementSum')] } },
    finish: (totals) => engagementResult(totals['pulses.respondents'] ?? 0, totals['pulses.engagementSum'] ?? 0),
  },
};
