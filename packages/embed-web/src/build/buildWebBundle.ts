import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export const BUNDLE_FILE = 'kizuna-dashboard.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../standalone.ts', import.meta.url));

export interface WebBundleReport {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** `eval(` / `new Function` found in the bundle (a strict CSP blocks them): empty when good. */
  readonly forbidden: readonly string[];
}

/** Literal forms a CSP without 'unsafe-eval' blocks. */
export function forbiddenConstructs(code: string): string[] {
  const found: string[] = [];
  if (/(?<![\w$.])eval\s*\(/.test(code)) found.push('eval(');
  // A library handing eval on (`module.exports = eval`), minified.
  if (/=\s*eval(?=\s*[,;})\n])/.test(code)) found.push('eval aliased');
  if (/\bnew\s+Function\b/.test(code)) found.push('new Function');
  return found;
}

function isOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value && Array.isArray(value.output);
}

/**
 * `pnpm build:web`: one ES module with React, the dashboards and the element, its styles inlined
 * (they go into each element's shadow root), no source map, no chunks to load.
 */
export async function buildWebBundle(outDir: string = join(packageRoot, 'dist')): Promise<WebBundleReport> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      modulePreload: false,
      // Not lib mode: Vite leaves whitespace in ES libraries for the next bundler; this is the final file.
      rolldownOptions: {
        input: entry,
        preserveEntrySignatures: 'exports-only',
        // React Query marks its modules "use client", which means nothing in a single browser bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
        output: { format: 'es', entryFileNames: BUNDLE_FILE, codeSplitting: false },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => (isOutput(output) ? output.output : [])).filter((item) => item.type === 'chunk');
  const [chunk] = chunks;
  if (chunk === undefined || chunks.length !== 1) throw new Error(`Expected one bundle, Vite made ${chunks.length}.`);
  const path = join(outDir, BUNDLE_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, chunk.code);
  const bytes = Buffer.byteLength(chunk.code);
  return { path, bytes, gzipBytes: gzipSync(chunk.code).byteLength, forbidden: forbiddenConstructs(chunk.code) };
}
