import stringWidth from 'string-width';

export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

function pad(text: string, width: number, align: TableColumn['align']): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? `${fill}${text}` : `${text}${fill}`;
}

/**
 * A borderless text table. Widths are terminal columns (string-width), so Japanese account names
 * line up with Latin ones. Trailing spaces are trimmed.
 */
export function renderTable(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, indent = '  '): string {
  const widths = columns.map((column, index) =>
    Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    `${indent}${columns.map((column, index) => pad(cells[index] ?? '', widths[index] ?? 0, column.align)).join('  ')}`.trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n');
}
