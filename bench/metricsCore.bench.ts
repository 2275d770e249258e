// Benchmark of the metrics core's full business-unit comparison: every KPI of the catalogue, for
// business units × segments and for business units against the company, over the last four
// quarters, with intervals and the NPS highlights, on an organisation with ≈1,000,000 feedback
// rows (≈102,000 accounts). Baselines in the same run compute the same group totals from the same
// columns: Arquero and DuckDB (native, 1 and 2 threads); their totals are checked equal to Kizuna's.
// A plain script, not a Vitest test:
//   pnpm --filter @kizuna/bench run metrics-core [-- --accounts N --seed N --runs N --warmup N --engines kizuna --no-health]
// The fact tables are built with health scoring as of the window's end (the relationship-health
// KPI needs it; `--no-health` leaves it out and that KPI without data).
// Node runs with --expose-gc (so memory snapshots and the pause before each timed run follow a
// full GC). Kizuna, Arquero and DuckDB (1 thread) are timed with the whole process pinned to CPU 0
// (taskset -a: every thread, V8's GC/compiler helpers too); DuckDB (2 threads) and a second Kizuna
// series run unpinned on both cores. Before every timed run: a full GC, then a wait until the process
// is idle (the GC's helper threads done); each run's process CPU time is taken from its start until the
// process is idle again, so background work the run leaves going is the run's. Figures also go to
// bench/out/metricsCore.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { kpiCatalogue, kpiIds, type FactTables } from '@kizuna/metrics';
import { arqueroBaseline, loadArquero } from './metricsCore/arqueroBaseline';
import { baselineTables } from './metricsCore/baselineColumns';
import { loadDuckDb } from './metricsCore/duckdbBaseline';
import { checkTotals, comparisonWindow, groupings, totalsKey, type EngineTotals, type TotalsCheck } from './metricsCore/groupTotals';
import { comparisonTotals, HIGHLIGHTS_TIMING, runKizunaComparison, type KizunaComparison, type Timing } from './metricsCore/kizuna';
import { buildOrganisationFacts, collectGarbage, type MemorySnapshot, type OrganisationFacts } from './metricsCore/organisationFacts';
import { pinProcess, settle, summarise, threadAffinities, timed, timedRun, type Summary } from './metricsCore/timing';

const engines = ['kizuna', 'kizunaUnpinned', 'arquero', 'duckdb1', 'duckdb2'] as const;
type Engine = (typeof engines)[number];

const engineLabels: Record<Engine, string> = {
  kizuna: 'Kizuna kpiBatch + highlights (JS, 1 core pinned)',
  kizunaUnpinned: 'Kizuna, unpinned (V8 helpers may use core 2)',
  arquero: 'Arquero 8.0.3 (JS, 1 core pinned)',
  duckdb1: 'DuckDB native, threads=1 (1 core pinned)',
  duckdb2: 'DuckDB native, threads=2 (unpinned)',
};

const TARGET_MS = 100;

const number = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number): string => number(value, value < 10 ? 2 : 1);
const mb = (bytes: number): string => number(bytes / 1e6, 1);

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function packageVersions(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return manifest.dependencies ?? {};
}

function printCheck(engine: string, check: TotalsCheck): void {
  if (check.mismatches.length === 0) {
    console.log(`✓ ${engine}: group totals match Kizuna's — ${check.lists} KPI × cut lists, ${check.groups} groups, ${check.values} numbers compared`);
    return;
  }
  console.log(`✗ ${engine}: ${check.mismatches.length} group totals differ from Kizuna's (of ${check.values}); first ones:`);
  for (const mismatch of check.mismatches.slice(0, 12)) console.log(`    ${mismatch}`);
}

function memoryFigures(facts: OrganisationFacts) {
  const { start, withDataset, withDatasetAndTables, tablesOnly, peakRss } = facts.memory;
  const total = (m: MemorySnapshot) => m.heapUsed + m.arrayBuffers;
  const feedbackRows = facts.rows.feedback;
  const typedArrays = Object.values(facts.typedArrayBytes).reduce((sum, bytes) => sum + bytes, 0);
  return {
    feedbackRows,
    datasetBytes: total(withDataset) - total(start),
    buildGrowth: {
      heapAndArrayBuffers: total(withDatasetAndTables) - total(withDataset),
      heap: withDatasetAndTables.heapUsed - withDataset.heapUsed,
      arrayBuffers: withDatasetAndTables.arrayBuffers - withDataset.arrayBuffers,
      rss: withDatasetAndTables.rss - withDataset.rss,
    },
    /** What the fact tables keep once the dataset is gone (heap + ArrayBuffers, after full GC). */
    tablesRetained: total(tablesOnly) - total(start),
    typedArrays,
    feedbackTypedArrays: facts.typedArrayBytes.feedback,
    perFeedbackRow: {
      buildGrowth: (total(withDatasetAndTables) - total(withDataset)) / feedbackRows,
      tablesRetained: (total(tablesOnly) - total(start)) / feedbackRows,
      allTypedArrays: typedArrays / feedbackRows,
      feedbackTableTypedArrays: facts.typedArrayBytes.feedback / feedbackRows,
      buildRssGrowth: (withDatasetAndTables.rss - withDataset.rss) / feedbackRows,
    },
    rssAfterBuild: withDatasetAndTables.rss,
    rssTablesOnly: tablesOnly.rss,
    peakRss,
  };
}

