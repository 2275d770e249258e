import { namedSmallSampleWarnings, type FrameWarning, type TableColumn, type TableData, type TableRow } from '../frame/index';
import type { Translator } from '../i18n/translator';
import { businessColumns } from './businessColumns';
import type { BusinessView, ComparisonRow, KpiCell } from './businessView';
import { formatKpiValue } from './formatKpi';

const dimensionIds = new Set(['company', 'businessUnitId', 'productLineId', 'segmentId', 'teamId', 'accountId', 'journeyStage', 'channel', 'period']);

/** Words for a dimension id a warning carries; anything else (already words) passes through. */
export function dimensionName(translator: Translator, id: string): string {
  return dimensionIds.has(id) ? translator.t(`dimension.${id}` as 'dimension.company') : id;
}

export function rowLabel(translator: Translator, row: ComparisonRow): string {
  return row.dimension === 'company' ? translator.t('bu.company') : row.label;
}

/**
 * Every row of the comparison as a flat table: value, interval and n of each KPI, and the reading
 * (real strength / weakness). The CSV keeps raw numbers; the screen formats them.
 */
export function comparisonTable(translator: Translator, view: BusinessView): TableData {
  const { t } = translator;
  const columns: TableColumn[] = [
    { key: 'dimension', label: t('bu.table.dimension') },
    { key: 'group', label: t('loop.group'), rowHeader: true },
  ];
  for (const column of businessColumns) {
    const name = t(`kpi.${column.id}`);
    const format = (value: TableRow[string]) => (typeof value === 'number' ? formatKpiValue(translator, column.unit, value) : value === null ? '—' : value);
    columns.push(
      { key: `${column.id}.value`, label: name, numeric: true, format },
      { key: `${column.id}.low`, label: `${name} · ${t('table.intervalLow')}`, numeric: true, format },
      { key: `${column.id}.high`, label: `${name} · ${t('table.intervalHigh')}`, numeric: true, format },
      { key: `${column.id}.n`, label: `${name} · n`, numeric: true },
      { key: `${column.id}.reading`, label: `${name} · ${t('bu.highlights.direction')}` },
    );
  }
  const rows = [view.company, ...view.panels.flatMap((panel) => panel.rows)].map((row) => {
    const cells: Record<string, string | number | null> = {
      dimension: t(`dimension.${row.dimension}`),
      group: rowLabel(translator, row),
    };
    for (const column of businessColumns) {
      const cell = row.cells[column.id];
      cells[`${column.id}.value`] = cell.value;
      cells[`${column.id}.low`] = cell.interval?.low ?? null;
      cells[`${column.id}.high`] = cell.interval?.high ?? null;
      cells[`${column.id}.n`] = cell.value === null ? null : cell.n;
      cells[`${column.id}.reading`] = cell.highlight === undefined ? null : t(cell.highlight === 'strength' ? 'bu.strength' : 'bu.weakness');
    }
    return cells;
  });
  return { columns, rows };
}

/** A shown cell's small-sample notes, named `measure` ("group · KPI"), for the frame's warnings in words. */
export function cellSmallSampleWarnings(cell: KpiCell, measure: string): FrameWarning[] {
  return cell.value === null ? [] : namedSmallSampleWarnings(cell.warnings, measure, cell.n);
}

/** Small-sample notes of shown cells, named "group · KPI", for the frame's warnings in words. */
export function cellWarnings(translator: Translator, view: BusinessView): FrameWarning[] {
  return [view.company, ...view.panels.flatMap((panel) => panel.rows)].flatMap((row) =>
    businessColumns.flatMap((column) => cellSmallSampleWarnings(row.cells[column.id], `${rowLabel(translator, row)} · ${translator.t(`kpi.${column.id}`)}`)),
  );
}
