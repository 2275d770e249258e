// Benchmark of @kizuna/sample-data at scale: an organisation with about 1,000,000 feedback rows
// (≈102,000 accounts and every other entity at matching scale) streamed to JSON Lines in a temp dir.
// A plain script, not a Vitest test:
//   pnpm bench:sample-data   (or, in bench/: pnpm exec tsx sampleData.bench.ts [--accounts N])
// Each scenario runs in its own child process so that its peak RSS is its own. The baseline writes
// the same number of rows per entity, each a constant record serialised and written through the
// same JSONL writer, so the difference is the generator's own cost.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { streamOrganisation, type GenerateOptions, type OrganisationRecord } from '@kizuna/sample-data';
import { writeJsonl, writeOrganisationJsonl } from '@kizuna/sample-data/node';

type Scenario = 'generate' | 'write' | 'baseline';
type Counts = Record<OrganisationRecord['entity'], number>;

interface ScenarioResult {
  readonly scenario: Scenario;
  readonly seconds: number;
  readonly feedbackRows: number;
  readonly records: number;
  readonly bytes: number;
  readonly counts: Counts;
  /** Highest `process.memoryUsage().rss` seen while sampling, and the kernel's own peak. */
  readonly peakRssSampled: number;
  readonly peakRssKernel: number;
}

interface ScenarioRequest {
  readonly scenario: Scenario;
  readonly options: GenerateOptions;
  readonly dir: string;
  /** For the baseline: how many rows of each entity to write. */
  readonly counts?: Counts;
}

const labels: Record<Scenario, string> = {
  generate: 'generate only (stream, no serialising, no writing)',
  write: 'generator: writeOrganisationJsonl (generate + serialise + write)',
  baseline: 'baseline: serialising and writing the same number of constant rows',
};

/** Samples RSS every 20 ms (and on demand, for loops that never yield to the event loop). */
function rssSampler(): { sample(): void; stop(): number } {
  let peak = process.memoryUsage.rss();
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 20);
  return { sample, stop: () => (clearInterval(timer), sample(), peak) };
}

function countRecords(records: Iterable<OrganisationRecord>, onEvery10k: () => void): Counts {
  const counts = {} as Counts;
  let total = 0;
  for (const { entity } of records) {
    counts[entity] = (counts[entity] ?? 0) + 1;
    total += 1;
    if (total % 10_000 === 0) onEvery10k();
  }
  return counts;
}

/** One constant record per entity (taken from a tiny organisation), repeated `counts` times. */
function* constantRows(counts: Counts, options: GenerateOptions): Generator<OrganisationRecord> {
  const samples = new Map<string, OrganisationRecord>();
  for (const item of streamOrganisation({ ...options, accounts: 5 })) if (!samples.has(item.entity)) samples.set(item.entity, item);
  for (const [entity, count] of Object.entries(counts)) {
    const sample = samples.get(entity);
    if (sample === undefined) continue;
    for (let row = 0; row < count; row += 1) yield sample;
  }
}

async function runScenario(request: ScenarioRequest): Promise<ScenarioResult> {
  const rss = rssSampler();
  const started = performance.now();
  let counts: Counts;
  let bytes = 0;
  if (request.scenario === 'generate') {
    counts = countRecords(streamOrganisation(request.options), rss.sample);
  } else {
    const summary = request.scenario === 'write'
      ? await writeOrganisationJsonl(request.dir, request.options)
      : await writeJsonl(request.dir, constantRows(request.counts ?? ({} as Counts), request.options));
    counts = Object.fromEntries(Object.entries(summary.files).map(([entity, file]) => [entity, file.records])) as Counts;
    bytes = summary.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  const records = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    scenario: request.scenario,
    seconds,
    feedbackRows: counts.feedback ?? 0,
    records,
    bytes,
    counts,
    peakRssSampled: rss.stop(),
    peakRssKernel: process.resourceUsage().maxRSS * 1024,
  };
}

function inChild(request: ScenarioRequest): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', JSON.stringify(request)], { execArgv: process.execArgv });
    child.once('message', (message) => resolve(message as ScenarioResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${request.scenario} exited with ${code}`));
    });
  });
}

const number = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const megabytes = (bytes: number): string => number(bytes / 1e6, 1);

function printTable(results: readonly ScenarioResult[]): void {
  const header = ['scenario', 'feedback rows', 'all records', 'seconds', 'feedback rows/s', 'records/s', 'MB written', 'MB/s', 'peak RSS MB (sampled / kernel)'];
  const rows = results.map((r) => [
    labels[r.scenario],
    number(r.feedbackRows),
    number(r.records),
    number(r.seconds, 2),
    number(r.feedbackRows / r.seconds),
    number(r.records / r.seconds),
    r.bytes === 0 ? '—' : megabytes(r.bytes),
    r.bytes === 0 ? '—' : number(r.bytes / 1e6 / r.seconds, 1),
    `${megabytes(r.peakRssSampled)} / ${megabytes(r.peakRssKernel)}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function printSummary(write: ScenarioResult, baseline: ScenarioResult, generate: ScenarioResult): void {
  const own = write.seconds - baseline.seconds;
  console.log('');
  console.log(`Generator's own cost: ${number(own, 2)} s of ${number(write.seconds, 2)} s (${number((100 * own) / write.seconds)} %); `
    + `serialising and writing the same rows alone takes ${number(baseline.seconds, 2)} s.`);
  console.log(`Generating without serialising: ${number(generate.seconds, 2)} s (${number(generate.records / generate.seconds)} records/s).`);
  console.log(`Budget: 1M feedback rows well under 60 s, bounded memory → ${write.seconds < 60 ? 'within budget' : 'OVER BUDGET'} `
    + `(${number(write.seconds, 1)} s, peak RSS ${megabytes(write.peakRssKernel)} MB for ${megabytes(write.bytes)} MB written).`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, seed: { type: 'string' } } });
  const options: GenerateOptions = { seed: Number(values.seed ?? 1), accounts: Number(values.accounts ?? 102_000) };
  const root = await mkdtemp(join(tmpdir(), 'kizuna-sample-bench-'));
  console.log(`@kizuna/sample-data benchmark — seed ${options.seed}, ${number(options.accounts ?? 0)} accounts, 8 quarters, planted effects`);
  console.log(`Node ${process.version}, ${availableParallelism()} CPU(s); output in ${root} (removed afterwards)\n`);
  try {
    const generate = await inChild({ scenario: 'generate', options, dir: join(root, 'none') });
    const write = await inChild({ scenario: 'write', options, dir: join(root, 'generated') });
    await rm(join(root, 'generated'), { recursive: true, force: true });
    const baseline = await inChild({ scenario: 'baseline', options, dir: join(root, 'baseline'), counts: write.counts });
    printTable([write, baseline, generate]);
    printSummary(write, baseline, generate);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const result = await runScenario(JSON.parse(process.argv[childAt + 1] ?? '{}') as ScenarioRequest);
  process.send?.(result, () => process.disconnect());
} else {
  await main();
}
