import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntry, initialDownload, type BuiltChunk } from './ui/buildEntry';
import { contributors } from './ui/contributors';
import { embedFiles } from './ui/embedBundles';
import { kb, sizesOf } from './ui/sizes';

/**
 * Gzip size of each role's bundle with React included. Each entry is built on its own with Vite
 * (production, minified, ES modules, code split as a host with code splitting gets it) and mounts
 * only its role's dashboard with the providers `Dashboard` sets up (React, ReactDOM, react-query),
 * after loading the role's messages in the user's language; "everything" mounts `Dashboard`, the
 * root the embeds ship. Two figures per entry: the initial download for the role in English (the
 * entry chunk, its static imports, and the chunks it loads on demand for that view) and all chunks.
 * Baseline in the same run: React + ReactDOM alone.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value === undefined || !Number.isInteger(value) || value < 1 ? fallback : value;
}

const root = join(import.meta.dirname, '..');
const entriesDir = join(import.meta.dirname, 'ui/entries');
const topCount = option('top', 12);

interface Entry {
  readonly name: string;
  readonly file: string;
  /** The gzip target in KB (1,024 bytes); none for the baseline and the diagnostics. */
  readonly targetKb?: number;
  /** What the target counts: the initial download (a role's page) or every chunk (an embed ships them all in one file). */
  readonly targetOn?: 'initial' | 'all';
  /** Modules (from the repository root) the entry loads with `import()` for its view in English. */
  readonly loads?: readonly string[];
  /** Holds React (compared with the baseline); the adapter alone does not. */
  readonly withReact?: false;
}

const widgets = 'packages/widgets/src';
const english = (area: 'common' | 'account' | 'leaders') => `${widgets}/i18n/areas/${area}.en.ts`;

const entries: readonly Entry[] = [
  { name: 'baseline: React + ReactDOM', file: 'reactOnly.tsx' },
  { name: 'account manager', file: 'account.tsx', targetKb: 130, loads: [english('common'), english('account')] },
  { name: 'business-unit leader', file: 'businessUnit.tsx', targetKb: 220, loads: [english('common'), english('leaders')] },
  { name: 'CX leader', file: 'cxLeader.tsx', targetKb: 220, loads: [english('common'), english('leaders')] },
  {
    name: 'everything (Dashboard; initial = the account manager)',
    file: 'everything.tsx',
    targetKb: 220,
    targetOn: 'all',
    loads: [`${widgets}/account/index.ts`, english('common'), english('account')],
  },
  { name: 'account manager via @kizuna/widgets index', file: 'accountViaIndex.tsx', loads: [english('common'), english('account')] },
  { name: 'Salesforce REST adapter alone (no React)', file: 'salesforceAdapter.ts', withReact: false },
];

/** Bytes and gzip bytes of a set of chunks, each served (and compressed) as its own file. */
function chunkSizes(chunks: readonly BuiltChunk[]): { chunks: number; modules: number; raw: number; gzip: number } {
  const sizes = chunks.map((chunk) => sizesOf(chunk.code));
  return {
    chunks: chunks.length,
    modules: chunks.reduce((sum, chunk) => sum + chunk.modules.length, 0),
    raw: sizes.reduce((sum, size) => sum + size.raw, 0),
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
  };
}

const started = performance.now();
const results = [];
for (const entry of entries) {
  const built = await buildEntry(join(entriesDir, entry.file));
  const initialChunks = initialDownload(
    built,
    (entry.loads ?? []).map((path) => join(root, path)),
  );
  const initial = chunkSizes(initialChunks);
  const all = chunkSizes(built.chunks);
  const targetOn = entry.targetOn ?? 'initial';
  const counted = targetOn === 'all' ? built.chunks : initialChunks;
  const countedGzip = targetOn === 'all' ? all.gzip : initial.gzip;
  results.push({ ...entry, targetOn, initial, all, countedGzip, contributors: contributors(counted.flatMap((chunk) => chunk.modules), root, countedGzip) });
}
const baseline = results[0];
if (baseline === undefined) throw new Error('No baseline built.');

