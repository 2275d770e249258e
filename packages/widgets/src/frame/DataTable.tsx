import { useId } from 'react';
import { useTranslator } from '../i18n/i18nContext';
import type { CellValue, TableData } from './csv';
import { ScrollingTable } from './ScrollingTable';

function shown(value: CellValue, format: ((value: CellValue) => string) | undefined): string {
  if (format !== undefined) return format(value);
  return value === null ? '—' : String(value);
}

/** A widget's data as an accessible table: a caption, column headers, and a header cell naming each row. */
export function DataTable({ table, caption }: { table: TableData; caption: string }) {
  const { t } = useTranslator();
  const captionId = useId();
  return (
    <ScrollingTable captionId={captionId}>
      <table className="kz-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric === true ? 'kz-num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={Math.max(1, table.columns.length)}>{t('frame.noRows')}</td>
            </tr>
          )}
          {table.rows.map((row, index) => (
            <tr key={index}>
              {table.columns.map((column) => {
                const text = shown(row[column.key] ?? null, column.format);
                const className = column.numeric === true ? 'kz-num' : undefined;
                return column.rowHeader === true ? (
                  <th key={column.key} scope="row" className={className}>
                    {text}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
