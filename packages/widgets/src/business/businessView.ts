import {
  designEffect,
  exResults,
  highlightCells,
  npsSummary,
  teamProfiles,
  type ExGroupRequest,
  type ExGroupResult,
  type HighlightCell,
  type Interval,
  type KpiEvaluation,
  type KpiGroup,
  type KpiResult,
  type KpiWarning,
  type TeamFilter,
} from '@kizuna/metrics';
import type { CanonicalDataset, Dimension } from '@kizuna/model';
import { businessColumns, type ColumnId } from './businessColumns';
import { cutKey, type KpiLoad } from './kpiLoading';

/** The panels a leader compares side by side: business lines (units), product lines, customer types (segments). */
export type PanelDimension = 'businessUnitId' | 'productLineId' | 'segmentId';
export const panelDimensions: readonly PanelDimension[] = ['businessUnitId', 'productLineId', 'segmentId'];

export type Highlight = 'strength' | 'weakness';

/** One KPI of one row: value, interval, basis, warnings, and a highlight only where the difference is real. */
export interface KpiCell {
  readonly value: number | null;
  readonly interval: Interval | null;
  readonly n: number;
  readonly warnings: readonly KpiWarning[];
  readonly highlight?: Highlight;
  /** Cell minus the rest of its panel, and its Benjamini–Hochberg adjusted p, when tested. */
  readonly difference?: number;
  readonly adjustedP?: number;
}

export interface ComparisonRow {
  /** `company`, or the unit / product line / segment id. */
  readonly id: string;
  readonly dimension: PanelDimension | 'company';
  readonly label: string;
  /** ARR of the row's accounts: the revenue at stake behind its numbers. */
  readonly revenue: number;
  readonly cells: Readonly<Record<ColumnId, KpiCell>>;
  /** The leader's own unit (when a unit is chosen). */
  readonly own: boolean;
}

export interface Panel {
  readonly dimension: PanelDimension;
  readonly rows: readonly ComparisonRow[];
}

/** A real strength or weakness, for the list ordered by revenue at stake. */
export interface HighlightItem {
  readonly row: ComparisonRow;
  readonly column: ColumnId;
  readonly highlight: Highlight;
  readonly cell: KpiCell;
}

export interface BusinessView {
  readonly company: ComparisonRow;
  readonly panels: readonly Panel[];
  /** Real differences (false-discovery rate controlled), largest revenue at stake first. */
  readonly highlights: readonly HighlightItem[];
  /** How much answers of one account resemble each other (widens every test). */
  readonly designEffect: number;
  readonly currency: string;
  /** The business unit the view is focused on, if any. */
  readonly ownUnitId: string | undefined;
  readonly warnings: readonly KpiWarning[];
}

export interface BusinessViewInput {
  readonly load: KpiLoad;
  /** Structure and accounts (and employee pulses for the EX columns). */
  readonly structure: CanonicalDataset;
  /** Quarters the window covers, for employee pulses. */
  readonly quarters: readonly string[];
  readonly businessUnitId?: string;
  readonly segmentId?: string;
  /** False discovery rate of the highlights. */
  readonly q?: number;
}

/** False discovery rate for highlights (Benjamini–Hochberg). */
export const highlightQ = 0.05;
/** Used when account-level answers are not available to estimate clustering: a cautious value. */
export const fallbackDesignEffect = 2;

const noData: KpiCell = { value: null, interval: null, n: 0, warnings: [{ code: 'no_data' }] };

function cellOf(result: KpiResult | undefined): KpiCell {
  if (result === undefined) return noData;
  return { value: result.value, interval: result.interval, n: result.n, warnings: result.warnings };
}

function groupsAt(load: KpiLoad, kpi: ColumnId, cut: readonly Dimension[]): readonly KpiGroup[] {
  const evaluations = load.evaluations as Partial<Record<ColumnId, Readonly<Record<string, KpiEvaluation>>>>;
  return evaluations[kpi]?.[cutKey(cut)]?.groups ?? [];
}

function find(groups: readonly KpiGroup[], keys: Partial<Record<Dimension, string>>): KpiResult | undefined {
  return groups.find((group) => Object.entries(keys).every(([dimension, value]) => group.keys[dimension as Dimension] === value))?.result;
}

