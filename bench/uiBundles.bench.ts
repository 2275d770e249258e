import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntry } from './ui/buildEntry';
import { contributors } from './ui/contributors';
import { embedFiles } from './ui/embedBundles';
import { kb, sizesOf } from './ui/sizes';

/**
 * Gzip size of each role's bundle with React included. Each entry is built on its own with Vite
 * (production, minified, ES module, one chunk) and mounts only its role's dashboard with the
 * providers `Dashboard` sets up (React, ReactDOM, react-query); "everything" mounts `Dashboard`, the
 * root the embeds ship. Baseline in the same run: React + ReactDOM alone.
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
  /** Holds React (compared with the baseline); the adapter alone does not. */
  readonly withReact?: false;
}

const entries: readonly Entry[] = [
  { name: 'baseline: React + ReactDOM', file: 'reactOnly.tsx' },
  { name: 'account manager', file: 'account.tsx', targetKb: 130 },
  { name: 'business-unit leader', file: 'businessUnit.tsx', targetKb: 220 },
  { name: 'CX leader', file: 'cxLeader.tsx', targetKb: 220 },
  { name: 'everything (Dashboard)', file: 'everything.tsx', targetKb: 220 },
  { name: 'account manager via @kizuna/widgets index', file: 'accountViaIndex.tsx' },
  { name: 'Salesforce REST adapter alone (no React)', file: 'salesforceAdapter.ts', withReact: false },
];

const started = performance.now();
const results = [];
for (const entry of entries) {
  const built = await buildEntry(join(entriesDir, entry.file));
  const sizes = sizesOf(built.code);
  results.push({ ...entry, ...sizes, contributors: contributors(built.modules, root, sizes.gzip), modules: built.modules.length });
}
const baseline = results[0];
if (baseline === undefined) throw new Error('No baseline built.');

console.log(`\nRole bundles (Vite ${(await import('vite')).version}, production, minified ES module, one chunk; gzip = node:zlib level 9; KB = 1,024 bytes); built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log('| entry | modules | raw KB | gzip KB | gzip over the baseline | target (gzip) | verdict |');
console.log('|---|---|---|---|---|---|---|');
for (const result of results) {
  const verdict = result.targetKb === undefined ? '—' : result.gzip <= result.targetKb * 1024 ? 'PASS' : `MISS by ${kb(result.gzip - result.targetKb * 1024)} KB`;
  const over = result === baseline ? 'baseline' : result.withReact === false ? '—' : `+${kb(result.gzip - baseline.gzip)} KB (×${(result.gzip / baseline.gzip).toFixed(2)})`;
  console.log(`| ${result.name} | ${result.modules} | ${kb(result.raw)} | ${kb(result.gzip)} | ${over} | ${result.targetKb === undefined ? '—' : `≤ ${result.targetKb} KB`} | ${verdict} |`);
}

const css = sizesOf(readFileSync(join(root, 'packages/widgets/src/styles.css'), 'utf8'));
console.log(`\nShipped beside every bundle: packages/widgets/src/styles.css ${kb(css.raw)} KB raw, ${kb(css.gzip)} KB gzip (not counted above).`);

console.log(
  `\nTop ${topCount} contributors per bundle, by package (and by source folder for Kizuna's own): Rolldown's module info — rendered code after tree-shaking, ` +
    "before minification — and each owner's estimated part of the gzip size (its rendered code gzipped alone, scaled so the parts add up to the bundle's gzip size)",
);
for (const result of results) {
  const total = result.contributors.reduce((sum, item) => sum + item.renderedLength, 0);
  console.log(`\n${result.name} — ${kb(total)} KB rendered, ${kb(result.gzip)} KB gzip`);
  console.log('| package (folder) | modules | rendered KB | ≈ gzip KB | share of gzip |');
  console.log('|---|---|---|---|---|');
  for (const item of result.contributors.slice(0, topCount)) {
    console.log(`| ${item.name} | ${item.modules} | ${kb(item.renderedLength)} | ${kb(item.gzipEstimate)} | ${((100 * item.gzipEstimate) / result.gzip).toFixed(1)} % |`);
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
  `${JSON.stringify({ bundles: results.map(({ file: _file, ...rest }) => rest), css, embeds: embeds.files, embedsNotBuilt: embeds.notBuilt }, null, 2)}\n`,
);
console.log('\nFigures also in bench/out/uiBundles.json');
