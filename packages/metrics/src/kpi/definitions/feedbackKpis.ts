import type { KpiDefinition } from '../kpiDefinition';
import { meanResult, npsResult, shareResult } from '../kpiResults';
import { allDimensions, countAtLeast, countedEvaluation, eachGroup, numbers, perGroup, shareOfCounts, sumAndSquares } from './columns';
import { whereOneOf } from './populations';
import type { GroupIds } from '../cutRows';

/** Per group, counts of detractors (below 7, or no score), passives (7–8) and promoters (9–10) at 3·group + 0, 1, 2. */
function countNps(score: Float64Array, rows: Int32Array, groupOf: GroupIds, counts: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const value = score[rows[i] ?? 0] ?? Number.NaN;
    const at = 3 * (groupOf[i] ?? 0) + Number(value >= 7) + Number(value >= 9);
    counts[at] = (counts[at] ?? 0) + 1;
  }
}

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), adjusted-Wald interval. */
export const npsKpi: KpiDefinition = {
  id: 'nps',
  unit: 'points',
  better: 'higher',
  source: 'feedback',
  timeField: 'respondedAt',
  dimensions: allDimensions,
  direct: countedEvaluation((table, rows, context) => whereOneOf(table, rows, context, 'scale', ['nps_0_10']), {
    count: (table, rows, groupOf, groupCount) => {
      const counts = perGroup(3 * groupCount);
      countNps(numbers(table, 'score'), rows, groupOf, counts);
      return [0, 1, 2].map((kind) => Float64Array.from({ length: groupCount }, (_, group) => counts[3 * group + kind] ?? 0));
    },
    finish: ([detractors, passives, promoters], group) =>
      npsResult({ promoters: promoters?.[group] ?? 0, passives: passives?.[group] ?? 0, detractors: detractors?.[group] ?? 0 }),
  }),
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
    direct: countedEvaluation((table, rows, context) => whereOneOf(table, rows, context, 'scale', [scale]), {
      count: (table, rows, groupOf, groupCount) => {
        const n = perGroup(groupCount);
        const successes = perGroup(groupCount);
        countAtLeast(numbers(table, 'score'), threshold, rows, groupOf, n, successes);
        return [n, successes];
      },
      finish: shareOfCounts,
    }),
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
    population: (table, rows, context) => whereOneOf(table, rows, context, 'scale', ['ces2_1_7']),
    evaluate: (table, rows, groupOf, groupCount) => {
      const n = perGroup(groupCount);
      const sum = perGroup(groupCount);
      const sumOfSquares = perGroup(groupCount);
      sumAndSquares(numbers(table, 'score'), rows, groupOf, n, sum, sumOfSquares);
      return eachGroup(groupCount, (group) => meanResult(n[group] ?? 0, sum[group] ?? 0, sumOfSquares[group] ?? 0));
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