function exCell(result: ExGroupResult | undefined, column: 'engagement' | 'enps'): KpiCell {
  if (result === undefined) return { ...noData, warnings: [{ code: 'unsupported_cut', detail: { dimension: 'productLineId' } }] };
  if (result.status !== 'shown') return { value: null, interval: null, n: 0, warnings: result.warnings.length > 0 ? result.warnings : [{ code: result.status }] };
  if (column === 'engagement') return { value: result.engagement, interval: null, n: result.respondents, warnings: result.warnings };
  return { value: result.enps.nps, interval: result.enps.interval, n: result.respondents, warnings: [...result.warnings, ...result.enps.warnings] };
}

function emptyCells(): Record<ColumnId, KpiCell> {
  return Object.fromEntries(businessColumns.map((column) => [column.id, noData])) as Record<ColumnId, KpiCell>;
}

interface RowDraft {
  readonly id: string;
  readonly dimension: PanelDimension | 'company';
  readonly keys: Partial<Record<Dimension, string>>;
  readonly cut: readonly Dimension[];
  readonly exTeams: TeamFilter | undefined;
  readonly label: string;
  readonly revenue: number;
  readonly own: boolean;
}

/**
 * The business-unit leader's view from loaded KPIs: the company row, a panel per dimension (units
 * for comparison with the other units; product lines and segments of the chosen unit, or of the
 * company), and the highlights. Each panel is a comparison set: each row is tested against the rest
 * of its panel, Benjamini–Hochberg across every test on the screen, with the design effect of
 * answers clustered in accounts. Rows under the minimum sample are shown but never highlighted.
 */
