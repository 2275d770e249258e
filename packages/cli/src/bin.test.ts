import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyzeJson } from './testing/analyzeJson';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'kizuna.mjs');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-bin-'));
  await writeOrganisationJsonl(join(root, 'org'), { seed: 1, accounts: 50 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bin/kizuna.mjs', () => {
  it('runs the TypeScript sources under plain node from any working directory', { timeout: 60_000 }, async () => {
    const { stdout, stderr } = await run(process.execPath, [bin, 'analyze', '--data', 'org', '--json', '--kpi', 'nps'], { cwd: root });
    expect(stderr).toBe('');
    const json = parseAnalyzeJson(stdout);
    expect(json.command).toBe('analyze');
    expect(json.inputs.rowsRejected).toBe(0);
    expect(json.sections.kpis.kpis[0]?.id).toBe('nps');
  });

  it('exits with the command line code', { timeout: 60_000 }, async () => {
    const failure = await run(process.execPath, [bin, 'analyze', '--data', 'org', '--by', 'planet'], { cwd: root }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown dimension for --by: planet') });
  });

  it('passes the environment to the CRM commands (tokens from KIZUNA_SF_* variables)', { timeout: 60_000 }, async () => {
    const env = { ...process.env, KIZUNA_SF_INSTANCE_URL: 'https://acme.my.salesforce.com', KIZUNA_SF_ACCESS_TOKEN: 'env-token-never-shown' };
    const failure = await run(process.execPath, [bin, 'pull', '--crm', 'salesforce'], { cwd: root, env }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('kizuna pull: --out DIR is required') });
    expect(JSON.stringify(failure)).not.toContain('env-token-never-shown');
  });
});
