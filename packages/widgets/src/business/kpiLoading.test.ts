import { buildFactTables, evaluateKpi, kpiCatalogue, type AggregatePlan, type Dimension, type KpiEvaluation } from '@kizuna/metrics';
import type { CxDataSource } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { kpiColumns } from './businessColumns';
import { cutKey, loadKpis } from './kpiLoading';
import { recordReads } from './recordReads';
import { datasetDataSource } from './testing/datasetDataSource';
import { deferred } from './testing/deferred';
import { leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();
const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
const finest: Dimension[] = ['businessUnitId', 'productLineId', 'segmentId'];
const cuts: Dimension[][] = [[], ['businessUnitId'], ['businessUnitId', 'productLineId'], ['segmentId']];

/**
 * The organisation's source with every aggregate plan held until the test releases it — or refused
 * at once when `refuses` says so — and every call written down in order, to see what is asked for
 * while a plan is still out.
 */
function gatedSource(refuses: (plan: AggregatePlan) => boolean = () => false) {
  const inner = datasetDataSource(organisation);
  const events: string[] = [];
  const held: Array<() => void> = [];
  const readAsked = deferred<undefined>();
  const source: CxDataSource = {
    ...inner,
    runAggregatePlan: (plan, options) => {
      events.push(`plan ${plan.kpi}`);
      if (refuses(plan)) return Promise.resolve({ pushed: false, unsupported: `this org cannot express ${plan.kpi}` });
      const gate = deferred<undefined>();
      held.push(() => gate.resolve(undefined));
      return gate.promise.then(() => inner.runAggregatePlan(plan, options));
    },
    readDataset: (scope, options) => {
      events.push(`read ${(scope.entities ?? []).join('+')}`);
      readAsked.resolve(undefined);
      return inner.readDataset(scope, options);
    },
  };
  return { source, events, readAsked: readAsked.promise, release: () => held.splice(0).forEach((release) => release()) };
}

/** Value and basis of every group, for comparing two loads. */
const figures = (evaluation: KpiEvaluation | undefined) => evaluation?.groups.map((group) => [group.keys, group.result.value, group.result.n, group.result.interval]);

describe('loadKpis', () => {
  it('pushes the KPIs’ plans down as one batch and finishes every coarser cut from its totals, exactly as in memory', async () => {
    const source = datasetDataSource(organisation);
    const load = await loadKpis(source, { kpis: ['nps', 'csat', 'escalationRate'], scope: { window }, finest, cuts });
    expect(load.pushed).toEqual(['nps', 'csat', 'escalationRate']);
    // One call: NPS's 3 plan queries, CSAT's 2 and escalation's 2 in one batch.
    expect(source.calls.plans).toHaveLength(1);
    expect(Object.keys(source.calls.plans[0]?.queries ?? {})).toHaveLength(7);
    expect(source.calls.reads).toHaveLength(0);
    const tables = buildFactTables(organisation);
    for (const cut of cuts) {
      const direct = evaluateKpi(kpiCatalogue.nps, tables, { groupBy: cut, window });
      const loaded = load.evaluations.nps?.[cutKey(cut)];
      expect(loaded?.groups.map((g) => [g.keys, g.result.value, g.result.n])).toEqual(
        expect.arrayContaining(direct.groups.map((g) => [g.keys, g.result.value, g.result.n])),
      );
      expect(loaded?.groups).toHaveLength(direct.groups.length);
    }
  });

  it('evaluates in memory, from one record read, what the CRM cannot aggregate', async () => {
    const source = datasetDataSource(organisation);
    const load = await loadKpis(source, { kpis: ['nps', 'timeToResolutionMedian', 'slaCompliance'], scope: { window }, finest, cuts });
    expect(load.pushed).toEqual(['nps']);
    expect(load.inMemory).toEqual(['timeToResolutionMedian', 'slaCompliance']);
    expect(source.calls.reads).toEqual([{ ...window, entities: ['supportCase'] }]);
    const company = load.evaluations.timeToResolutionMedian?.['']?.groups[0]?.result;
    expect(company?.n).toBe(organisation.supportCases.length);
  });

  it('falls back to memory for every KPI when the source cannot push plans down', async () => {
    const source = datasetDataSource(organisation, { pushdown: false });
    const load = await loadKpis(source, { kpis: ['nps'], scope: { window, filters: [{ dimension: 'segmentId', values: ['seg-ent'] }] }, finest, cuts });
    expect(load.inMemory).toEqual(['nps']);
    const units = load.evaluations.nps?.['businessUnitId']?.groups ?? [];
    expect(units).toHaveLength(3);
    const total = units.reduce((sum, group) => sum + group.result.n, 0);
    expect(total).toBe(organisation.feedback.filter((f) => f.kind === 'nps' && organisation.accounts.find((a) => a.id === f.accountId)?.segmentId === 'seg-ent').length);
  });

  it('asks for the records of a KPI the CRM cannot aggregate at once, while the plans are still out', async () => {
    const gated = gatedSource();
    const loading = loadKpis(gated.source, { kpis: ['nps', 'timeToResolutionMedian'], scope: { window }, finest, cuts });
    await gated.readAsked;
    expect(gated.events).toEqual(['plan nps', 'read supportCase']);
    gated.release();
    const load = await loading;
    expect(load.pushed).toEqual(['nps']);
    expect(load.inMemory).toEqual(['timeToResolutionMedian']);
    expect(load.evaluations.timeToResolutionMedian?.['']?.groups[0]?.result.n).toBe(organisation.supportCases.length);
  });

  it('asks for a refused KPI’s records when the source refuses it, and keeps the KPIs it can push down pushed', async () => {
    // This org cannot express escalations, so it refuses the batch that holds them: the KPIs are tried one by one.
    const gated = gatedSource((plan) => plan.kpi.includes('escalationRate'));
    const loading = loadKpis(gated.source, { kpis: ['nps', 'csat', 'escalationRate'], scope: { window }, finest, cuts });
    await gated.readAsked;
    expect(gated.events).toEqual(['plan nps+csat+escalationRate', 'plan nps', 'plan csat', 'plan escalationRate', 'read supportCase']);
    gated.release();
    const load = await loading;
    expect(load.pushed).toEqual(['nps', 'csat']);
    expect(load.inMemory).toEqual(['escalationRate']);
    const tables = buildFactTables(organisation);
    for (const cut of cuts) {
      const direct = evaluateKpi(kpiCatalogue.escalationRate, tables, { groupBy: cut, window });
      expect(figures(load.evaluations.escalationRate?.[cutKey(cut)])).toEqual(figures(direct));
    }
  });

  it('gives every KPI the same figures batched as loaded one by one', async () => {
    const request = { scope: { window }, finest, cuts, finestFor: { nps: [...finest, 'accountId' as const] } };
    const source = datasetDataSource(organisation);
    const batched = await loadKpis(source, { ...request, kpis: kpiColumns });
    expect(source.calls.plans).toHaveLength(1);
    expect(batched.evaluations.nps?.['']?.groups[0]?.result.n).toBeGreaterThan(0);
    expect(batched.evaluations.escalationRate?.['']?.groups[0]?.result.n).toBeGreaterThan(0);
    for (const kpi of kpiColumns) {
      expect(Object.keys(batched.evaluations[kpi] ?? {})).toEqual(expect.arrayContaining(cuts.map(cutKey)));
      const alone = await loadKpis(datasetDataSource(organisation), { ...request, kpis: [kpi] });
      for (const cut of [...cuts, request.finestFor.nps]) {
        expect(figures(batched.evaluations[kpi]?.[cutKey(cut)])).toEqual(figures(alone.evaluations[kpi]?.[cutKey(cut)]));
      }
    }
  });

  it('refuses record reads shared over another window', async () => {
    const source = datasetDataSource(organisation);
    const reads = recordReads(source, { from: window.from, to: '2026-04-01T00:00:00.000Z' });
    await expect(loadKpis(source, { kpis: ['timeToResolutionMedian'], scope: { window }, finest, cuts }, { reads })).rejects.toThrow(RangeError);
    expect(source.calls.reads).toEqual([]);
  });

  it('refuses a cut finer than the finest', async () => {
    await expect(loadKpis(datasetDataSource(organisation), { kpis: ['nps'], scope: { window }, finest: ['segmentId'], cuts: [['teamId']] })).rejects.toThrow(RangeError);
  });
});
