import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kizunaDashboardSourceDir, requireFromEmbedSalesforce } from './embedSalesforcePaths';

/** The Lightning modules the component imports; the demo's page answers them (vite aliases). */
export const lightningStandInSpecifiers = [
  'lightning/platformResourceLoader',
  'lightning/navigation',
  '@salesforce/resourceUrl/kizunaEmbed',
  '@salesforce/i18n/locale',
  '@salesforce/i18n/timeZone',
  '@salesforce/apex/KizunaGateway.read',
  '@salesforce/apex/KizunaGateway.write',
] as const;

const entryFile = join(import.meta.dirname, 'lwcHostEntry.js');

/** The few parts of rollup and its LWC plugin this module uses. */
interface RollupPlugin {
  readonly name: string;
  resolveId?(id: string): string | null;
  transform?(code: string): { code: string; map: null } | null;
}
interface RollupModule {
  rollup(options: {
    input: string;
    external: (id: string) => boolean;
    plugins: readonly unknown[];
    onwarn: (warning: { readonly code?: string; readonly message: string }) => void;
  }): Promise<{ generate(options: { format: 'es' }): Promise<{ output: readonly [{ readonly code: string }, ...unknown[]] }>; close(): Promise<void> }>;
}
type LwcPluginFactory = (options: Readonly<Record<string, unknown>>) => unknown;

async function importFromEmbedSalesforce(specifier: string): Promise<unknown> {
  return import(pathToFileURL(requireFromEmbedSalesforce.resolve(specifier)).href);
}

function isRollup(value: unknown): value is RollupModule {
  return typeof value === 'object' && value !== null && typeof (value as { rollup?: unknown }).rollup === 'function';
}

function lwcPluginOf(value: unknown): LwcPluginFactory {
  const factory = typeof value === 'object' && value !== null ? (value as { default?: unknown }).default : undefined;
  if (typeof factory !== 'function') throw new Error('@lwc/rollup-plugin has no default export.');
  return factory as LwcPluginFactory;
}

/** The engine and synthetic shadow from the Salesforce package's own LWC install. */
function lwcRuntimePlugin(): RollupPlugin {
  const engine = requireFromEmbedSalesforce.resolve('@lwc/engine-dom');
  const syntheticShadow = requireFromEmbedSalesforce.resolve('lwc/synthetic-shadow');
  return {
    name: 'kizuna-demo:lwc-runtime',
    resolveId(id) {
      if (id === 'lwc' || id === '@lwc/engine-dom') return engine;
      if (id === '@lwc/synthetic-shadow') return syntheticShadow;
      return null;
    },
  };
}

/** Production builds of the engine (no dev-mode checks that would slow the page). */
function productionEnvPlugin(): RollupPlugin {
  return {
    name: 'kizuna-demo:production-env',
    transform(code) {
      return code.includes('process.env.NODE_ENV') ? { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null } : null;
    },
  };
}

/** What the compiled module depends on: the component's files, the entry, the LWC versions. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(kizunaDashboardSourceDir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  for (const name of names) hash.update(name).update(await readFile(join(kizunaDashboardSourceDir, name)));
  hash.update(await readFile(entryFile));
  for (const name of ['@lwc/rollup-plugin/package.json', '@lwc/engine-dom/package.json']) {
    hash.update(await readFile(requireFromEmbedSalesforce.resolve(name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Compiles the real `kizunaDashboard` Lightning Web Component with the LWC compiler
 * (`@lwc/rollup-plugin`), together with the LWC engine and synthetic shadow, into one ES module
 * that exports `createElement` and the component class. The Lightning-only imports
 * (`lightning/*`, `@salesforce/*`) stay bare for the demo's stand-ins to answer. The result is
 * cached on disk by a hash of its sources, so only the first start after a change compiles.
 */
export async function compileLwcHost(cacheDir: string): Promise<string> {
  const key = await sourceHash();
  const cached = join(cacheDir, `kizuna-lwc-host-${key}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not compiled yet for these sources.
  }
  const rollupModule = await importFromEmbedSalesforce('rollup');
  if (!isRollup(rollupModule)) throw new Error('rollup could not be loaded from packages/embed-salesforce.');
  const lwc = lwcPluginOf(await importFromEmbedSalesforce('@lwc/rollup-plugin'));
  const standIns = new Set<string>(lightningStandInSpecifiers);
  const bundle = await rollupModule.rollup({
    input: entryFile,
    external: (id) => standIns.has(id),
    plugins: [
      lwcRuntimePlugin(),
      productionEnvPlugin(),
      lwc({
        defaultModules: [],
        exclude: ['**/node_modules/**'],
        modules: [{ name: 'c/kizunaDashboard', path: join(kizunaDashboardSourceDir, 'kizunaDashboard.js') }],
      }),
    ],
    onwarn: (warning) => {
      // The engine's and synthetic shadow's own module cycles are theirs, and harmless.
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      throw new Error(`Compiling the kizunaDashboard component: ${warning.message}`);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const code = output[0].code;
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, code);
    return code;
  } finally {
    await bundle.close();
  }
}
