import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptFindings } from './bundleChecks';
import { buildZohoWidget, type ZohoBuildReport } from './buildZohoWidget';
import { zipEntries } from './zipEntries';
import { ZET_LIMITS } from './zetRules';

const run = promisify(execFile);
/** The zoho-extension-toolkit binary this package depends on (npm `zoho-extension-toolkit`, bin `zet`). */
const zet = fileURLToPath(new URL('../../node_modules/.bin/zet', import.meta.url));

let workDir = '';
let report: ZohoBuildReport;

/**
 * Runs `zet validate` in a project as a developer would. zet's validate works offline for CRM
 * (no login, no API); its update check is switched off and its config store kept in the temp
 * folder so the test touches nothing outside it.
 */
async function zetValidate(projectDir: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1', XDG_CONFIG_HOME: join(workDir, 'config'), FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await run(zet, ['validate'], { cwd: projectDir, env, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kizuna-zoho-build-'));
  report = await buildZohoWidget(join(workDir, 'dist'));
}, 300_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('the Zoho CRM widget build (pnpm build:zoho)', () => {
  it('lays out a zet project that `zet validate` passes', async () => {
    const result = await zetValidate(report.projectDir);
    expect(result.output).toContain('Validation Rules passed successfully.');
    expect(result.output).not.toContain('not allowed');
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(join(report.projectDir, 'plugin-manifest.json'), 'utf8'))).toEqual({ service: 'CRM' });
  }, 90_000);

  it('is checked by a zet that does fail a project it should refuse', async () => {
    const broken = join(workDir, 'broken');
    await cp(report.projectDir, broken, { recursive: true });
    await mkdir(join(broken, 'app', 'assets.v2'));
    await writeFile(join(broken, 'app', 'assets.v2', 'logo.js'), '');
    const result = await zetValidate(broken);
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid Folder Name - assets.v2');
  }, 90_000);

  it('zips the app/ files as zet pack would, within 250 files and 5 MB per file', async () => {
    const entries = zipEntries(await readFile(report.zipPath));
    expect(entries.map((entry) => entry.name).sort()).toEqual(['app/css/kizuna-zoho.css', 'app/js/kizuna-zoho.js', 'app/widget.html']);
    expect(entries.length).toBeLessThanOrEqual(ZET_LIMITS.maxFiles);
    for (const entry of entries) expect(entry.uncompressedBytes, entry.name).toBeLessThanOrEqual(ZET_LIMITS.maxFileBytes);
    expect(report.problems).toEqual([]);
  });

  it('bundles scripts with no eval and no new Function', async () => {
    const script = await readFile(join(report.projectDir, 'app', 'js', 'kizuna-zoho.js'), 'utf8');
    expect(script).not.toMatch(/(?<![\w$.])eval\s*\(/);
    expect(script).not.toMatch(/\bnew\s+Function\b/);
    expect(scriptFindings('kizuna-zoho.js', script).forbidden).toEqual([]);
    // A production React build, and no source map reference left for zet to drop.
    expect(script).not.toContain('react.development');
    expect(script).not.toContain('sourceMappingURL');
  });

  it('loads Zoho SDK from its CDN first, then the bundle, with no inline script', async () => {
    const page = await readFile(join(report.projectDir, 'app', 'widget.html'), 'utf8');
    const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((match) => match[1]);
    expect(scripts).toEqual(['https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js', 'js/kizuna-zoho.js']);
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page).toContain('href="css/kizuna-zoho.css"');
    expect(page).toMatch(/Content-Security-Policy" content="script-src 'self' https:\/\/live\.zwidgets\.com;/);
  });
});
