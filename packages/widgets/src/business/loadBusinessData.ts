import type { Dimension } from '@kizuna/metrics';
import type { CanonicalDataset, CxDataSource, DatasetRead, ReadOptions } from '@kizuna/model';
import { periodWindow, quartersIn, type FilterState, type Window } from '../filters/filterState';
import { kpiColumns } from './businessColumns';
import { loadKpis, type KpiLoad } from './kpiLoading';
import { recordReads } from './recordReads';

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
  /** Every record the load's reads rejected and every part they could not read, each once. */
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
 * Everything the business-unit view needs, in one round of calls: the KPIs' aggregate plans as
 * one batch (pushed down), and one record read of structure, accounts and employee pulses that
 * also brings the facts of the KPIs the CRM cannot aggregate (case durations) — each object read
 * once. Only a KPI the source refuses at run time, whose facts that read does not hold, adds a
 * read of them.
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
  const reads = recordReads(dataSource, window, read);
  // Both ask for their records in this turn: one readDataset holds them all.
  const [structure, load] = await Promise.all([
    reads.read(['employeePulse']),
    loadKpis(
      dataSource,
      {
        kpis: kpiColumns,
        scope,
        finest: businessFinest,
        cuts: businessCuts,
        ...(options.accountLevelClustering === false ? {} : { finestFor: { nps: [...businessFinest, 'accountId'] } }),
      },
      { ...read, reads },
    ),
  ]);
  const everything = await reads.all();
  return {
    window,
    quarters: quartersIn(window),
    load,
    structure: structure.dataset,
    rejected: everything.rejected,
    unavailable: everything.unavailable,
  };
}
