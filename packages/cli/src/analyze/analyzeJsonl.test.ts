import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFactTables, evaluateKpi, kpiCatalogue, kpiIds } from '@kizuna/metrics';
import { generateOrganisation } from '@kizuna/sample-data';
import { writeOrganisationJsonl, type JsonlSummary } from '@kizuna/sample-data/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupsOf, parseAnalyzeJson, sortGroups } from '../testing/analyzeJson';
import { runCli } from '../testing/runCli';

const options = { seed: 1, accounts: 50 };
let root: string;
let dir: string;
let written: JsonlSummary;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kizuna-cli-'));
  dir = join(root, 'org');
  written = await writeOrganisationJsonl(dir, options);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('kizuna analyze over a JSONL export', () => {
  it('prints a table per KPI with business-unit names, intervals and n, and exits 0', async () => {
    const run = await runCli(['analyze', '--data', 'org'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const unitNames = (await readFile(join(dir, 'businessUnits.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { name: string }).name);
    expect(unitNames.length).toBeGreaterThan(0);
    for (const name of unitNames) expect(run.stdout).toContain(name);
    expect(run.stdout).toContain('NPS (nps) — points, higher is better');
    expect(run.stdout).toMatch(/business unit\s+value\s+95% interval\s+n\s+notes/);
    expect(run.stdout).toContain(`org/feedback.jsonl`);
    for (const id of kpiIds) expect(run.stdout).toContain(`(${id})`);
  });

  it('--json: one document whose NPS by business unit equals evaluateKpi on the same data', async () => {
    const run = await runCli(['analyze', '--data', dir, '--json'], '/');
    expect(run.code).toBe(0);
    const json = parseAnalyzeJson(run.stdout);
    expect(json.inputs.fileCount).toBe(12);
    expect(json.inputs.rowsRead).toBe(written.records);
    expect(json.inputs.rowsRejected).toBe(0);
    expect(json.inputs.files.find((file) => file.entity === 'feedback')?.rowsUsed).toBe(written.files.feedback.records);
    expect(json.sections.kpis.kpis.map((kpi) => kpi.id)).toEqual(kpiIds);

    const tables = buildFactTables(generateOrganisation(options));
    const direct = evaluateKpi(kpiCatalogue.nps, tables, { groupBy: ['businessUnitId'] });
    expect(direct.groups.length).toBeGreaterThan(1);
    expect(groupsOf(json, 'nps')).toEqual(sortGroups(direct.groups));
    const overall = evaluateKpi(kpiCatalogue.nps, tables, { groupBy: [] }).groups[0]?.result;
    expect(json.sections.kpis.kpis.find((kpi) => kpi.id === 'nps')?.overall.result).toEqual(overall);
  });

  it('applies --from/--to and several cuts exactly as the metrics core does', async () => {
    const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };
    const args = ['analyze', '--data', dir, '--json', '--kpi', 'nps,csat', '--by', 'businessUnitId', '--by', 'period', '--from', '2026-01-01', '--to', window.to];
    const run = await runCli(args);
    expect(run.code).toBe(0);
    const json = parseAnalyzeJson(run.stdout);
    expect(json.request.window).toEqual(window);
    const tables = buildFactTables(generateOrganisation(options));
    for (const kpi of ['nps', 'csat'] as const) {
      const direct = evaluateKpi(kpiCatalogue[kpi], tables, { groupBy: ['businessUnitId', 'period'], window });
      expect(groupsOf(json, kpi)).toEqual(sortGroups(direct.groups));
      expect(new Set(direct.groups.map((group) => group.keys.period))).toEqual(new Set(['2026-Q1', '2026-Q2']));
    }
  });

  it('shows names for teams and says in words when a KPI has no such cut', async () => {
    const run = await runCli(['analyze', '--data', dir, '--kpi', 'engagement,renewalRate', '--by', 'teamId,period,channel']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Customer Success · \w+ +2026-Q3/);
    expect(run.stdout).toContain('note: this KPI has no cut by channel: left out');
    expect(run.stdout).toMatch(/hidden: fewer than 5 respondents \(anonymity\)/);
  });
});
