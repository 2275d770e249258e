import { dimensions, kpiIds } from '@kizuna/metrics';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli';
import { parseAnalyzeArgs } from './analyzeOptions';

describe('kizuna command line options', () => {
  it('prints usage and exits 2 without arguments', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: kizuna <command>');
    expect(run.stdout).toBe('');
  });

  it('prints usage on stdout and exits 0 for --help, help and analyze --help', async () => {
    for (const argv of [['--help'], ['help'], ['-h']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('analyze');
    }
    for (const argv of [['analyze', '--help'], ['help', 'analyze'], ['analyze', '-h', '--data', 'x']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: kizuna analyze --data DIR');
    }
  });

  it('exits 2 naming the valid dimensions for an unknown --by', async () => {
    const run = await runCli(['analyze', '--data', '.', '--by', 'businessUnitId,region']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown dimension for --by: region');
    expect(run.stderr).toContain(`Valid dimensions: ${dimensions.join(', ')}`);
  });

  it('exits 2 naming the valid KPI ids for an unknown --kpi', async () => {
    const run = await runCli(['analyze', '--data', '.', '--kpi', 'nps', '--kpi', 'happiness']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown KPI id for --kpi: happiness');
    expect(run.stderr).toContain(`Valid KPI ids: ${kpiIds.join(', ')}`);
  });

  it('exits 2 for an unknown option, a missing --data, a bad date, an empty window or an unknown command', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['analyze', '--data', '.', '--colour'], /Unknown option '--colour'/],
      [['analyze'], /--data DIR is required/],
      [['analyze', '--data', '.', '--from', 'last tuesday'], /--from must be a date YYYY-MM-DD or an ISO 8601 date-time/],
      [['analyze', '--data', '.', '--from', '2026-02-01', '--to', '2026-01-01'], /--from must be before --to/],
      [['analyze', '--data', '.', '--to', '2026-13-45'], /--to must be a date/],
      [['analyze', '--data', '.', '--to', '2026-02-30'], /--to must be a date/],
      [['sync'], /unknown command sync/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('defaults to every KPI by business unit over all data, and resolves --data against the working directory', () => {
    const args = parseAnalyzeArgs(['--data', 'out'], '/work/here');
    expect(args).toEqual({
      kind: 'options',
      options: { dataArg: 'out', dataDir: '/work/here/out', groupBy: ['businessUnitId'], kpis: kpiIds, json: false, window: undefined },
    });
  });

  it('reads repeated and comma-separated lists, drops repeats, and opens one-sided windows', () => {
    const args = parseAnalyzeArgs(['--data', '/d', '--by', 'period,teamId', '--by', 'period', '--kpi', 'nps', '--from', '2026-04-01T09:00:00+09:00'], '/');
    expect(args.kind === 'options' ? args.options : undefined).toMatchObject({
      groupBy: ['period', 'teamId'],
      kpis: ['nps'],
      window: { from: '2026-04-01T00:00:00.000Z', to: '9999-12-31T23:59:59.999Z' },
    });
  });
});
