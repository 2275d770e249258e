import type { ValidationIssue } from '@kizuna/model';
import type { CsvColumn, CsvHeader } from './csvRecord';
import { entityShape, type FieldShape } from './fieldShapes';

/** A CSV row as the record the model validates, plus what could not be converted. */
export interface ConvertedRow {
  readonly record: Record<string, unknown>;
  /** Cells whose text is not what the field holds (a number, true/false, JSON). */
  readonly issues: readonly ValidationIssue[];
}

type Cell = { readonly value: unknown } | { readonly problem: string };

const numberText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const booleanText = new Map([['true', true], ['false', false], ['1', true], ['0', false]]);

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function parseJson(text: string): Cell {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Turns a cell's text into the value its field holds, by the model's shape of the field. */
export function convertCell(text: string, shape: FieldShape | undefined): Cell {
  if (shape === undefined) return { value: text };
  switch (shape.kind) {
    case 'text':
      return { value: text };
    case 'number': {
      const trimmed = text.trim();
      return numberText.test(trimmed) ? { value: Number(trimmed) } : { problem: `must be a number (got ${quoted(text)})` };
    }
    case 'boolean': {
      const value = booleanText.get(text.trim().toLowerCase());
      return value === undefined ? { problem: `must be true or false (got ${quoted(text)})` } : { value };
    }
    default:
      return parseJson(text);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (isPlainObject(next)) {
      node = next;
    } else {
      const created: Record<string, unknown> = {};
      node[segment] = created;
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

function cellValue(column: CsvColumn, text: string): Cell | undefined {
  if (text !== '') return convertCell(text, column.shape);
  return column.emptyIsText ? { value: '' } : undefined;
}

/**
 * Builds the record for one CSV row. Empty cells leave a field out (a required text field gets the
 * empty string); map fields such as `driverScores` with no filled cell are empty maps.
 */
export function convertCsvRow(header: CsvHeader, cells: readonly string[]): ConvertedRow {
  const record: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (const column of header.columns) {
    const cell = cellValue(column, cells[column.index] ?? '');
    if (cell === undefined) continue;
    if ('problem' in cell) issues.push({ entity: header.entity, field: column.path.join('.'), problem: cell.problem });
    else setAt(record, column.path, cell.value);
  }
  for (const [field, shape] of entityShape(header.entity).fields) {
    if (shape.kind === 'map' && record[field] === undefined) record[field] = {};
  }
  return { record, issues };
}
