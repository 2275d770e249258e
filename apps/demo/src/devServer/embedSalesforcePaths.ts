import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where the Salesforce package lives in this repository, and what the demo takes from it. */
export const embedSalesforceRoot = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'embed-salesforce');
export const lwcSourceDir = join(embedSalesforceRoot, 'force-app', 'main', 'default', 'lwc');
export const kizunaDashboardSourceDir = join(lwcSourceDir, 'kizunaDashboard');
/** `pnpm build:salesforce` writes the static resource here. */
export const staticResourceDir = join(embedSalesforceRoot, 'dist', 'force-app', 'main', 'default', 'staticresources', 'kizunaEmbed');
export const staticResourceFiles = ['kizuna-embed.js', 'kizuna-embed.css'] as const;

/**
 * The LWC compiler, engine and rollup are dependencies of the Salesforce package (which compiles
 * and tests its component with them); the demo resolves them from there.
 */
export const requireFromEmbedSalesforce = createRequire(join(embedSalesforceRoot, 'package.json'));