interface PerKpi {
  readonly kpi: (typeof kpiIds)[number];
  /** Median wall-clock and CPU ms per cut. */
  readonly unitSegment: Timing;
  readonly unit: Timing;
}

function perKpiTimings(runs: readonly KizunaComparison[]): PerKpi[] {
  const medianOf = (key: string): Timing => ({
    ms: summarise(runs.map((run) => run.timings.get(key)?.ms ?? Number.NaN)).median,
    cpuMs: summarise(runs.map((run) => run.timings.get(key)?.cpuMs ?? Number.NaN)).median,
  });
  return kpiIds.map((kpi) => ({ kpi, unitSegment: medianOf(totalsKey(kpi, 'unitSegment')), unit: medianOf(totalsKey(kpi, 'unit')) }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    // `pnpm run metrics-core -- --runs 5` hands the script a literal `--`.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      engines: { type: 'string' },
      'no-health': { type: 'boolean' },
    },
  });
  const options = { seed: Number(values.seed ?? 1), accounts: Number(values.accounts ?? 102_000) };
  const runs = Math.max(1, Number(values.runs ?? 15));
  const warmup = Math.max(1, Number(values.warmup ?? 3));
  const kizunaOnly = values.engines === 'kizuna';
  const versions = packageVersions();

  console.log(`@kizuna/metrics full business-unit comparison — seed ${options.seed}, ${number(options.accounts)} accounts, window ${comparisonWindow.from} → ${comparisonWindow.to}`);
  console.log(`Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model ?? '?'}); ${warmup} warm-up (the first doubles as the correctness check) + ${runs} timed runs per engine, interleaved\n`);

  const facts = buildOrganisationFacts(options, values['no-health'] === true ? undefined : comparisonWindow.to);
  const tables: FactTables = facts.tables;
  console.log(`Organisation: ${number(facts.generateSeconds, 1)} s to generate`
    + `${facts.touchpointsSkipped > 0 ? ` (touchpoints skipped: ${number(facts.touchpointsSkipped)})` : ' (touchpoints kept for the health scorecard)'}; `
    + `fact tables: ${Object.entries(facts.rows).map(([name, rows]) => `${name} ${number(rows)}`).join(', ')}`);
  console.log(`buildFactTables${facts.healthScored > 0 ? ` with health scoring as of ${comparisonWindow.to} (${number(facts.healthScored)} accounts scored)` : ' without health scoring (relationshipHealth has no data)'}: `
    + `${number(facts.buildFactTablesMs)} ms wall, ${number(facts.buildFactTablesCpuMs)} ms CPU${facts.gcExposed ? '' : ' (no --expose-gc: memory figures include garbage)'}`);

  const sharedColumns = await timed(() => baselineTables(tables));
  const baselineColumns = sharedColumns.value;
  const arqueroLoad = kizunaOnly ? undefined : await timed(() => loadArquero(baselineColumns));
  const duckLoad = kizunaOnly ? undefined : await timed(() => loadDuckDb(baselineColumns, 1));
  const arquero = arqueroLoad === undefined ? undefined : arqueroBaseline(baselineColumns, arqueroLoad.value);
  const duck = duckLoad?.value;
  if (arqueroLoad !== undefined && duckLoad !== undefined) {
    console.log(`Loading: baseline join keys translated once ${ms(sharedColumns.ms)} ms; Arquero tables from the typed arrays ${ms(arqueroLoad.ms)} ms (zero-copy); `
      + `DuckDB ${duck?.version ?? '?'} tables appended ${number(duckLoad.ms)} ms`);
  }

  // First runs: correctness — every baseline's group totals against Kizuna's.
  const first = runKizunaComparison(tables);
  const reference = comparisonTotals(first);
  const checks: Record<string, TotalsCheck> = {};
  console.log('');
  if (arquero !== undefined && duck !== undefined) {
    const candidates: Array<[string, () => Promise<EngineTotals>]> = [
      ['Arquero', () => arquero.run()],
      ['DuckDB (1 thread)', async () => (await duck.setThreads(1), duck.run())],
      ['DuckDB (2 threads)', async () => (await duck.setThreads(2), duck.run())],
    ];
    for (const [name, run] of candidates) {
      checks[name] = checkTotals(reference, await run());
      printCheck(name, checks[name]);
    }
  }
  const highlights = first.highlights;
  const flagged = highlights.filter((cell) => cell.direction !== 'none');
  console.log(`Highlights: highlightCells on ${highlights.length} NPS cells (units × segments within each segment, units against the rest of the company); `
    + `${flagged.length} flagged after BH at q = 0.05${flagged.length === 0 ? '' : `: ${flagged.map((cell) => `${cell.id} ${cell.direction} (${number(cell.difference ?? 0, 1)} pts)`).join(', ')}`}`);

  // Timed rounds, interleaved so that drift hits every engine alike; a full GC before each run.
  // Before each timed run: a full GC, then a wait until the GC's helper threads have finished (see `settle`).
  const settleMs: number[] = [];
  const pause = async (): Promise<void> => {
    collectGarbage();
    settleMs.push(await settle());
  };
  const samples = Object.fromEntries(engines.map((engine) => [engine, { ms: [] as number[], cpuMs: [] as number[], trailingCpuMs: [] as number[] }])) as Record<
    Engine,
    { ms: number[]; cpuMs: number[]; trailingCpuMs: number[] }
  >;
  const kizunaRuns: KizunaComparison[] = [];
  const loadBefore = loadavg();
  let pinned = true;
  for (let round = 0; round < warmup - 1 + runs; round += 1) {
    const measured = round >= warmup - 1;
    const record = (engine: Engine, timing: Timing & { readonly trailingCpuMs: number }) => {
      if (!measured) return;
      samples[engine].ms.push(timing.ms);
      samples[engine].cpuMs.push(timing.cpuMs);
      samples[engine].trailingCpuMs.push(timing.trailingCpuMs);
    };
    if (duck !== undefined) {
      pinProcess('0-1');
      await duck.setThreads(2);
      await pause();
      record('duckdb2', await timedRun(() => duck.run()));
      await duck.setThreads(1);
    }
    pinned = pinProcess('0') && pinned;
    await pause();
    const kizuna = await timedRun(() => runKizunaComparison(tables));
    record('kizuna', kizuna);
    if (measured) kizunaRuns.push(kizuna.value);
    if (arquero !== undefined) {
      await pause();
      record('arquero', await timedRun(() => arquero.run()));
    }
    if (duck !== undefined) {
      await pause();
      record('duckdb1', await timedRun(() => duck.run()));
    }
    pinProcess('0-1');
    await pause();
    record('kizunaUnpinned', await timedRun(() => runKizunaComparison(tables)));
  }
  const loadAfter = loadavg();
  const threadsAfter = threadAffinities();
  duck?.close();

  const measuredEngines = engines.filter((engine) => samples[engine].ms.length > 0);
  const summaries = Object.fromEntries(
    measuredEngines.map((engine) => [
      engine,
      { wall: summarise(samples[engine].ms), cpu: summarise(samples[engine].cpuMs), trailingCpu: summarise(samples[engine].trailingCpuMs) },
    ]),
  ) as Partial<Record<Engine, { wall: Summary; cpu: Summary; trailingCpu: Summary }>>;
  const kizuna = summaries.kizuna;
  if (kizuna === undefined) throw new Error('no Kizuna timings');

  const busy = Math.max(loadBefore[0] ?? 0, loadAfter[0] ?? 0) > availableParallelism() * 0.75;
  console.log(`\nTimings (ms) — ${runs} runs after ${warmup} warm-up${pinned ? '' : '; WARNING: pinning to CPU 0 failed, "1 core" rows ran unpinned'}. `
    + `Load average before/after: ${loadBefore.map((x) => number(x, 2)).join(' ')} / ${loadAfter.map((x) => number(x, 2)).join(' ')}`
    + `${busy ? ' — the machine was BUSY with other processes: wall-clock figures are inflated; process CPU time is the steadier figure' : ''}`);
  console.log(`Method: before every timed run of every engine, a full GC (global.gc, twice), then a wait until the process is idle `
    + `(< 10 % of a core over 5 ms; median wait ${ms(summarise(settleMs).median)} ms), so that the GC's helper threads finish before the clock starts; `
    + `wall-clock time is the run's; process CPU time (user + system, every thread) runs from its start until the process is idle again, `
    + `so it includes the background work the run left going (its own collections' sweeping, an engine's workers): the "after the run" column.`);
  table(
    ['engine', 'wall median', 'wall p10 – p90', 'wall min', 'CPU median', 'CPU p10 – p90', 'of which after the run', 'wall ratio ÷ Kizuna', 'CPU ratio ÷ Kizuna'],
    measuredEngines.map((engine) => {
      const { wall, cpu, trailingCpu } = summaries[engine] ?? kizuna;
      return [
        engineLabels[engine],
        ms(wall.median),
        `${ms(wall.p10)} – ${ms(wall.p90)}`,
        ms(wall.min),
        ms(cpu.median),
        `${ms(cpu.p10)} – ${ms(cpu.p90)}`,
        ms(trailingCpu.median),
        `${number(wall.median / kizuna.wall.median, 2)}×`,
        `${number(cpu.median / kizuna.cpu.median, 2)}×`,
      ];
    }),
  );
  console.log('(CPU = process CPU time, user + system, all threads: for DuckDB with 2 threads it adds both workers, so compare its wall time.)');
  const duck1 = summaries.duckdb1;
  const meetsTarget = { wall: kizuna.wall.median <= TARGET_MS, cpu: kizuna.cpu.median <= TARGET_MS };
  const beatsDuck = duck1 === undefined ? undefined : { wall: kizuna.wall.median <= duck1.wall.median, cpu: kizuna.cpu.median <= duck1.cpu.median };
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  console.log(`\n≤ ${TARGET_MS} ms on one core: ${yesNo(meetsTarget.wall)} (wall median ${ms(kizuna.wall.median)} ms; CPU median ${ms(kizuna.cpu.median)} ms → ${yesNo(meetsTarget.cpu)})`);
  console.log(beatsDuck === undefined || duck1 === undefined
    ? 'No slower than DuckDB (1 thread): not measured'
    : `No slower than DuckDB (1 thread): ${yesNo(beatsDuck.wall)} (wall: Kizuna ${ms(kizuna.wall.median)} ms vs DuckDB ${ms(duck1.wall.median)} ms; `
      + `CPU: ${ms(kizuna.cpu.median)} ms vs ${ms(duck1.cpu.median)} ms → ${yesNo(beatsDuck.cpu)})`);
  console.log('Kizuna is single-threaded JavaScript: all of the KPI batch and highlightCells runs on the main thread. '
    + 'Baselines return group totals only; Kizuna also computes every interval, warning and the highlight tests.');

  const memory = memoryFigures(facts);
  console.log(`\nMemory (after full GC${facts.gcExposed ? '' : ' — NOT available, run with node --expose-gc'}), ${number(memory.feedbackRows)} feedback rows:`);
  table(
    ['figure', 'MB', 'bytes per feedback row'],
    [
      ['buildFactTables growth (V8 heap + ArrayBuffers)', mb(memory.buildGrowth.heapAndArrayBuffers), number(memory.perFeedbackRow.buildGrowth)],
      ['  of which typed arrays (ArrayBuffers)', mb(memory.buildGrowth.arrayBuffers), number(memory.buildGrowth.arrayBuffers / memory.feedbackRows)],
      ['buildFactTables RSS growth', mb(memory.buildGrowth.rss), number(memory.perFeedbackRow.buildRssGrowth)],
      ['fact tables retained once the dataset is dropped', mb(memory.tablesRetained), number(memory.perFeedbackRow.tablesRetained)],
      ['typed arrays, all six fact tables (exact)', mb(memory.typedArrays), number(memory.perFeedbackRow.allTypedArrays)],
      ['typed arrays, feedback table only (exact)', mb(memory.feedbackTypedArrays), number(memory.perFeedbackRow.feedbackTableTypedArrays)],
      [`dataset in memory${facts.touchpointsSkipped > 0 ? ', without touchpoints' : ''} (for scale)`, mb(memory.datasetBytes), number(memory.datasetBytes / memory.feedbackRows)],
    ],
  );
  if (memory.buildGrowth.heap < 0) {
    console.log('Note: the V8 heap SHRINKS while buildFactTables reads the dataset: V8 flattens the generated records\' concatenated id '
      + 'strings when they are hashed (Map keys) or parsed, so the dataset itself gets smaller; the growth figure is therefore not the '
      + 'tables\' size. The size of the tables is the "retained once the dataset is dropped" row.');
  }
  console.log(`RSS after building ${mb(memory.rssAfterBuild)} MB, with the tables only ${mb(memory.rssTablesOnly)} MB; peak RSS ${mb(memory.peakRss)} MB; `
    + `${number(facts.dictionaryEntries)} dictionary strings.`);

  const perKpi = perKpiTimings(kizunaRuns);
  const highlightTiming = {
    ms: summarise(kizunaRuns.map((run) => run.timings.get(HIGHLIGHTS_TIMING)?.ms ?? Number.NaN)).median,
    cpuMs: summarise(kizunaRuns.map((run) => run.timings.get(HIGHLIGHTS_TIMING)?.cpuMs ?? Number.NaN)).median,
  };
  const totalCpu = perKpi.reduce((sum, row) => sum + row.unitSegment.cpuMs + row.unit.cpuMs, 0) + highlightTiming.cpuMs;
  const totalWall = perKpi.reduce((sum, row) => sum + row.unitSegment.ms + row.unit.ms, 0) + highlightTiming.ms;
  console.log(`\nKizuna per KPI — medians over the pinned runs of each batch.evaluate call (CPU ms, wall ms in brackets; work shared in the `
    + `batch is paid by the first KPI that needs it: a table's window selection, a population, its grouping per cut); `
    + `sums of medians: CPU ${ms(totalCpu)} ms, wall ${ms(totalWall)} ms:`);
  const cell = (timing: Timing) => `${ms(timing.cpuMs)} (${ms(timing.ms)})`;
  table(
    ['KPI', 'source', 'units × segments', 'units', 'both, CPU', 'share of CPU'],
    [...perKpi]
      .sort((a, b) => b.unitSegment.cpuMs + b.unit.cpuMs - (a.unitSegment.cpuMs + a.unit.cpuMs))
      .map((row) => {
        const both = row.unitSegment.cpuMs + row.unit.cpuMs;
        return [row.kpi, kpiCatalogue[row.kpi].source, cell(row.unitSegment), cell(row.unit), ms(both), `${number((100 * both) / totalCpu, 1)} %`];
      })
      .concat([['highlightCells (NPS cells)', '—', '—', '—', ms(highlightTiming.cpuMs), `${number((100 * highlightTiming.cpuMs) / totalCpu, 1)} %`]]),
  );

  const out = new URL('./out/', import.meta.url);
  mkdirSync(out, { recursive: true });
  const json = {
    benchmark: 'metrics-core',
    generatedAt: new Date().toISOString(),
    environment: { node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? null, duckdb: duck?.version ?? null, packages: versions },
    options: { ...options, healthAsOf: facts.healthScored > 0 ? comparisonWindow.to : null, window: comparisonWindow, groupings, runs, warmup, pinnedToOneCore: pinned, threadAffinitiesAtEnd: threadsAfter },
    rows: facts.rows,
    build: { healthScored: facts.healthScored, touchpointsSkipped: facts.touchpointsSkipped, generateSeconds: facts.generateSeconds, buildFactTablesMs: facts.buildFactTablesMs, buildFactTablesCpuMs: facts.buildFactTablesCpuMs },
    loading: {
      sharedJoinKeysMs: sharedColumns.ms,
      arqueroMs: arqueroLoad?.ms ?? null,
      duckdbMs: duckLoad?.ms ?? null,
    },
    loadAverage: { before: loadBefore, after: loadAfter, busy },
    method: {
      beforeEachRun: 'full GC, then wait until the process uses < 10 % of a core over 5 ms',
      settleMs: summarise(settleMs),
      cpuTime: 'process CPU from the start of the run until the process is idle again (background work the run left going included)',
    },
    timingsMs: summaries,
    samplesMs: samples,
    ratiosVsKizuna: Object.fromEntries(
      Object.entries(summaries).map(([engine, s]) => [engine, { wall: s.wall.median / kizuna.wall.median, cpu: s.cpu.median / kizuna.cpu.median }]),
    ),
    targets: { maxMs: TARGET_MS, withinTarget: meetsTarget, noSlowerThanDuckDb1Thread: beatsDuck ?? null },
    checks: Object.fromEntries(Object.entries(checks).map(([engine, check]) => [engine, { ...check, mismatches: check.mismatches.slice(0, 50) }])),
    highlights: { included: true, cells: highlights.length, flagged: flagged.map((cell) => ({ id: cell.id, direction: cell.direction, difference: cell.difference, adjustedP: cell.adjustedP })) },
    memory,
    perKpiMedianMs: { kpis: perKpi, highlightCells: highlightTiming },
  };
  writeFileSync(new URL('metricsCore.json', out), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nFigures written to bench/out/metricsCore.json`);
}

await main();
