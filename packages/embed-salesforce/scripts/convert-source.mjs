#!/usr/bin/env node
// Converts an SFDX source tree to Metadata API format offline, as `sf project convert source`
// does (ComponentSet + MetadataConverter from @salesforce/source-deploy-retrieve), and prints a
// JSON summary: { components: ["Type:fullName", …], packagePath }. Exits 1 with the error otherwise.
//   node scripts/convert-source.mjs <force-app folder> <output folder>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * source-deploy-retrieve reaches jsforce through @salesforce/core, and jsforce's HTTP client
 * (undici 8) needs Node.js 22.19 or newer just to load. Converting never sends a request, so on
 * an older Node.js the HTTP client is replaced by a stand-in whose every use fails loudly.
 */
function standInForHttpClient() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 19)) return;
  // Each package resolved from the one that depends on it (pnpm keeps them apart).
  const from = (name, dependent) => require.resolve(name, { paths: [dependent] });
  const core = from('@salesforce/core', require.resolve('@salesforce/source-deploy-retrieve'));
  const undici = from('undici', from('@jsforce/jsforce-node', core));
  const refuse = () => {
    throw new Error('No HTTP client in this offline conversion.');
  };
  class Agent {
    dispatch() {
      return refuse();
    }
  }
  require.cache[undici] = { id: undici, filename: undici, loaded: true, exports: { Agent, fetch: refuse, request: refuse } };
}

const [sourceDir, outputDirectory] = process.argv.slice(2);
if (sourceDir === undefined || outputDirectory === undefined) {
  console.error('usage: node scripts/convert-source.mjs <force-app folder> <output folder>');
  process.exit(2);
}
try {
  standInForHttpClient();
  const { ComponentSet, MetadataConverter } = require('@salesforce/source-deploy-retrieve');
  const components = ComponentSet.fromSource(sourceDir);
  const result = await new MetadataConverter().convert(components, 'metadata', {
    type: 'directory',
    outputDirectory,
    packageName: 'kizuna',
    genUniqueDir: false,
  });
  const names = components.toArray().map((component) => `${component.type.name}:${component.fullName}`);
  console.log(JSON.stringify({ components: names, packagePath: result.packagePath ?? outputDirectory }));
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
}
