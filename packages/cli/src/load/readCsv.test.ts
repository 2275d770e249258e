import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './readCsv';
import type { FileNote, SourceRow } from './sourceRow';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-read-csv-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(text: string): Promise<Array<SourceRow | FileNote>> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(path, text);
  const rows: Array<SourceRow | FileNote> = [];
  for await (const row of readCsv(path, 'segment')) rows.push(row);
  return rows;
}

describe('readCsv', () => {
  it.each([['\r\n'], ['\n']])('numbers rows by the line they start on, after quoted line breaks and blank lines (%j)', async (eol) => {
    const rows = await readAll(`\uFEFFid,name${eol}s-1,"Public${eol}sector${eol}body"${eol}${eol}s-2,SMB${eol}s-3${eol}s-4,x${eol}`);
    expect(rows).toEqual([
      { line: 2, kind: 'value', value: { id: 's-1', name: `Public${eol}sector${eol}body` }, issues: [] },
      { line: 6, kind: 'value', value: { id: 's-2', name: 'SMB' }, issues: [] },
      { line: 7, kind: 'broken', issues: [expect.objectContaining({ field: '(record)' })] },
      { line: 8, kind: 'value', value: { id: 's-4', name: 'x' }, issues: [] },
    ]);
  });

  it('reports a record with the wrong number of cells as broken, with its line, and reads on', async () => {
    const rows = await readAll('id,name\ns-1\ns-2,SMB\n');
    expect(rows).toEqual([
      { line: 2, kind: 'broken', issues: [{ entity: 'segment', field: '(record)', problem: expect.stringContaining('Invalid Record Length') }] },
      { line: 3, kind: 'value', value: { id: 's-2', name: 'SMB' }, issues: [] },
    ]);
  });

  it('notes columns that are not fields of the model', async () => {
    const rows = await readAll('id,name,colour\ns-1,SMB,\n');
    expect(rows[0]).toEqual({ kind: 'note', message: 'column(s) colour are not fields of the model; rows that fill them are rejected' });
  });
});
