// What the engines are compared on: the group totals each KPI needs, per business unit × segment
// and per business unit, over one window. Kizuna's evaluations carry them in `result.detail`/`n`;
// the baselines compute them with their own group-bys. Both are keyed the same way.
import { groupKeyOf, type Dimension, type FactTable, type KpiEvaluation, type KpiId } from '@kizuna/metrics';

/** The last four quarters of the sample organisation's history (2025-Q4 … 2026-Q3), [from, to). */
export const comparisonWindow = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } as const;
export const windowMs = { from: Date.parse(comparisonWindow.from), to: Date.parse(comparisonWindow.to) } as const;

/** The cuts of the business-unit comparison: units × segments, and units (against the company). */
export const groupings = [
  { name: 'unitSegment', groupBy: ['businessUnitId', 'segmentId'] },
  { name: 'unit', groupBy: ['businessUnitId'] },
] as const satisfies ReadonlyArray<{ readonly name: string; readonly groupBy: readonly Dimension[] }>;
export type Grouping = (typeof groupings)[number];
export type GroupingName = Grouping['name'];

/** One group's totals, by field (`n`, `promoters`, `successes`, `numerator`, `value` …). */
export type Totals = Readonly<Record<string, number>>;
/** Group key (see `groupKeyOf`) → totals. */
export type GroupedTotals = Map<string, Totals>;
/** `<kpi>/<grouping>` → grouped totals. */
export type EngineTotals = Map<string, GroupedTotals>;

export const totalsKey = (kpi: KpiId, grouping: GroupingName): string => `${kpi}/${grouping}`;

/** The fields each KPI's baseline computes (and that are checked against Kizuna's). */
export const comparedFields: Readonly<Record<KpiId, readonly string[]>> = {
  nps: ['n', 'promoters', 'detractors'],
  csat: ['n', 'successes'],
  cesAgree: ['n', 'successes'],
  cesMean: ['n', 'sum', 'sumOfSquares'],
  enps: ['promoters', 'passives', 'detractors'],
  engagement: ['respondents', 'value'],
  timeToFirstResponseMedian: ['n', 'value'],
  timeToFirstResponseP90: ['n', 'value'],
  timeToResolutionMedian: ['n', 'value'],
  timeToResolutionP90: ['n', 'value'],
  slaCompliance: ['n', 'successes'],
  escalationRate: ['n', 'successes'],
  onboardingDuration: ['n', 'value'],
  renewalRate: ['n', 'successes'],
  grossRevenueRetention: ['n', 'numerator', 'denominator'],
  netRevenueRetention: ['n', 'numerator', 'denominator'],
  churnRate: ['n', 'successes'],
  relationshipHealth: ['n', 'sum', 'sumOfSquares'],
  revenueCoverage: ['n', 'numerator', 'denominator'],
  decisionMakerCoverage: ['n', 'successes'],
};

/** The dimension values of a group from dictionary codes (−1 or null = missing, left out). */
export function keysFromCodes(
  table: FactTable,
  groupBy: readonly Dimension[],
  codes: ReadonlyArray<number | null>,
): Partial<Record<Dimension, string>> {
  const keys: Partial<Record<Dimension, string>> = {};
  groupBy.forEach((dimension, index) => {
    const code = codes[index] ?? -1;
    const value = code < 0 ? undefined : table.categorical[dimension]?.dictionary[code];
    if (value !== undefined) keys[dimension] = value;
  });
  return keys;
}

/** Kizuna's totals of one evaluation, keyed for comparison with the baselines. */
export function kizunaTotals(evaluation: KpiEvaluation, groupBy: readonly Dimension[]): GroupedTotals {
  const totals: GroupedTotals = new Map();
  for (const { keys, result } of evaluation.groups) {
    totals.set(groupKeyOf(keys, groupBy), { n: result.n, value: result.value ?? Number.NaN, ...result.detail });
  }
  return totals;
}

const close = (a: number, b: number): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export interface TotalsCheck {
  /** KPI × grouping lists compared, groups compared, and numbers compared. */
  readonly lists: number;
  readonly groups: number;
  readonly values: number;
  readonly mismatches: readonly string[];
}

/** Checks a baseline's totals against Kizuna's: the same groups, and every compared field equal. */
export function checkTotals(reference: EngineTotals, candidate: EngineTotals): TotalsCheck {
  const mismatches: string[] = [];
  let lists = 0;
  let groups = 0;
  let values = 0;
  for (const [list, expected] of reference) {
    const actual = candidate.get(list);
    const kpi = list.split('/')[0] as KpiId;
    if (actual === undefined) {
      mismatches.push(`${list}: missing`);
      continue;
    }
    lists += 1;
    const keys = new Set([...expected.keys(), ...actual.keys()]);
    for (const key of keys) {
      const want = expected.get(key);
      const got = actual.get(key);
      if (want === undefined || got === undefined) {
        mismatches.push(`${list} ${key}: group only in ${want === undefined ? 'baseline' : 'Kizuna'}`);
        continue;
      }
      groups += 1;
      for (const field of comparedFields[kpi]) {
        values += 1;
        const a = want[field] ?? Number.NaN;
        const b = got[field] ?? Number.NaN;
        if (!close(a, b)) mismatches.push(`${list} ${key} ${field}: Kizuna ${a}, baseline ${b}`);
      }
    }
  }
  return { lists, groups, values, mismatches };
}
