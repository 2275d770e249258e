import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrganisationJsonl, type JsonlSummary } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyzeJson } from '../testing/analyzeJson';
import { runCli } from '../testing/runCli';

let root: string;
let clean: string;
let written: JsonlSummary;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-cli-bad-'));
  clean = join(root, 'clean');
  written = await writeOrganisationJsonl(clean, { seed: 1, accounts: 50 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function copyOf(name: string): Promise<string> {
  const dir = join(root, name);
  await cp(clean, dir, { recursive: true });
  return dir;
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
}

describe('kizuna analyze over data with problems', () => {
  it('reports corrupted lines as file:line: reason, uses the valid rows, warns on unknown accounts, exits 0', async () => {
    const dir = await copyOf('corrupted');
    const path = join(dir, 'feedback.jsonl');
    const rows = await lines(path);
    const first = JSON.parse(rows[0] ?? '{}') as Record<string, unknown>;
    rows[2] = '{"id": "broken", ';
    rows[4] = JSON.stringify({ ...first, id: 'fb-score', kind: 'nps', scale: 'nps_0_10', score: 11 });
    rows[6] = JSON.stringify({ ...first, id: 'fb-colour', colour: 'red' });
    rows.push(JSON.stringify({ ...first, id: 'fb-orphan', accountId: 'acc-nowhere' }));
    await writeFile(path, `${rows.join('\n')}\n`);

    const run = await runCli(['analyze', '--data', dir, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${path}:3: Feedback (record): is not valid JSON (`);
    expect(run.stderr).toContain(`${path}:5: Feedback score: must be from 0 to 10 on scale nps_0_10 (got 11)`);
    expect(run.stderr).toContain(`${path}:7: Feedback (record): unknown field(s) colour`);
    expect(run.stderr).toContain(`${path}:${rows.length}: warning: Feedback accountId: refers to an unknown account acc-nowhere`);
    const feedback = parseAnalyzeJson(run.stdout).inputs.files.find((file) => file.entity === 'feedback');
    expect(feedback).toMatchObject({ rowsRead: rows.length, rowsRejected: 3, rowsUsed: rows.length - 3 });
    expect(feedback?.rejected.map((row) => row.line)).toEqual([3, 5, 7]);
    expect(feedback?.warnings).toEqual([{ line: rows.length, message: 'Feedback accountId: refers to an unknown account acc-nowhere', issues: expect.any(Array) }]);
  });

  it('caps the printed rejections per file and says how many more there are; JSON lists them all', async () => {
    const dir = await copyOf('many-bad');
    await appendFile(join(dir, 'touchpoints.jsonl'), 'not json\n'.repeat(25));
    const run = await runCli(['analyze', '--data', dir, '--json', '--kpi', 'nps']);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('is not valid JSON'))).toHaveLength(20);
    expect(run.stderr).toContain('touchpoints.jsonl: … and 5 more rejected rows (all listed with --json)');
    expect(parseAnalyzeJson(run.stdout).inputs.files.find((file) => file.entity === 'touchpoint')?.rejected).toHaveLength(25);
  });

  it('rejects a row whose id repeats an earlier row', async () => {
    const dir = await copyOf('duplicate');
    const path = join(dir, 'supportCases.jsonl');
    const [first] = await lines(path);
    await appendFile(path, `${first ?? ''}\n`);
    const run = await runCli(['analyze', '--data', dir, '--kpi', 'escalationRate']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`supportCases\\.jsonl:${written.files.supportCase.records + 1}: Support case id: \\S+ is already on an earlier row`));
  });

  it('exits 65 with what was wrong when no account is valid', async () => {
    const dir = await copyOf('no-accounts');
    const accounts = (await lines(join(dir, 'accounts.jsonl'))).map((line) => JSON.stringify({ ...(JSON.parse(line) as object), arr: -1 }));
    await writeFile(join(dir, 'accounts.jsonl'), `${accounts.join('\n')}\n`);
    const run = await runCli(['analyze', '--data', dir]);
    expect(run.code).toBe(65);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('accounts.jsonl:1: Account arr: must not be negative');
    expect(run.stderr).toContain(`kizuna analyze: nothing usable in ${dir}: no valid account in ${join(dir, 'accounts.jsonl')} (50 of 50 rows rejected)`);
  });

  it('exits 66 when the directory or the accounts file is missing', async () => {
    const missingDir = await runCli(['analyze', '--data', join(root, 'nowhere')]);
    expect(missingDir.code).toBe(66);
    expect(missingDir.stderr).toMatch(/cannot read the data directory .*nowhere/);

    const dir = await copyOf('no-accounts-file');
    await rm(join(dir, 'accounts.jsonl'));
    const missingFile = await runCli(['analyze', '--data', dir]);
    expect(missingFile.code).toBe(66);
    expect(missingFile.stderr).toContain(`no accounts.jsonl or accounts.csv in ${dir}`);
  });

  it('treats other missing files as empty and names them', async () => {
    const dir = await copyOf('only-some');
    await rm(join(dir, 'feedback.jsonl'));
    await rm(join(dir, 'employeePulses.jsonl'));
    const run = await runCli(['analyze', '--data', dir, '--kpi', 'nps,churnRate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no file (empty): feedback, employeePulses');
    expect(run.stdout).toMatch(/All +— +0 +no data/);
  });

  it('refuses a directory holding both the JSONL and the CSV file of one dataset (65)', async () => {
    const dir = await copyOf('both');
    await writeFile(join(dir, 'feedback.csv'), 'id\n');
    const run = await runCli(['analyze', '--data', dir]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('both feedback.jsonl and feedback.csv are in');
  });
});
