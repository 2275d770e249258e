import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { simulatorWorkerPath } from './firstRenderPage/simulatorProtocol';

function chunksOf(result: Awaited<ReturnType<typeof build>>): Rolldown.OutputChunk[] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : [])).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
}

/** Bundles the simulator's service worker (one classic script) into a built page's directory. */
export async function buildSimulatorWorker(pageDir: string): Promise<void> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: { input: join(import.meta.dirname, 'firstRenderPage/simulatorWorker.ts'), output: { format: 'iife', codeSplitting: false } },
    },
  });
  const [chunk, ...others] = chunksOf(result);
  if (chunk === undefined || others.length > 0) throw new Error('The simulator worker must build to one chunk.');
  writeFileSync(join(pageDir, simulatorWorkerPath.slice(1)), chunk.code);
}
