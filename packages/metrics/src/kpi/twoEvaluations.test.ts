import { generateOrganisation } from '@kizuna/sample-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFactTables } from './buildFactTables';
import { dimensions, type Dimension } from './dimensions';
import { compileKpi, evaluateKpi, finishKpi, type KpiEvaluation, type KpiRequest } from './evaluateKpi';
import { executePlan } from './executePlan';
import { kpiCatalogue, kpiIds } from './kpiCatalogue';
import type { KpiResult } from './kpiDefinition';
import { groupKeyOf } from '@kizuna/model';

/**
 * Every KPI that can be pushed down gives the same result both ways: (a) computed in memory from
 * its rows, (b) compiled into an aggregate plan, run by an engine, finished from group totals.
 */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function sameResult(a: KpiResult, b: KpiResult): boolean {
  const sameNumber = (x: number | null, y: number | null) => (x === null || y === null ? x === y : close(x, y));
  return (
    a.n === b.n &&
    sameNumber(a.value, b.value) &&
    sameNumber(a.interval?.low ?? null, b.interval?.low ?? null) &&
    sameNumber(a.interval?.high ?? null, b.interval?.high ?? null) &&
    JSON.stringify(a.warnings) === JSON.stringify(b.warnings)
  );
}

function byKey(evaluation: KpiEvaluation, groupBy: readonly Dimension[]): Map<string, KpiResult> {
  return new Map(evaluation.groups.map((group) => [groupKeyOf(group.keys, groupBy), group.result]));
}

const pushable = kpiIds.filter((id) => !('unsupported' in kpiCatalogue[id].pushdown));

const requestArbitrary = fc.record({
  groupBy: fc.subarray([...dimensions], { maxLength: 3 }),
  window: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 8 })).map(([start, length]) => ({
      from: new Date(Date.UTC(2024, 9 + start * 3, 1)).toISOString(),
      to: new Date(Date.UTC(2024, 9 + (start + length) * 3, 1)).toISOString(),
    })),
    { nil: undefined },
  ),
  onlySegment: fc.boolean(),
});

describe('two evaluations of one definition', () => {
  it('lists which KPIs can be pushed down, and every other one says why not', () => {
    expect(pushable.sort()).toEqual(
      ['cesAgree', 'cesMean', 'churnRate', 'csat', 'engagement', 'enps', 'escalationRate', 'netRevenueRetention', 'nps', 'renewalRate'].sort(),
    );
    for (const id of kpiIds) {
      const { pushdown } = kpiCatalogue[id];
      if ('unsupported' in pushdown) expect(pushdown.unsupported.length, id).toBeGreaterThan(20);
    }
  });

  it('agree for every pushable KPI, over random organisations, cuts, filters and windows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), requestArbitrary, (seed, drawn) => {
        const dataset = generateOrganisation({ seed, accounts: 25 });
        const tables = buildFactTables(dataset);
        const segment = dataset.segments[seed % dataset.segments.length]?.id ?? '';
        for (const id of pushable) {
          const definition = kpiCatalogue[id];
          const request: KpiRequest = {
            groupBy: drawn.groupBy,
            ...(drawn.window === undefined ? {} : { window: drawn.window }),
            ...(drawn.onlySegment ? { filters: [{ dimension: 'segmentId' as const, values: [segment] }] } : {}),
          };
          const usable = drawn.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
          const direct = byKey(evaluateKpi(definition, tables, request), usable);
          const plan = compileKpi(definition, request);
          if ('unsupported' in plan) throw new Error(`${id} should be pushable`);
          const pushed = byKey(finishKpi(definition, request, plan, executePlan(plan, tables)), usable);
          expect([...pushed.keys()].sort(), id).toEqual([...direct.keys()].sort());
          for (const [key, result] of direct) {
            const other = pushed.get(key);
            expect(other !== undefined && sameResult(result, other), `${id} ${key}: ${JSON.stringify(result)} vs ${JSON.stringify(other)}`).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
