import { generateOrganisation } from '@kizuna/sample-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupKeyOf, type AggregatePlan, type GroupTotals } from '@kizuna/model';
import { batchPlans, breakdownHolds } from './batchPlans';
import { buildFactTables } from './buildFactTables';
import { dimensions } from './dimensions';
import { compileKpi, evaluateKpi, finishKpi, type KpiRequest } from './evaluateKpi';
import { executePlan } from './executePlan';
import { kpiCatalogue, kpiIds } from './kpiCatalogue';

/**
 * Batching the plans of a whole view changes how many queries are sent, never an answer: every
 * plan's totals cut out of the batch equal that plan run alone, and so do the KPIs finished from them.
 */
const pushable = kpiIds.filter((id) => !('unsupported' in kpiCatalogue[id].pushdown));
const breakdownFields = { feedback: ['scale', 'score'], supportCase: ['escalated'], opportunity: ['type', 'status'] } as const;

function plansFor(request: KpiRequest): AggregatePlan[] {
  return pushable.map((id) => {
    const plan = compileKpi(kpiCatalogue[id], request);
    if ('unsupported' in plan) throw new Error(`${id} should be pushable`);
    return plan;
  });
}

/** Totals in a comparable form: per query, rows sorted by group key, values rounded off float noise. */
function comparable(totals: Readonly<Record<string, readonly GroupTotals[]>>, plan: AggregatePlan) {
  return Object.fromEntries(
    Object.entries(plan.queries).map(([name, query]) => [
      name,
      (totals[name] ?? [])
        .map((row) => [groupKeyOf(row.keys, query.groupBy), Object.entries(row.values).sort().map(([id, value]) => [id, Number(value.toPrecision(12))])])
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

const requestArbitrary = fc.record({
  groupBy: fc.subarray([...dimensions], { maxLength: 3 }),
  window: fc.option(fc.integer({ min: 0, max: 6 }).map((start) => ({ from: new Date(Date.UTC(2024, 9 + start * 3, 1)).toISOString(), to: new Date(Date.UTC(2025, 9 + start * 3, 1)).toISOString() })), {
    nil: undefined,
  }),
});

describe('batchPlans', () => {
  const view: KpiRequest = { groupBy: ['businessUnitId', 'segmentId'], window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } };

  it('sends the business-unit view of every pushable KPI in 11 queries instead of 26', () => {
    const plans = plansFor(view);
    const batch = batchPlans(plans, { breakdownFields });
    expect(batch.plannedQueries).toBe(26);
    expect(Object.keys(batch.plan.queries)).toHaveLength(11);
    // one query per scale (scales share no answers): grouped further by score, the window kept in its WHERE
    const feedback = Object.values(batch.plan.queries).filter((query) => query.source === 'feedback');
    expect(feedback.map((query) => [query.where.find((condition) => condition.field === 'scale'), query.breakdown])).toEqual([
      [{ field: 'scale', op: 'eq', value: 'nps_0_10' }, ['score']],
      [{ field: 'scale', op: 'eq', value: 'csat_1_5' }, ['score']],
      [{ field: 'scale', op: 'eq', value: 'ces2_1_7' }, ['score']],
    ]);
    expect(feedback.every((query) => query.where.some((condition) => condition.field === 'respondedAt' && condition.op === 'gte'))).toBe(true);
  });

  it('merges what overlaps (answers of every scale, and those of one), keeps apart what shares no rows', () => {
    const count = (where: AggregatePlan['queries'][string]['where']) => ({ source: 'feedback' as const, where, groupBy: ['segmentId' as const], measures: [{ id: 'n', op: 'count' as const }] });
    const nps: AggregatePlan = { kpi: 'npsAnswers', queries: { n: count([{ field: 'scale', op: 'eq', value: 'nps_0_10' }]) } };
    const csat: AggregatePlan = { kpi: 'csatAnswers', queries: { n: count([{ field: 'scale', op: 'eq', value: 'csat_1_5' }]) } };
    const all: AggregatePlan = { kpi: 'allAnswers', queries: { n: count([]) } };
    expect(Object.values(batchPlans([nps, csat, all], { breakdownFields }).plan.queries)).toEqual([{ ...count([]), measures: [{ id: 'm0', op: 'count' }], breakdown: ['scale'] }]);
    expect(Object.values(batchPlans([nps, csat], { breakdownFields }).plan.queries).map((query) => query.where)).toEqual([nps.queries['n']?.where, csat.queries['n']?.where]);
  });

  it('merges only what it may lift: without breakdown fields, queries that differ stay apart', () => {
    const plans = plansFor(view);
    expect(Object.keys(batchPlans(plans).plan.queries).length).toBeGreaterThan(Object.keys(batchPlans(plans, { breakdownFields }).plan.queries).length);
  });

  it('gives every plan the totals it gets alone, and the same KPIs, over random organisations and cuts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), requestArbitrary, (seed, drawn) => {
        const tables = buildFactTables(generateOrganisation({ seed, accounts: 25 }));
        const request: KpiRequest = { groupBy: drawn.groupBy, ...(drawn.window === undefined ? {} : { window: drawn.window }) };
        const plans = plansFor(request);
        const batch = batchPlans(plans, { breakdownFields });
        const cut = batch.totalsOf(executePlan(batch.plan, tables));
        plans.forEach((plan, index) => {
          const alone = executePlan(plan, tables);
          const fromBatch = cut[index] ?? {};
          expect(comparable(fromBatch, plan), plan.kpi).toEqual(comparable(alone, plan));
          const id = pushable[index];
          if (id === undefined) return;
          const definition = kpiCatalogue[id];
          const usable = request.groupBy.filter((dimension) => definition.dimensions.includes(dimension));
          const finished = finishKpi(definition, request, plan, fromBatch).groups.map((group) => [groupKeyOf(group.keys, usable), group.result.n, group.result.value]);
          const direct = evaluateKpi(definition, tables, request).groups.map((group) => [groupKeyOf(group.keys, usable), group.result.n, group.result.value]);
          expect(new Map(finished.map(([key, ...rest]) => [key, rest]))).toEqual(new Map(direct.map(([key, ...rest]) => [key, rest])));
        });
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('reads conditions on breakdown values as the in-memory engine does', () => {
    expect(breakdownHolds({ field: 'score', op: 'gte', value: 9 }, 10)).toBe(true);
    expect(breakdownHolds({ field: 'score', op: 'gte', value: 9 }, '9')).toBe(true);
    expect(breakdownHolds({ field: 'score', op: 'lte', value: 6 }, null)).toBe(false);
    expect(breakdownHolds({ field: 'escalated', op: 'eq', value: true }, 1)).toBe(true);
    expect(breakdownHolds({ field: 'escalated', op: 'eq', value: true }, true)).toBe(true);
    expect(breakdownHolds({ field: 'status', op: 'in', values: ['won', 'lost'] }, 'open')).toBe(false);
    expect(breakdownHolds({ field: 'status', op: 'neq', value: 'won' }, null)).toBe(false);
    expect(breakdownHolds({ field: 'status', op: 'isNull' }, null)).toBe(true);
  });
});