export function businessView(input: BusinessViewInput): BusinessView {
  const { load, structure } = input;
  const own = input.businessUnitId;
  const inView = structure.accounts.filter((account) => input.segmentId === undefined || account.segmentId === input.segmentId);
  const currencies = new Map<string, number>();
  for (const account of inView) currencies.set(account.currency, (currencies.get(account.currency) ?? 0) + 1);
  const currency = [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'JPY';
  const revenueOf = (match: (account: CanonicalDataset['accounts'][number]) => boolean) =>
    inView.filter((account) => account.currency === currency && match(account)).reduce((sum, account) => sum + account.arr, 0);
  const nameOf = (list: ReadonlyArray<{ id: string; name: string }>, id: string) => list.find((item) => item.id === id)?.name ?? id;
  const unitFilter: TeamFilter = own === undefined ? {} : { businessUnitIds: [own] };
  const withSegment = (filter: TeamFilter): TeamFilter =>
    input.segmentId === undefined ? filter : { ...filter, servingSegmentIds: [...(filter.servingSegmentIds ?? []), input.segmentId] };

  const units = structure.businessUnits.map(
    (unit): RowDraft => ({
      id: unit.id,
      dimension: 'businessUnitId',
      keys: { businessUnitId: unit.id },
      cut: ['businessUnitId'],
      exTeams: withSegment({ businessUnitIds: [unit.id] }),
      label: unit.name,
      revenue: revenueOf((account) => account.businessUnitId === unit.id),
      own: unit.id === own,
    }),
  );
  const lines = structure.productLines
    .filter((line) => own === undefined || line.businessUnitId === own)
    .map(
      (line): RowDraft => ({
        id: line.id,
        dimension: 'productLineId',
        keys: { businessUnitId: line.businessUnitId, productLineId: line.id },
        cut: ['businessUnitId', 'productLineId'],
        exTeams: undefined,
        label: nameOf(structure.productLines, line.id),
        revenue: revenueOf((account) => account.productLineId === line.id),
        own: false,
      }),
    );
  const segments = structure.segments
    .filter((segment) => input.segmentId === undefined || segment.id === input.segmentId)
    .map(
      (segment): RowDraft => ({
        id: segment.id,
        dimension: 'segmentId',
        keys: own === undefined ? { segmentId: segment.id } : { businessUnitId: own, segmentId: segment.id },
        cut: own === undefined ? ['segmentId'] : ['businessUnitId', 'segmentId'],
        exTeams: { ...unitFilter, servingSegmentIds: [segment.id] },
        label: segment.name,
        revenue: revenueOf((account) => account.segmentId === segment.id && (own === undefined || account.businessUnitId === own)),
        own: false,
      }),
    );
  const company: RowDraft = {
    id: 'company',
    dimension: 'company',
    keys: {},
    cut: [],
    exTeams: withSegment({}),
    label: 'company',
    revenue: revenueOf(() => true),
    own: false,
  };
  const drafts = [company, ...units, ...lines, ...segments];

  // EX: every group on the screen in one request, so differences between them are guarded too.
  const exRequests: ExGroupRequest[] = drafts.flatMap((draft) =>
    draft.exTeams === undefined ? [] : [{ id: `${draft.dimension}:${draft.id}`, teams: draft.exTeams, periods: input.quarters }],
  );
  const ex = new Map(
    exResults({ pulses: structure.employeePulses, teams: teamProfiles(structure.teams, structure.accounts) }, { groups: exRequests }).map((result) => [result.id, result]),
  );

  // Clustering of answers within accounts, from account-level NPS counts when they were loaded.
  const accountGroups = groupsAt(load, 'nps', ['accountId']);
  const deff =
    accountGroups.length > 0
      ? designEffect(
          accountGroups.map((group) =>
            npsSummary({ promoters: group.result.detail['promoters'] ?? 0, passives: group.result.detail['passives'] ?? 0, detractors: group.result.detail['detractors'] ?? 0 }),
          ),
        ).designEffect
      : fallbackDesignEffect;

  const rawCells = drafts.map((draft) => {
    const cells = emptyCells();
    for (const column of businessColumns) {
      if (column.family === 'ex') {
        cells[column.id] = draft.exTeams === undefined ? exCell(undefined, 'engagement') : exCell(ex.get(`${draft.dimension}:${draft.id}`), column.id as 'engagement' | 'enps');
      } else cells[column.id] = cellOf(find(groupsAt(load, column.id, draft.cut), draft.keys));
    }
    return cells;
  });

  // Highlights: CX and operational shares and NPS; each panel a comparison set.
  const tested: Array<{ draft: number; column: ColumnId; cell: HighlightCell }> = [];
  drafts.forEach((draft, index) => {
    if (draft.dimension === 'company') return;
    for (const column of businessColumns) {
      if (column.family === 'ex') continue;
      const result = find(groupsAt(load, column.id, draft.cut), draft.keys);
      if (result === undefined) continue;
      const d = result.detail;
      const set = `${draft.dimension}:${column.id}`;
      if (column.id === 'nps') {
        tested.push({ draft: index, column: column.id, cell: { id: `${index}`, comparisonSet: set, measure: { kind: 'nps', counts: { promoters: d['promoters'] ?? 0, passives: d['passives'] ?? 0, detractors: d['detractors'] ?? 0 } } } });
      } else if (d['successes'] !== undefined && d['n'] !== undefined) {
        tested.push({ draft: index, column: column.id, cell: { id: `${index}`, comparisonSet: set, measure: { kind: 'proportion', successes: d['successes'], n: d['n'] } } });
      }
    }
  });
  const results = highlightCells(
    tested.map((t) => t.cell),
    { q: input.q ?? highlightQ, designEffect: deff },
  );
  results.forEach((result, index) => {
    const entry = tested[index];
    const cells = entry === undefined ? undefined : rawCells[entry.draft];
    if (entry === undefined || cells === undefined) return;
    const column = businessColumns.find((c) => c.id === entry.column);
    const better = result.direction === 'strength';
    const highlight: Highlight | undefined =
      result.direction === 'none' ? undefined : column?.better === 'lower' ? (better ? 'weakness' : 'strength') : better ? 'strength' : 'weakness';
    cells[entry.column] = {
      ...cells[entry.column],
      ...(highlight === undefined ? {} : { highlight }),
      ...(result.difference === null ? {} : { difference: result.difference }),
      ...(result.adjustedP === null ? {} : { adjustedP: result.adjustedP }),
    };
  });

  const toRow = (draft: RowDraft, index: number): ComparisonRow => ({
    id: draft.id,
    dimension: draft.dimension,
    label: draft.label,
    revenue: draft.revenue,
    cells: rawCells[index] ?? emptyCells(),
    own: draft.own,
  });
  const companyRow = toRow(company, 0);
  const rest = drafts.slice(1).map((draft, index) => toRow(draft, index + 1));
  const panels = panelDimensions.map((dimension) => ({ dimension, rows: rest.filter((row) => row.dimension === dimension) }));
  const highlights = rest
    .flatMap((row) =>
      businessColumns.flatMap((column) => {
        const cell = row.cells[column.id];
        return cell.highlight === undefined ? [] : [{ row, column: column.id, highlight: cell.highlight, cell }];
      }),
    )
    .sort((a, b) => b.row.revenue - a.row.revenue || a.row.label.localeCompare(b.row.label));
  const warnings = Object.values(load.evaluations).flatMap((byCut) => Object.values(byCut ?? {}).flatMap((evaluation) => evaluation.warnings));
  const unique = [...new Map(warnings.map((warning) => [JSON.stringify(warning), warning])).values()];
  return {
    company: companyRow,
    panels,
    highlights,
    designEffect: deff,
    currency,
    ownUnitId: own,
    warnings: unique,
  };
}
