import { buildFactTables, evaluateKpi, kpiCatalogue, type Dimension } from '@kizuna/metrics';
import { describe, expect, it } from 'vitest';
import { cutKey, loadKpis } from './kpiLoading';
import { datasetDataSource } from './testing/datasetDataSource';
import { leaderOrganisation } from './testing/leaderOrganisation';

const organisation = leaderOrganisation();
const window = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
const finest: Dimension[] = ['businessUnitId', 'productLineId', 'segmentId'];
const cuts: Dimension[][] = [[], ['businessUnitId'], ['businessUnitId', 'productLineId'], ['segmentId']];

describe('loadKpis', () => {
  it('pushes one plan per KPI down and finishes every coarser cut from its totals, exactly as in memory', async () => {
    const source = datasetDataSource(organisation);
    const load = await loadKpis(source, { kpis: ['nps', 'csat', 'escalationRate'], scope: { window }, finest, cuts });
    expect(load.pushed).toEqual(['nps', 'csat', 'escalationRate']);
    expect(source.calls.plans).toHaveLength(3);
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

  it('refuses a cut finer than the finest', async () => {
    await expect(loadKpis(datasetDataSource(organisation), { kpis: ['nps'], scope: { window }, finest: ['segmentId'], cuts: [['teamId']] })).rejects.toThrow(RangeError);
  });
});