console.log(
  `\nRole bundles (Vite ${(await import('vite')).version}, production, minified ES modules, code split; gzip = node:zlib level 9, each chunk on its own, summed; KB = 1,024 bytes); built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log('Initial: the entry chunk, its static imports, and the chunks it loads on demand for its view in English (role dashboard, messages). All: every chunk (both languages, every area).');
console.log('| entry | chunks initial / all | modules initial | raw KB initial | gzip KB initial | gzip KB all chunks | initial over the baseline | target (gzip) | verdict |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const result of results) {
  const target = result.targetKb === undefined ? '—' : `≤ ${result.targetKb} KB (${result.targetOn})`;
  const verdict = result.targetKb === undefined ? '—' : result.countedGzip <= result.targetKb * 1024 ? 'PASS' : `MISS by ${kb(result.countedGzip - result.targetKb * 1024)} KB`;
  const over = result === baseline ? 'baseline' : result.withReact === false ? '—' : `+${kb(result.initial.gzip - baseline.initial.gzip)} KB (×${(result.initial.gzip / baseline.initial.gzip).toFixed(2)})`;
  console.log(
    `| ${result.name} | ${result.initial.chunks} / ${result.all.chunks} | ${result.initial.modules} | ${kb(result.initial.raw)} | ${kb(result.initial.gzip)} | ${kb(result.all.gzip)} | ${over} | ${target} | ${verdict} |`,
  );
}

const css = sizesOf(readFileSync(join(root, 'packages/widgets/src/styles.css'), 'utf8'));
console.log(`\nShipped beside every bundle: packages/widgets/src/styles.css ${kb(css.raw)} KB raw, ${kb(css.gzip)} KB gzip (not counted above).`);

console.log(
  `\nTop ${topCount} contributors per bundle, over the chunks its target counts (the initial download unless said), by package (and by source folder for Kizuna's own): Rolldown's module info — rendered code after tree-shaking, ` +
    "before minification — and each owner's estimated part of the gzip size (its rendered code gzipped alone, scaled so the parts add up to those chunks' gzip size)",
);
for (const result of results) {
  const total = result.contributors.reduce((sum, item) => sum + item.renderedLength, 0);
  console.log(`\n${result.name} — ${result.targetOn === 'all' ? 'all chunks' : 'initial download'}: ${kb(total)} KB rendered, ${kb(result.countedGzip)} KB gzip`);
  console.log('| package (folder) | modules | rendered KB | ≈ gzip KB | share of gzip |');
  console.log('|---|---|---|---|---|');
  for (const item of result.contributors.slice(0, topCount)) {
    console.log(`| ${item.name} | ${item.modules} | ${kb(item.renderedLength)} | ${kb(item.gzipEstimate)} | ${((100 * item.gzipEstimate) / result.countedGzip).toFixed(1)} % |`);
  }
}

const embeds = embedFiles(root);
console.log('\nEmbed bundles as last built (JavaScript and CSS files of each dist/)');
if (embeds.files.length > 0) {
  console.log('| embed | file | raw KB | gzip KB | built at |');
  console.log('|---|---|---|---|---|');
  for (const file of embeds.files) console.log(`| ${file.embed} | ${file.file} | ${kb(file.raw)} | ${kb(file.gzip)} | ${file.builtAt.toISOString()} |`);
}
if (embeds.notBuilt.length > 0) console.log(`Not built: ${embeds.notBuilt.join(', ')}.`);

mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'out/uiBundles.json'),
  `${JSON.stringify({ bundles: results.map(({ file: _file, loads: _loads, ...rest }) => rest), css, embeds: embeds.files, embedsNotBuilt: embeds.notBuilt }, null, 2)}\n`,
);
console.log('\nFigures also in bench/out/uiBundles.json');
