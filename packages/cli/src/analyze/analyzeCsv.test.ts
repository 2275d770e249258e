import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDirToCsv } from '../testing/csvFixtures';
import { groupsOf, parseAnalyzeJson } from '../testing/analyzeJson';
import { runCli } from '../testing/runCli';

let root: string;
let jsonlDir: string;
let csvDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-cli-csv-'));
  jsonlDir = join(root, 'jsonl');
  csvDir = join(root, 'csv');
  await writeOrganisationJsonl(jsonlDir, { seed: 1, accounts: 50 });
  await cp(jsonlDir, csvDir, { recursive: true });
  await convertDirToCsv(csvDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('kizuna analyze over a CSV export', () => {
  it('reads dotted and JSON-text columns, numbers and booleans by the schema, and agrees with the JSONL run', async () => {
    expect((await readdir(csvDir)).filter((name) => name.endsWith('.jsonl'))).toEqual([]);
    const header = (await readFile(join(csvDir, 'feedback.csv'), 'utf8')).split('\n')[0] ?? '';
    expect(header).toContain('followUp.state');
    expect(header).toMatch(/driverScores\.product_quality/);
    expect((await readFile(join(csvDir, 'employeePulses.csv'), 'utf8')).split('\n')[0]).toContain('enps.promoters');

    const fromCsv = await runCli(['analyze', '--data', csvDir, '--json']);
    const fromJsonl = await runCli(['analyze', '--data', jsonlDir, '--json']);
    expect(fromCsv.stderr).toBe('');
    expect(fromCsv.code).toBe(0);
    const csv = parseAnalyzeJson(fromCsv.stdout);
    const jsonl = parseAnalyzeJson(fromJsonl.stdout);
    expect(csv.inputs.rowsRejected).toBe(0);
    expect(csv.inputs.rowsUsed).toBe(jsonl.inputs.rowsUsed);
    expect(csv.inputs.files.every((file) => file.format === 'csv')).toBe(true);
    expect(csv.sections.kpis).toEqual(jsonl.sections.kpis);
    expect(groupsOf(csv, 'escalationRate').length).toBeGreaterThan(1);
  });

  it('reports bad cells with file:line and the field, and keeps the other rows', async () => {
    const dir = join(root, 'bad-csv');
    await cp(csvDir, dir, { recursive: true });
    const path = join(dir, 'supportCases.csv');
    const lines = (await readFile(path, 'utf8')).split('\n');
    const columns = (lines[0] ?? '').split(',');
    const corrupt = (line: string, column: string, value: string) => {
      const cells = line.split(',');
      cells[columns.indexOf(column)] = value;
      return cells.join(',');
    };
    lines[1] = corrupt(lines[1] ?? '', 'escalated', 'maybe');
    lines[2] = corrupt(lines[2] ?? '', 'slaResolutionHours', 'soon');
    lines[3] = `${lines[3] ?? ''},extra`;
    await writeFile(path, lines.join('\n'));
    const run = await runCli(['analyze', '--data', dir, '--kpi', 'escalationRate']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${join(dir, 'supportCases.csv')}:2: Support case escalated: must be true or false (got "maybe")`);
    expect(run.stderr).toContain(`${join(dir, 'supportCases.csv')}:3: Support case slaResolutionHours: must be a number (got "soon")`);
    expect(run.stderr).toMatch(/supportCases\.csv:4: Support case \(record\): is not a readable CSV record \(Invalid Record Length/);
    expect(run.stdout).toMatch(/supportCases\.csv +\d+ +\d+ +3 +0/);
  });

  it('exits 65 when the accounts CSV header cannot be used, saying why', async () => {
    const dir = join(root, 'bad-header');
    await cp(csvDir, dir, { recursive: true });
    const path = join(dir, 'accounts.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/^id,name,/, 'id,id,'));
    const run = await runCli(['analyze', '--data', dir]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(`${path}: not used: header names a column twice: id`);
    expect(run.stderr).toContain(`no valid account in ${path} (header names a column twice: id)`);
  });
});
