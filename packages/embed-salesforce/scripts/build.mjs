#!/usr/bin/env node
// pnpm build:salesforce → the deployable SFDX project in packages/embed-salesforce/dist/.
// Node only: Vite loads the TypeScript build module and builds the widget bundle.
import { runnerImport } from 'vite';

const { module } = await runnerImport(new URL('../src/build/buildSalesforcePackage.ts', import.meta.url).pathname);
const started = Date.now();
const built = await module.buildSalesforcePackage();
for (const [name, bytes] of Object.entries(built.bundleFiles)) {
  console.log(`kizuna: ${name} ${(bytes / 1024).toFixed(1)} KiB`);
}
console.log(`kizuna: deployable project in ${built.projectDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
