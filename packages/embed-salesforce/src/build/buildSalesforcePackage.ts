import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { BUNDLE_SCRIPT, BUNDLE_STYLE, bundleConfig, packageRoot } from './bundleConfig';

/** The static resource's name (`@salesforce/resourceUrl/kizunaEmbed`). */
export const STATIC_RESOURCE = 'kizunaEmbed';

export interface BuildSalesforcePackageOptions {
  /** Where the deployable SFDX project goes (default `dist/` in this package). */
  readonly outDir?: string;
  readonly minify?: boolean;
}

export interface BuiltSalesforcePackage {
  /** The deployable SFDX project (`sf project deploy start` runs from here). */
  readonly projectDir: string;
  /** The static resource's folder, zipped on deploy. */
  readonly staticResourceDir: string;
  /** Bytes of each file of the static resource. */
  readonly bundleFiles: Readonly<Record<string, number>>;
}

/** Unit tests of the component stay in the source tree; they are not metadata. */
function isDeployable(source: string): boolean {
  return !source.split(/[\\/]/).includes('__tests__');
}

/**
 * Builds the deployable source tree: a copy of this SFDX project (sfdx-project.json, .forceignore,
 * force-app without test folders) with the widget bundle built into the `kizunaEmbed` static
 * resource folder, which the Salesforce CLI zips on deploy.
 */
export async function buildSalesforcePackage(options: BuildSalesforcePackageOptions = {}): Promise<BuiltSalesforcePackage> {
  const projectDir = options.outDir ?? join(packageRoot, 'dist');
  await rm(projectDir, { recursive: true, force: true });
  await mkdir(projectDir, { recursive: true });
  for (const file of ['sfdx-project.json', '.forceignore']) await cp(join(packageRoot, file), join(projectDir, file));
  await cp(join(packageRoot, 'force-app'), join(projectDir, 'force-app'), { recursive: true, filter: isDeployable });

  const staticResourceDir = join(projectDir, 'force-app', 'main', 'default', 'staticresources', STATIC_RESOURCE);
  await build(bundleConfig({ outDir: staticResourceDir, ...(options.minify === undefined ? {} : { minify: options.minify }) }));

  const names = await readdir(staticResourceDir);
  const expected = [BUNDLE_SCRIPT, BUNDLE_STYLE];
  const missing = expected.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`The bundle build did not produce ${missing.join(', ')} in ${relative(packageRoot, staticResourceDir)}.`);
  const bundleFiles: Record<string, number> = {};
  for (const name of names) bundleFiles[name] = (await stat(join(staticResourceDir, name))).size;
  return { projectDir, staticResourceDir, bundleFiles };
}
