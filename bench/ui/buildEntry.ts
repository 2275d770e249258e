import { build, type Rolldown } from 'vite';

/** One module of a built bundle: its id, rendered length (characters, before minification) and code. */
export interface RenderedModule {
  readonly id: string;
  readonly renderedLength: number;
  /** The module's code as rendered into the chunk (tree-shaken, not yet minified). */
  readonly code: string;
}

/** One chunk of a built entry: its minified code, its modules, and the chunks it imports. */
export interface BuiltChunk {
  readonly fileName: string;
  readonly isEntry: boolean;
  readonly code: string;
  readonly modules: readonly RenderedModule[];
  /** Chunks loaded before this one runs (static imports). */
  readonly imports: readonly string[];
  /** Chunks this one may load later (`import()`). */
  readonly dynamicImports: readonly string[];
}

export interface BuiltEntry {
  /** Every chunk of the entry: the entry chunk, the chunks it shares, and those loaded on demand. */
  readonly chunks: readonly BuiltChunk[];
}

function isOutputArray(value: unknown): value is readonly Rolldown.RolldownOutput[] {
  return Array.isArray(value);
}

/**
 * Builds one entry as a host would ship it: Vite production build, minified, ES module, code split
 * as a host that bundles with code splitting gets it (each `import()` — a role's dashboard, the
 * messages of one language and area — a chunk of its own), `process.env.NODE_ENV` = production,
 * as the embeds build. Nothing is written; the chunks and Rolldown's module info come back.
 */
export async function buildEntry(entry: string): Promise<BuiltEntry> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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
        output: { format: 'es' },
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const outputs = isOutputArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  if (chunks.filter((chunk) => chunk.isEntry).length !== 1) throw new Error(`Expected one entry chunk for ${entry}, got ${chunks.filter((chunk) => chunk.isEntry).length}.`);
  return {
    chunks: chunks.map((chunk) => ({
      fileName: chunk.fileName,
      isEntry: chunk.isEntry,
      code: chunk.code,
      modules: Object.entries(chunk.modules).map(([id, info]) => ({ id, renderedLength: info.renderedLength, code: info.code ?? '' })),
      imports: chunk.imports,
      dynamicImports: chunk.dynamicImports,
    })),
  };
}

/** The chunk with its static imports, and theirs: what must download before it runs. */
function withStaticImports(chunks: ReadonlyMap<string, BuiltChunk>, start: BuiltChunk, into: Set<BuiltChunk>): void {
  if (into.has(start)) return;
  into.add(start);
  for (const name of start.imports) {
    const imported = chunks.get(name);
    if (imported === undefined) throw new Error(`Chunk ${start.fileName} imports ${name}, which was not built.`);
    withStaticImports(chunks, imported, into);
  }
}

/**
 * What a page downloads to show the entry: the entry chunk and its static imports, plus the chunks
 * holding `loaded` (module ids the entry loads with `import()` for the view measured — a role's
 * dashboard, the messages of one language) with their static imports. Fails if a module of
 * `loaded` is in no chunk the entry can load, so a renamed file cannot shrink the figure unseen.
 */
export function initialDownload(built: BuiltEntry, loaded: readonly string[]): BuiltChunk[] {
  const byName = new Map(built.chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = built.chunks.find((chunk) => chunk.isEntry);
  if (entry === undefined) throw new Error('No entry chunk.');
  const reachable = new Set<BuiltChunk>();
  const queue = [entry];
  for (let chunk = queue.pop(); chunk !== undefined; chunk = queue.pop()) {
    if (reachable.has(chunk)) continue;
    reachable.add(chunk);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = byName.get(name);
      if (next !== undefined) queue.push(next);
    }
  }
  const initial = new Set<BuiltChunk>();
  withStaticImports(byName, entry, initial);
  for (const id of loaded) {
    const holder = [...reachable].find((chunk) => chunk.modules.some((module) => module.id === id));
    if (holder === undefined) throw new Error(`No chunk the entry loads holds ${id}.`);
    withStaticImports(byName, holder, initial);
  }
  return [...initial];
}
