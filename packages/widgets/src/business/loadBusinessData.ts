import type { Dimension } from '@kizuna/metrics';
import type { CanonicalDataset, CxDataSource, DatasetRead, ReadOptions } from '@kizuna/model';
import { periodWindow, quartersIn, type FilterState, type Window } from '../filters/filterState';
import { kpiColumns } from './businessColumns';
import { loadKpis, type KpiLoad } from './kpiLoading';

/** The finest cut of the business-unit view; every panel and drill-down is a roll-up of it. */
export const businessFinest: readonly Dimension[] = ['businessUnitId', 'productLineId', 'segmentId'];
export const businessCuts: ReadonlyArray<readonly Dimension[]> = [
  [],
  ['businessUnitId'],
  ['segmentId'],
  ['businessUnitId', 'productLineId'],
  ['businessUnitId', 'segmentId'],
];

export interface BusinessData {
  readonly window: Window;
  readonly quarters: readonly string[];
  readonly load: KpiLoad;
  /** Structure, accounts and employee pulses of the window (no feedback or cases: those are aggregated). */
  readonly structure: CanonicalDataset;
  readonly rejected: DatasetRead['rejected'];
  readonly unavailable: DatasetRead['unavailable'];
}

export interface BusinessLoadOptions extends ReadOptions {
  /**
   * Also group NPS by account, to estimate how alike answers of one account are (the design effect
   * that keeps highlights honest). One row per answering account: turn off for very large
   * organisations, and a cautious design effect of 2 is used instead.
   */
  readonly accountLevelClustering?: boolean;
}

/**
 * Everything the business-unit view needs, in parallel: one aggregate plan per KPI (pushed down)
 * and one read of structure, accounts and employee pulses. KPIs the CRM cannot aggregate add one
 * record read of their facts.
 */
export async function loadBusinessData(
  dataSource: CxDataSource,
  filters: FilterState,
  asOf: string,
  options: BusinessLoadOptions = {},
): Promise<BusinessData> {
  const window = periodWindow(filters.period, asOf);
  const read = { ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const scope = {
    window,
    ...(filters.segmentId === undefined ? {} : { filters: [{ dimension: 'segmentId' as const, values: [filters.segmentId] }] }),
  };
  const [structure, load] = await Promise.all([
    dataSource.readDataset({ from: window.from, to: window.to, entities: ['employeePulse'] }, read),
    loadKpis(
      dataSource,
      {
        kpis: kpiColumns,
        scope,
        finest: businessFinest,
        cuts: businessCuts,
        ...(options.accountLevelClustering === false ? {} : { finestFor: { nps: [...businessFinest, 'accountId'] } }),
      },
      read,
    ),
  ]);
  return {
    window,
    quarters: quartersIn(window),
    load,
    structure: structure.dataset,
    rejected: [...structure.rejected, ...load.read.rejected],
    unavailable: [...structure.unavailable, ...load.read.unavailable],
  };
}
