import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** Fields written whole as JSON text rather than as dotted columns, to exercise both CSV forms. */
const jsonTextFields = new Set(['itemMeans', 'reasons']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ followUp: { state: 'open' } }` → `{ 'followUp.state': 'open' }`; arrays and chosen fields as JSON text. */
export function flattenRecord(record: Record<string, unknown>, prefix = ''): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = `${prefix}${key}`;
    if (isPlainObject(value) && !jsonTextFields.has(key)) Object.assign(cells, flattenRecord(value, `${name}.`));
    else if (typeof value === 'string') cells[name] = value;
    else cells[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return cells;
}

/** CSV text with a header of every column any record has (dotted for nested fields). */
export function toCsv(records: ReadonlyArray<Record<string, unknown>>): string {
  const rows = records.map((record) => flattenRecord(record));
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return stringify([header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]);
}

/** Rewrites every `<dataset>.jsonl` in `dir` as `<dataset>.csv` (and removes the JSONL files). */
export async function convertDirToCsv(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    const records = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    await writeFile(join(dir, name.replace(/\.jsonl$/, '.csv')), toCsv(records));
    await rm(join(dir, name));
  }
}
