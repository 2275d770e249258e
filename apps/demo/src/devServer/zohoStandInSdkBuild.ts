import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';

const demoSrc = join(import.meta.dirname, '..');
const standInDir = join(demoSrc, 'zoho', 'standInSdk');
const entryFile = join(standInDir, 'entry.ts');
/** Files outside the stand-in's folder that it bundles. */
const sharedFiles = ['zoho/zohoHostMessages.ts', 'demoConfig.ts', 'zodJitless.ts'].map((file) => join(demoSrc, file));

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(standInDir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  for (const file of [...names.map((name) => join(standInDir, name)), ...sharedFiles]) hash.update(file).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

function isOutput(value: unknown): value is Rolldown.RolldownOutput {
  return typeof value === 'object' && value !== null && 'output' in value && Array.isArray(value.output);
}

/**
 * Bundles the stand-in of Zoho's widget SDK (`src/zoho/standInSdk/entry.ts`, with zod) into one
 * classic script, as the real SDK is: `widget.html` loads it with a plain `<script>` before the
 * widget's bundle, which reads `ZOHO` as soon as it runs. Cached on disk by a hash of its sources.
 */
export async function buildStandInSdk(cacheDir: string): Promise<string> {
  const cached = join(cacheDir, `zoho-stand-in-sdk-${await sourceHash()}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not built yet for these sources.
  }
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    root: demoSrc,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      emptyOutDir: false,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: { input: entryFile, output: { format: 'iife', entryFileNames: 'sdk.js', codeSplitting: false } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.filter(isOutput).flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('Bundling the stand-in Zoho SDK produced no script.');
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, chunk.code);
  return chunk.code;
}
