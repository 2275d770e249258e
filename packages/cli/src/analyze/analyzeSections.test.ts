import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrganisationJsonl } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturedText } from '../cliIo';
import { kpiSection } from '../sections/kpiSection';
import type { SectionModule } from '../sections/section';
import { runCli } from '../testing/runCli';
import { analyze } from './runAnalyze';
import { parseAnalyzeArgs } from './analyzeOptions';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-sections-'));
  dir = join(root, 'org');
  await writeOrganisationJsonl(dir, { seed: 1, accounts: 20 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const accountCount: SectionModule = {
  id: 'accountCount',
  title: 'Accounts',
  build: (context) => ({
    id: 'accountCount',
    title: 'Accounts',
    toJson: () => ({ accounts: context.dataset.accounts.length }),
    toText: () => `  ${context.dataset.accounts.length} accounts`,
  }),
};

const broken: SectionModule = {
  id: 'drivers',
  title: 'Drivers',
  build: () => {
    throw new Error('not enough responses');
  },
};

async function analyzeWith(modules: readonly SectionModule[], json: boolean) {
  const args = parseAnalyzeArgs(['--data', dir, '--kpi', 'nps', ...(json ? ['--json'] : [])], root);
  if (args.kind !== 'options') throw new Error('bad test arguments');
  const stdout = new CapturedText();
  const stderr = new CapturedText();
  const code = await analyze(args.options, { stdout, stderr, cwd: root }, modules);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('analysis sections', () => {
  it('print in order under their titles, and appear under sections by id in JSON', async () => {
    const text = await analyzeWith([kpiSection, accountCount], false);
    expect(text.code).toBe(0);
    expect(text.stdout.indexOf('KPIs by business unit')).toBeLessThan(text.stdout.indexOf('Accounts\n────────\n  20 accounts'));
    const json = JSON.parse((await analyzeWith([kpiSection, accountCount], true)).stdout) as { sections: Record<string, unknown> };
    expect(Object.keys(json.sections)).toEqual(['kpis', 'accountCount']);
    expect(json.sections['accountCount']).toEqual({ accounts: 20 });
  });

  it('a failing section says why, does not stop the others, and the exit code is 70', async () => {
    const run = await analyzeWith([broken, kpiSection], true);
    expect(run.code).toBe(70);
    expect(run.stderr).toContain('section(s) failed: drivers');
    const json = JSON.parse(run.stdout) as { sections: Record<string, unknown>; failedSections: string[] };
    expect(json.sections['drivers']).toEqual({ error: 'not enough responses' });
    expect(json.failedSections).toEqual(['drivers']);
    expect(json.sections['kpis']).toBeDefined();
  });

  it('a data file that cannot be read is an input failure (66)', async () => {
    const bad = join(root, 'unreadable');
    await writeOrganisationJsonl(bad, { seed: 2, accounts: 5 });
    await rm(join(bad, 'feedback.jsonl'));
    await mkdir(join(bad, 'feedback.jsonl'));
    const run = await runCli(['analyze', '--data', bad]);
    expect(run.code).toBe(66);
    expect(run.stderr).toMatch(/cannot read .*feedback\.jsonl: .*EISDIR/);
  });
});
