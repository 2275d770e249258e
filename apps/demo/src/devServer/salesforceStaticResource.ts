import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { embedSalesforceRoot, staticResourceDir, staticResourceFiles } from './embedSalesforcePaths';

const packagesDir = join(embedSalesforceRoot, '..');
/** The sources the static resource is built from (the bundle's entry and everything it imports). */
const bundleSourceDirs = ['embed-salesforce/src', 'widgets/src', 'crm-salesforce/src', 'crm-core/src', 'model/src', 'metrics/src'];
const isBundleSource = (name: string) => /\.(tsx?|css)$/.test(name) && !/\.(test|stories)\.tsx?$/.test(name);

async function newestSourceTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isBundleSource(entry.name)) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Why the built static resource cannot be served as it is, or `undefined` when it is current. */
export async function staticResourceStaleness(): Promise<string | undefined> {
  let builtAt = Number.POSITIVE_INFINITY;
  for (const name of staticResourceFiles) {
    try {
      builtAt = Math.min(builtAt, (await stat(join(staticResourceDir, name))).mtimeMs);
    } catch {
      return `${name} has not been built`;
    }
  }
  for (const dir of bundleSourceDirs) {
    if ((await newestSourceTime(join(packagesDir, dir))) > builtAt) return `packages/${dir} changed since the last build`;
  }
  return undefined;
}

let building: Promise<void> | undefined;

/**
 * Builds the `kizunaEmbed` static resource (`pnpm build:salesforce`, i.e. the Salesforce
 * package's own build script) when it is missing or older than its sources; otherwise does
 * nothing. One build at a time per process.
 */
export function ensureStaticResource(log: (message: string) => void): Promise<void> {
  building ??= (async () => {
    const reason = await staticResourceStaleness();
    if (reason === undefined) return;
    log(`building the Salesforce static resource (${reason})…`);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [join(embedSalesforceRoot, 'scripts', 'build.mjs')], { cwd: embedSalesforceRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pnpm build:salesforce failed (exit ${String(code)}):\n${output}`))));
    });
  })().finally(() => {
    building = undefined;
  });
  return building;
}
