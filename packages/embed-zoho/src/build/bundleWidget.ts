import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export const WIDGET_SCRIPT = 'js/kizuna-zoho.js';
export const WIDGET_STYLES = 'css/kizuna-zoho.css';

/** One built file, by its path under `app/`. */
export interface BuiltFile {
  readonly path: string;
  readonly contents: Uint8Array;
}

const entry = fileURLToPath(new URL('../main.ts', import.meta.url));

function isOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value && Array.isArray(value.output);
}

/**
 * Bundles the widget (React, the dashboards, the Zoho adapter, zod) into one classic script and
 * one style sheet, loaded by `app/widget.html` after Zoho's SDK. A classic IIFE script, not a
 * module: one file, no import map, no chunk loading, nothing evaluated at run time. Production
 * React, no source maps (zet would drop `.map` files anyway).
 */
export async function bundleWidget(): Promise<BuiltFile[]> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      emptyOutDir: false,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      cssCodeSplit: false,
      modulePreload: false,
      assetsInlineLimit: 0,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entry,
        // React Query marks its modules "use client", which means nothing in a single browser bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
        output: {
          format: 'iife',
          entryFileNames: WIDGET_SCRIPT,
          assetFileNames: (asset) => (asset.names.some((name) => name.endsWith('.css')) ? WIDGET_STYLES : 'assets/[name][extname]'),
          codeSplitting: false,
        },
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const files: BuiltFile[] = [];
  for (const output of outputs) {
    if (!isOutput(output)) throw new Error('Vite did not return the built files.');
    for (const item of output.output) {
      files.push({ path: item.fileName, contents: item.type === 'chunk' ? new TextEncoder().encode(item.code) : toBytes(item.source) });
    }
  }
  return files;
}

function toBytes(source: string | Uint8Array): Uint8Array {
  return typeof source === 'string' ? new TextEncoder().encode(source) : source;
}
