import { join } from 'node:path';
import { datasetKeys, formatIssue } from '@kizuna/model';
import type { FileReport, RowReport } from '../load/fileReport';
import type { LoadReport } from '../load/loadDataset';
import type { JsonValue } from '../sections/section';
import { formatCount } from './formatKpi';
import { renderTable } from './textTable';

/** Rejected rows (and, separately, warnings) printed per file; `--json` carries up to the report's cap. */
export const PRINTED_ROWS_PER_FILE = 20;

export interface InputTotals {
  readonly fileCount: number;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  readonly rowsWithWarnings: number;
}

export function inputTotals(report: LoadReport): InputTotals {
  const sum = (pick: (file: FileReport) => number) => report.files.reduce((total, file) => total + pick(file), 0);
  return {
    fileCount: report.files.length,
    rowsRead: sum((file) => file.rowsRead),
    rowsUsed: sum((file) => file.rowsUsed),
    rowsRejected: sum((file) => file.rowsRejected),
    rowsWithWarnings: sum((file) => file.warningCount),
  };
}

function rowLine(path: string, row: RowReport, prefix = ''): string {
  return `${path}:${row.line}: ${prefix}${row.issues.map(formatIssue).join('; ')}`;
}

function capped(file: FileReport, rows: readonly RowReport[], total: number, what: string, prefix = ''): string[] {
  const shown = rows.slice(0, PRINTED_ROWS_PER_FILE).map((row) => rowLine(file.path, row, prefix));
  const more = total - shown.length;
  if (more <= 0) return shown;
  const inJson = rows.length === total ? 'all listed with --json' : `the first ${formatCount(rows.length)} listed with --json`;
  return [...shown, `${file.path}: … and ${formatCount(more)} more ${what} (${inJson})`];
}

/** The data problems, one line each as `file:line: Entity field: problem`, capped per file. For stderr. */
export function problemLines(report: LoadReport): string[] {
  const lines = report.ignored.map(({ name, suggestion }) =>
    `${join(report.dir, name)}: ignored: not a dataset file name${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
  );
  for (const file of report.files) {
    if (file.problem !== undefined) lines.push(`${file.path}: not used: ${file.problem}`);
    lines.push(...file.notes.map((note) => `${file.path}: note: ${note}`));
    lines.push(...capped(file, file.rejected, file.rowsRejected, 'rejected rows'));
    lines.push(...capped(file, file.warnings, file.warningCount, 'rows with warnings', 'warning: '));
  }
  return lines;
}

/** The inputs summary for the text output: one row per file. */
export function inputsText(report: LoadReport): string {
  const totals = inputTotals(report);
  const rows = report.files.map((file) => [
    file.path,
    formatCount(file.rowsRead),
    formatCount(file.rowsUsed),
    formatCount(file.rowsRejected),
    formatCount(file.warningCount),
  ]);
  const columns = [
    { header: 'file', align: 'left' as const },
    ...['read', 'used', 'rejected', 'warnings'].map((header) => ({ header, align: 'right' as const })),
  ];
  const summary = `${formatCount(totals.rowsRead)} rows read from ${totals.fileCount} files: ${formatCount(totals.rowsUsed)} used, ${formatCount(totals.rowsRejected)} rejected, ${formatCount(totals.rowsWithWarnings)} with warnings`;
  const missing = report.missing.length === 0 ? [] : [`  no file (empty): ${report.missing.map((entity) => datasetKeys[entity]).join(', ')}`];
  return [summary, renderTable(columns, [...rows, ['total', ...totalsRow(totals)]]), ...missing].join('\n');
}

function totalsRow(totals: InputTotals): string[] {
  return [totals.rowsRead, totals.rowsUsed, totals.rowsRejected, totals.rowsWithWarnings].map(formatCount);
}

function rowJson(row: RowReport): JsonValue {
  return {
    line: row.line,
    message: row.issues.map(formatIssue).join('; '),
    issues: row.issues.map((issue) => ({ entity: issue.entity, field: issue.field, problem: issue.problem })),
  };
}

function fileJson(file: FileReport): JsonValue {
  return {
    entity: file.entity,
    datasetKey: datasetKeys[file.entity],
    path: file.path,
    format: file.format,
    rowsRead: file.rowsRead,
    rowsUsed: file.rowsUsed,
    rowsRejected: file.rowsRejected,
    rejected: file.rejected.map(rowJson),
    rejectedTruncated: file.rejected.length < file.rowsRejected,
    rowsWithWarnings: file.warningCount,
    warnings: file.warnings.map(rowJson),
    warningsTruncated: file.warnings.length < file.warningCount,
    notes: [...file.notes],
    problem: file.problem ?? null,
  };
}

/** The inputs summary for `--json`: totals, then every file with its rejected rows (up to the cap). */
export function inputsJson(report: LoadReport): JsonValue {
  return {
    dir: report.dir,
    ...inputTotals(report),
    files: report.files.map(fileJson),
    missing: report.missing.map((entity) => datasetKeys[entity]),
    ignored: report.ignored.map(({ name, suggestion }) => ({ name, suggestion: suggestion ?? null })),
  };
}
