import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileLwcHost, type lightningStandInSpecifiers } from './compileLwcHost';
import { staticResourceDir, staticResourceFiles } from './embedSalesforcePaths';
import { ensureStaticResource } from './salesforceStaticResource';

/** The module the Salesforce pages import to run the compiled component. */
export const lwcHostModuleId = 'virtual:kizuna-lwc-host';
const resolvedLwcHostId = `\0${lwcHostModuleId}`;

/**
 * Where Lightning serves the static resource (`@salesforce/resourceUrl/kizunaEmbed` evaluates to
 * `/resource/<timestamp>/kizunaEmbed`); the demo serves the built files at the same kind of path.
 */
export const staticResourcePath = '/resource/1764547200000/kizunaEmbed';

const standInDir = join(import.meta.dirname, '..', 'salesforce', 'standIns');
/** Each Lightning module the component imports, answered by a file of the demo. */
const standInFiles: Readonly<Record<(typeof lightningStandInSpecifiers)[number], string>> = {
  'lightning/platformResourceLoader': 'platformResourceLoader.ts',
  'lightning/navigation': 'lightningNavigation.ts',
  '@salesforce/resourceUrl/kizunaEmbed': 'resourceUrlKizunaEmbed.ts',
  '@salesforce/i18n/locale': 'i18nLocale.ts',
  '@salesforce/i18n/timeZone': 'i18nTimeZone.ts',
  '@salesforce/apex/KizunaGateway.read': 'apexKizunaGatewayRead.ts',
  '@salesforce/apex/KizunaGateway.write': 'apexKizunaGatewayWrite.ts',
};

const contentTypes: Readonly<Record<string, string>> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/**
 * Hosts the real Salesforce embed in the demo: builds the `kizunaEmbed` static resource when it is
 * missing or stale and serves it as Lightning would, compiles the `kizunaDashboard` component with
 * the LWC compiler, and points its Lightning imports at the demo's stand-ins.
 */
export function demoEmbedsPlugin(): Plugin {
  let cacheDir = '';
  const log = (message: string) => console.log(`kizuna demo: ${message}`);
  return {
    name: 'kizuna-demo:embeds',
    configResolved(config) {
      cacheDir = join(config.cacheDir, 'kizuna');
    },
    resolveId(id) {
      if (id === lwcHostModuleId) return resolvedLwcHostId;
      const standIn = (standInFiles as Readonly<Record<string, string>>)[id];
      return standIn === undefined ? null : join(standInDir, standIn);
    },
    async load(id) {
      if (id !== resolvedLwcHostId) return null;
      return compileLwcHost(cacheDir);
    },
    async buildStart() {
      await ensureStaticResource(log);
    },
    async configureServer(server) {
      await ensureStaticResource(log);
      server.middlewares.use(staticResourcePath, (request, response, next) => {
        const name = (request.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        if (!(staticResourceFiles as readonly string[]).includes(name)) return next();
        readFile(join(staticResourceDir, name)).then(
          (body) => {
            response.setHeader('Content-Type', contentTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
            response.setHeader('Cache-Control', 'no-cache');
            response.end(body);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      for (const name of staticResourceFiles) {
        this.emitFile({ type: 'asset', fileName: `${staticResourcePath.slice(1)}/${name}`, source: await readFile(join(staticResourceDir, name)) });
      }
    },
  };
}
