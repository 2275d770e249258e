import type { Dimension, KpiEvaluation, KpiGroup, KpiId } from '@kizuna/metrics';
import type { Account, CanonicalDataset, CxDataSource, ReadOptions } from '@kizuna/model';
import { periodWindow, type FilterState } from '../filters/filterState';
import { businessColumns, type ColumnId } from './businessColumns';
import type { KpiCell, PanelDimension } from './businessView';
import { cutKey, loadKpis, type KpiLoad } from './kpiLoading';
import { businessFinest } from './loadBusinessData';

/** The cell a leader opened: a unit, product line or segment (within the chosen unit, if any). */
export interface DrillTarget {
  readonly dimension: PanelDimension;
  readonly id: string;
  readonly label: string;
}

export interface BreakdownRow {
  readonly id: string;
  readonly label: string;
  readonly cells: Readonly<Partial<Record<ColumnId, KpiCell>>>;
}

export interface Breakdown {
  readonly dimension: PanelDimension;
  readonly rows: readonly BreakdownRow[];
}

/** The KPIs of a drill-down (employee results are per team, never per segment of a cell). */
export const drillColumns: readonly ColumnId[] = businessColumns.filter((column) => column.family !== 'ex').map((column) => column.id);

function cellOf(group: KpiGroup | undefined): KpiCell {
  if (group === undefined) return { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }] };
  return { value: group.result.value, interval: group.result.interval, n: group.result.n, warnings: group.result.warnings };
}

function evaluationAt(load: KpiLoad, kpi: ColumnId, cut: readonly Dimension[]): KpiEvaluation | undefined {
  const evaluations = load.evaluations as Partial<Record<ColumnId, Readonly<Record<string, KpiEvaluation>>>>;
  return evaluations[kpi]?.[cutKey(cut)];
}

/** Sums the finest groups matching `keys` by `by` — only for the shares and NPS, whose counts add. */
function breakdownOf(
  load: KpiLoad,
  structure: CanonicalDataset,
  keys: Partial<Record<Dimension, string>>,
  by: PanelDimension,
  cut: readonly Dimension[],
): Breakdown {
  const ids =
    by === 'productLineId'
      ? structure.productLines.filter((line) => keys.businessUnitId === undefined || line.businessUnitId === keys.businessUnitId)
      : by === 'segmentId'
        ? structure.segments
        : structure.businessUnits;
  const rows = ids.map((item): BreakdownRow => {
    const cells: Partial<Record<ColumnId, KpiCell>> = {};
    for (const column of drillColumns) {
      const groups = evaluationAt(load, column, cut)?.groups ?? [];
      const match = groups.find(
        (group) => group.keys[by] === item.id && Object.entries(keys).every(([dimension, value]) => group.keys[dimension as Dimension] === value),
      );
      cells[column] = cellOf(match);
    }
    return { id: item.id, label: item.name, cells };
  });
  return { dimension: by, rows: rows.filter((row) => Object.values(row.cells).some((cell) => cell.n > 0)) };
}

/**
 * What lies under a cell, from the totals already loaded: a unit's product lines and segments; a
 * product line's segments; a segment's product lines. No further round trip.
 */
export function drillBreakdowns(load: KpiLoad, structure: CanonicalDataset, target: DrillTarget, ownUnitId?: string): Breakdown[] {
  const unit = ownUnitId === undefined ? {} : { businessUnitId: ownUnitId };
  if (target.dimension === 'businessUnitId') {
    const keys = { businessUnitId: target.id };
    return [
      breakdownOf(load, structure, keys, 'productLineId', ['businessUnitId', 'productLineId']),
      breakdownOf(load, structure, keys, 'segmentId', ['businessUnitId', 'segmentId']),
    ];
  }
  if (target.dimension === 'productLineId') {
    const line = structure.productLines.find((item) => item.id === target.id);
    const keys = { ...(line === undefined ? {} : { businessUnitId: line.businessUnitId }), productLineId: target.id };
    return [breakdownOf(load, structure, keys, 'segmentId', businessFinest)];
  }
  return [breakdownOf(load, structure, { ...unit, segmentId: target.id }, 'productLineId', businessFinest)];
}

export interface AccountRow {
  readonly account: Account;
  readonly nps: KpiCell;
  readonly csat: KpiCell;
}

const accountKpis: readonly KpiId[] = ['nps', 'csat'];

function belongs(account: Account, target: DrillTarget, filters: FilterState): boolean {
  if (filters.segmentId !== undefined && account.segmentId !== filters.segmentId) return false;
  if (filters.businessUnitId !== undefined && target.dimension === 'segmentId' && account.businessUnitId !== filters.businessUnitId) return false;
  return account[target.dimension] === target.id;
}

/**
 * The accounts of a cell with their NPS and CSAT, largest ARR first: one more aggregate plan per
 * KPI, grouped by account and filtered to the cell (pushed down like the rest).
 */
export async function loadCellAccounts(
  dataSource: CxDataSource,
  structure: CanonicalDataset,
  target: DrillTarget,
  filters: FilterState,
  asOf: string,
  options: ReadOptions = {},
): Promise<AccountRow[]> {
  const window = periodWindow(filters.period, asOf);
  const cellFilters: Array<{ dimension: Dimension; values: string[] }> = [{ dimension: target.dimension, values: [target.id] }];
  if (filters.segmentId !== undefined && target.dimension !== 'segmentId') cellFilters.push({ dimension: 'segmentId', values: [filters.segmentId] });
  if (filters.businessUnitId !== undefined && target.dimension === 'segmentId') cellFilters.push({ dimension: 'businessUnitId', values: [filters.businessUnitId] });
  const load = await loadKpis(
    dataSource,
    { kpis: accountKpis, scope: { window, filters: cellFilters }, finest: ['accountId'], cuts: [['accountId']] },
    options,
  );
  const groupsOf = (kpi: KpiId) => new Map((load.evaluations[kpi]?.['accountId']?.groups ?? []).map((group) => [group.keys.accountId, group]));
  const nps = groupsOf('nps');
  const csat = groupsOf('csat');
  return structure.accounts
    .filter((account) => belongs(account, target, filters))
    .map((account) => ({ account, nps: cellOf(nps.get(account.id)), csat: cellOf(csat.get(account.id)) }))
    .sort((a, b) => b.account.arr - a.account.arr || a.account.name.localeCompare(b.account.name));
}
