import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the Zoho widget package lives, and what `pnpm build:zoho` writes (the zet project's `app/`). */
export const embedZohoRoot = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'embed-zoho');
export const zohoAppDir = join(embedZohoRoot, 'dist', 'kizuna_zoho', 'app');
export const zohoAppFiles = ['widget.html', 'js/kizuna-zoho.js', 'css/kizuna-zoho.css'] as const;

const packagesDir = join(embedZohoRoot, '..');
/** The sources the widget is built from: its page, its entry and everything the bundle imports. */
const widgetSourceDirs = ['embed-zoho/src', 'embed-zoho/app', 'widgets/src', 'crm-zoho/src', 'crm-core/src', 'model/src', 'metrics/src'];
const isWidgetSource = (name: string) => /\.(tsx?|css|html)$/.test(name) && !/\.(test|stories)\.tsx?$/.test(name);

async function newestSourceTime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isWidgetSource(entry.name)) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Why the built widget cannot be served as it is, or `undefined` when it is current. */
export async function zohoWidgetStaleness(): Promise<string | undefined> {
  let builtAt = Number.POSITIVE_INFINITY;
  for (const name of zohoAppFiles) {
    try {
      builtAt = Math.min(builtAt, (await stat(join(zohoAppDir, name))).mtimeMs);
    } catch {
      return `${name} has not been built`;
    }
  }
  for (const dir of widgetSourceDirs) {
    if ((await newestSourceTime(join(packagesDir, dir))) > builtAt) return `packages/${dir} changed since the last build`;
  }
  return undefined;
}

let building: Promise<void> | undefined;

/**
 * Builds the Zoho widget (`pnpm build:zoho`: the package's own build, `tsx src/build/cli.ts`) when
 * it is missing or older than its sources; otherwise does nothing. One build at a time per process.
 */
export function ensureZohoWidget(log: (message: string) => void): Promise<void> {
  building ??= (async () => {
    const reason = await zohoWidgetStaleness();
    if (reason === undefined) return;
    log(`building the Zoho CRM widget (${reason})…`);
    // tsx is a dependency of the Zoho package, which runs its build with it.
    const tsxCli = createRequire(join(embedZohoRoot, 'package.json')).resolve('tsx/cli');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [tsxCli, join('src', 'build', 'cli.ts')], {
        cwd: embedZohoRoot,
        // A production bundle whatever mode the server runs in (an inherited NODE_ENV=development or test would compile JSX for React's development build).
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pnpm build:zoho failed (exit ${String(code)}):\n${output}`))));
    });
  })().finally(() => {
    building = undefined;
  });
  return building;
}

/**
 * `widget.html` as the demo serves it: exactly the built page, with the one `<script>` that loads
 * Zoho's SDK from its CDN pointed at the demo's stand-in instead. Fails when the page no longer
 * loads the SDK that way (the stand-in would then silently not be used).
 */
export async function widgetPageWithStandInSdk(cdnUrl: string, standInUrl: string): Promise<string> {
  const page = await readFile(join(zohoAppDir, 'widget.html'), 'utf8');
  const tag = `<script src="${cdnUrl}"></script>`;
  if (!page.includes(tag)) throw new Error(`packages/embed-zoho/app/widget.html no longer loads Zoho's SDK with ${tag}: update apps/demo/src/zoho/zohoWidgetPaths.ts.`);
  return page.replace(tag, `<script src="${standInUrl}"></script>`);
}
