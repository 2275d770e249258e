import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWidget, WIDGET_SCRIPT, WIDGET_STYLES, type BuiltFile } from './bundleWidget';
import { inlineScriptFindings, scriptFindings } from './bundleChecks';
import { zetProblems, type ProjectFile } from './zetRules';
import { zipEntries } from './zipEntries';
import { zipProject } from './zipProject';

/** The zet project's folder name (zet: `[A-Za-z0-9_]+`); the zip is named after it, as `zet pack` does. */
export const PROJECT_NAME = 'kizuna_zoho';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ZohoBuildReport {
  /** The zet project: `plugin-manifest.json` and `app/`. */
  readonly projectDir: string;
  readonly zipPath: string;
  readonly files: readonly ProjectFile[];
  readonly zipBytes: number;
  /** Everything wrong: zet's limits, eval in a script, inline script in a page. Empty when the build is good. */
  readonly problems: readonly string[];
  /** Dormant references to the Function constructor in the bundle (library code behind switches), for review. */
  readonly audited: readonly string[];
}

export class ZohoBuildError extends Error {
  override readonly name = 'ZohoBuildError';
  constructor(readonly report: ZohoBuildReport) {
    super(`The Zoho widget build has ${report.problems.length} problem(s):\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

async function sourceFile(path: string): Promise<BuiltFile> {
  return { path, contents: await readFile(join(packageRoot, 'app', path)) };
}

function checksOf(files: readonly BuiltFile[]): { problems: string[]; audited: string[] } {
  const decoder = new TextDecoder();
  const problems = zetProblems(files.map((file) => ({ path: `app/${file.path}`, bytes: file.contents.byteLength })));
  const audited: string[] = [];
  for (const file of files) {
    if (file.path.endsWith('.js')) {
      const findings = scriptFindings(file.path, decoder.decode(file.contents));
      problems.push(...findings.forbidden);
      audited.push(...findings.audited);
    }
    if (file.path.endsWith('.html')) problems.push(...inlineScriptFindings(file.path, decoder.decode(file.contents)));
  }
  for (const expected of [WIDGET_SCRIPT, WIDGET_STYLES, 'widget.html']) {
    if (!files.some((file) => file.path === expected)) problems.push(`app/${expected} is missing from the build`);
  }
  return { problems, audited };
}

/**
 * `pnpm build:zoho`: bundles the widget, lays out the zet project in `outDir/kizuna_zoho/`
 * (`plugin-manifest.json`, `app/widget.html`, `app/js/…`, `app/css/…`), checks zet's rules and
 * the CSP rules, and writes `outDir/kizuna_zoho.zip` to upload in Developer Hub. Throws a
 * `ZohoBuildError` listing every problem when something would not pass.
 */
export async function buildZohoWidget(outDir: string): Promise<ZohoBuildReport> {
  const bundled = await bundleWidget();
  const files = [await sourceFile('widget.html'), ...bundled];
  const projectDir = join(outDir, PROJECT_NAME);
  const zipPath = join(outDir, `${PROJECT_NAME}.zip`);
  await rm(projectDir, { recursive: true, force: true });
  await writeFile(join(await ensureDir(projectDir), 'plugin-manifest.json'), await readFile(join(packageRoot, 'plugin-manifest.json')));
  for (const file of files) {
    const target = join(projectDir, 'app', file.path);
    await ensureDir(dirname(target));
    await writeFile(target, file.contents);
  }
  await zipProject(files, zipPath);
  const checks = checksOf(files);
  // The zip is checked as uploaded: read back, its entries must pass zet's rules too.
  const zipped = zipEntries(await readFile(zipPath));
  checks.problems.push(...zetProblems(zipped.map((entry) => ({ path: entry.name, bytes: entry.uncompressedBytes }))).map((problem) => `in the zip: ${problem}`));
  const report: ZohoBuildReport = {
    projectDir,
    zipPath,
    files: files.map((file) => ({ path: `app/${file.path}`, bytes: file.contents.byteLength })),
    zipBytes: (await stat(zipPath)).size,
    ...checks,
  };
  if (report.problems.length > 0) throw new ZohoBuildError(report);
  return report;
}

async function ensureDir(path: string): Promise<string> {
  await mkdir(path, { recursive: true });
  return path;
}

/** Where `pnpm build:zoho` writes: `packages/embed-zoho/dist/`. */
export const defaultOutDir = join(packageRoot, 'dist');
