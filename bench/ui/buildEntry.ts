import { build, type Rolldown } from 'vite';
import { cspSafeDependencies } from '../../packages/embed-web/src/build/cspSafeDependencies';

/** One module of a built bundle: its id, rendered length (characters, before minification) and code. */
export interface RenderedModule {
  readonly id: string;
  readonly renderedLength: number;
  /** The module's code as rendered into the chunk (tree-shaken, not yet minified). */
  readonly code: string;
}

export interface BuiltEntry {
  /** The minified JavaScript of the entry, every import inlined into one chunk. */
  readonly code: string;
  readonly modules: readonly RenderedModule[];
}

function isOutputArray(value: unknown): value is readonly Rolldown.RolldownOutput[] {
  return Array.isArray(value);
}

/**
 * Builds one entry as a host would ship it: Vite production build, minified, ES module, one chunk
 * (dynamic imports inlined), `process.env.NODE_ENV` = production, the same eval-free stand-in for
 * the generator probe as the embeds. Nothing is written; the chunk and Rolldown's module info come back.
 */
export async function buildEntry(entry: string): Promise<BuiltEntry> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [cspSafeDependencies()],
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: entry,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', codeSplitting: false },
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const outputs = isOutputArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`Expected one chunk for ${entry}, got ${chunks.length}.`);
  const [chunk] = chunks;
  if (chunk === undefined) throw new Error(`No chunk for ${entry}.`);
  const modules = Object.entries(chunk.modules).map(([id, info]) => ({ id, renderedLength: info.renderedLength, code: info.code ?? '' }));
  return { code: chunk.code, modules };
}
