import type { KpiDefinition } from '../kpiDefinition';
import { meanResult, npsResult, shareResult } from '../kpiResults';
import { allDimensions, isOneOf, numbers } from './columns';

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), adjusted-Wald interval. */
export const npsKpi: KpiDefinition = {
  id: 'nps',
  unit: 'points',
  better: 'higher',
  source: 'feedback',
  timeField: 'respondedAt',
  dimensions: allDimensions,
  direct: {
    include: (table) => isOneOf(table, 'scale', ['nps_0_10']),
    accumulator: (table) => {
      const score = numbers(table, 'score');
      return () => {
        const counts = { promoters: 0, passives: 0, detractors: 0 };
        return {
          add(row) {
            const value = score[row] ?? Number.NaN;
            if (value >= 9) counts.promoters += 1;
            else if (value >= 7) counts.passives += 1;
            else counts.detractors += 1;
          },
          result: () => npsResult(counts),
        };
      };
    },
  },
  pushdown: {
    where: [{ field: 'scale', op: 'eq', value: 'nps_0_10' }],
    queries: {
      all: { where: [], measures: [{ id: 'n', op: 'count' }] },
      promoters: { where: [{ field: 'score', op: 'gte', value: 9 }], measures: [{ id: 'n', op: 'count' }] },
      detractors: { where: [{ field: 'score', op: 'lte', value: 6 }], measures: [{ id: 'n', op: 'count' }] },
    },
    finish: (totals) => {
      const all = totals['all.n'] ?? 0;
      const promoters = totals['promoters.n'] ?? 0;
      const detractors = totals['detractors.n'] ?? 0;
      return npsResult({ promoters, passives: all - promoters - detractors, detractors });
    },
  },
};

function topBoxShare(id: string, scale: string, threshold: number): KpiDefinition {
  return {
    id,
    unit: 'share',
    better: 'higher',
    source: 'feedback',
    timeField: 'respondedAt',
    dimensions: allDimensions,
    direct: {
      include: (table) => isOneOf(table, 'scale', [scale]),
      accumulator: (table) => {
        const score = numbers(table, 'score');
        return () => {
          let n = 0;
          let successes = 0;
          return {
            add(row) {
              n += 1;
              if ((score[row] ?? Number.NaN) >= threshold) successes += 1;
            },
            result: () => shareResult(successes, n),
          };
        };
      },
    },
    pushdown: {
      where: [{ field: 'scale', op: 'eq', value: scale }],
      queries: {
        all: { where: [], measures: [{ id: 'n', op: 'count' }] },
        top: { where: [{ field: 'score', op: 'gte', value: threshold }], measures: [{ id: 'n', op: 'count' }] },
      },
      finish: (totals) => shareResult(totals['top.n'] ?? 0, totals['all.n'] ?? 0),
    },
  };
}

/** CSAT: share of top-2-box answers (4–5 on the 1–5 scale), Wilson interval. */
export const csatKpi = topBoxShare('csat', 'csat_1_5', 4);

/** CES 2.0: share agreeing (5–7 on the 1–7 agreement scale), Wilson interval. Never pooled with CES 1.0. */
export const cesAgreeKpi = topBoxShare('cesAgree', 'ces2_1_7', 5);

const cesValues = [1, 2, 3, 4, 5, 6, 7] as const;

/** CES 2.0 mean (1–7) with a t interval; pushed down as the seven score counts. */
export const cesMeanKpi: KpiDefinition = {
  id: 'cesMean',
  unit: 'score',
  better: 'higher',
  source: 'feedback',
  timeField: 'respondedAt',
  dimensions: allDimensions,
  direct: {
    include: (table) => isOneOf(table, 'scale', ['ces2_1_7']),
    accumulator: (table) => {
      const score = numbers(table, 'score');
      return () => {
        let n = 0;
        let sum = 0;
        let sumOfSquares = 0;
        return {
          add(row) {
            const value = score[row] ?? Number.NaN;
            n += 1;
            sum += value;
            sumOfSquares += value * value;
          },
          result: () => meanResult(n, sum, sumOfSquares),
        };
      };
    },
  },
  pushdown: {
    where: [{ field: 'scale', op: 'eq', value: 'ces2_1_7' }],
    queries: Object.fromEntries(
      cesValues.map((value) => [`score${value}`, { where: [{ field: 'score', op: 'eq', value }], measures: [{ id: 'n', op: 'count' }] }]),
    ),
    finish: (totals) => {
      let n = 0;
      let sum = 0;
      let sumOfSquares = 0;
      for (const value of cesValues) {
        const count = totals[`score${value}.n`] ?? 0;
        n += count;
        sum += count * value;
        sumOfSquares += count * value * value;
      }
      return meanResult(n, sum, sumOfSquares);
    },
  },
};
