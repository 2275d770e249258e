import type { KpiResult } from '@kizuna/metrics';
import type { TimeWindow } from '../analyze/analyzeOptions';
import { describeWarning, dimensionWord, formatCount, formatInterval, formatValue, unitWord } from '../output/formatKpi';
import { kpiName } from '../output/kpiNames';
import { renderTable, type TableColumn } from '../output/textTable';
import type { KpiReport } from './kpiReport';

function levelOf(report: KpiReport): number {
  const withInterval = [report.overall, ...report.groups.map((group) => group.result)].find((result) => result.interval !== null);
  return withInterval?.interval?.level ?? 0.95;
}

function resultCells(report: KpiReport, result: KpiResult): string[] {
  const { unit } = report.definition;
  return [
    formatValue(result.value, unit),
    formatInterval(result.interval, unit),
    formatCount(result.n),
    result.warnings.map(describeWarning).join('; '),
  ];
}

function heading(report: KpiReport): string {
  const { unit, better } = report.definition;
  return `${kpiName(report.id)} (${report.id}) — ${unitWord(unit)}, ${better} is better`;
}

/** One KPI as a table: an "All" row, then a row per group with names for ids. */
export function kpiReportText(report: KpiReport): string {
  const cuts = report.groupBy.length === 0 ? ['all'] : report.groupBy.map(dimensionWord);
  const columns: TableColumn[] = [
    ...cuts.map((header) => ({ header, align: 'left' as const })),
    { header: 'value', align: 'right' },
    { header: `${Math.round(levelOf(report) * 100)}% interval`, align: 'right' },
    { header: 'n', align: 'right' },
    { header: 'notes', align: 'left' },
  ];
  const blanks = cuts.slice(1).map(() => '');
  const rows = [
    ['All', ...blanks, ...resultCells(report, report.overall)],
    ...(report.groupBy.length === 0 ? [] : report.groups.map((group) => [
      ...report.groupBy.map((dimension) => group.labels[dimension] ?? ''),
      ...resultCells(report, group.result),
    ])),
  ];
  const notes = report.warnings.map((warning) => `  note: ${describeWarning(warning)}`);
  return [heading(report), renderTable(columns, rows), ...notes].join('\n');
}

export function windowText(window: TimeWindow | undefined): string {
  return window === undefined ? 'all data (no --from/--to)' : `${window.from} (inclusive) … ${window.to} (exclusive)`;
}
