/** A cell of an exported or tabulated row: text, a number, or nothing. */
export type CellValue = string | number | null;

/** A column of a data table: its key in each row, its heading, and how to show a cell on screen. */
export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** Text on screen (locale formatting, units); CSV keeps the raw value so spreadsheets can compute. */
  readonly format?: (value: CellValue) => string;
  /** Row headers (`<th scope="row">`) name each row for screen readers; one column should be. */
  readonly rowHeader?: boolean;
  readonly numeric?: boolean;
}

export type TableRow = Readonly<Record<string, CellValue>>;

/** What a widget shows, as rows: the table alternative of a chart and the source of its CSV. */
export interface TableData {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/**
 * A text cell that a spreadsheet would run as a formula (starts with `=`, `+`, `-`, `@`, tab or
 * carriage return) is prefixed with an apostrophe: CRM text is user input and must not execute
 * when the export is opened (OWASP "CSV injection").
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as RFC 4180 CSV (CRLF line ends, quoted where needed) with a UTF-8 byte-order mark, so
 * spreadsheet programs open Japanese text correctly. Headings are the column labels.
 */
export function toCsv(table: TableData): string {
  const lines = [
    table.columns.map((column) => csvCell(column.label)).join(','),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(row[column.key] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every system: letters, digits, dashes; the date makes repeated exports distinct. */
export function exportFileName(base: string, extension: 'csv' | 'png', asOf?: string): string {
  const stem = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const date = asOf === undefined ? '' : `-${asOf.slice(0, 10)}`;
  return `${stem === '' ? 'kizuna' : stem}${date}.${extension}`;
}
