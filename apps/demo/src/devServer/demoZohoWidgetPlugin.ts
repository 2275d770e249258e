import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { zohoWidgetPaths } from '../zoho/zohoWidgetPaths';
import { buildStandInSdk } from './zohoStandInSdkBuild';
import { ensureZohoWidget, widgetPageWithStandInSdk, zohoAppDir, zohoAppFiles } from './zohoWidgetBuild';

const contentTypes: Readonly<Record<string, string>> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const contentTypeOf = (name: string) => contentTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
const standInUrl = zohoWidgetPaths.standInSdkPath;

/**
 * Hosts the real Zoho CRM widget in the demo: builds it (`pnpm build:zoho`) when missing or stale
 * — started with the server, alongside the Salesforce build — and serves the built `app/` folder
 * at `zohoWidgetPaths.appPath` as Zoho serves an Internal widget, with `widget.html` loading the
 * demo's stand-in SDK (bundled from `src/zoho/standInSdk/`) instead of Zoho's CDN script. Every
 * answer carries the demo's headers (its Content Security Policy).
 */
export function demoZohoWidgetPlugin(headers: Readonly<Record<string, string>>): Plugin {
  let cacheDir = '';
  let widgetReady: Promise<void> | undefined;
  let standInSdk: Promise<string> | undefined;
  const log = (message: string) => console.log(`kizuna demo: ${message}`);
  const sdk = () => (standInSdk ??= buildStandInSdk(cacheDir));
  const fileBody = async (name: string): Promise<string | Buffer> =>
    name === zohoWidgetPaths.page ? widgetPageWithStandInSdk(zohoWidgetPaths.zohoSdkCdnUrl, standInUrl) : readFile(join(zohoAppDir, name));
  return {
    name: 'kizuna-demo:zoho-widget',
    configResolved(config) {
      cacheDir = join(config.cacheDir, 'kizuna');
      // Started here so it runs while the other plugins prepare (the Salesforce static resource).
      widgetReady = ensureZohoWidget(log);
      widgetReady.catch(() => undefined);
    },
    async buildStart() {
      await widgetReady;
    },
    async configureServer(server) {
      await widgetReady;
      void sdk().catch((error: unknown) => log(`the stand-in Zoho SDK did not build: ${String(error)}`));
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const appFile = path.startsWith(zohoWidgetPaths.appPath) ? path.slice(zohoWidgetPaths.appPath.length) : undefined;
        const isSdk = path === standInUrl;
        if (!isSdk && (appFile === undefined || !(zohoAppFiles as readonly string[]).includes(appFile))) return next();
        const body = isSdk ? sdk() : fileBody(appFile ?? '');
        body.then(
          (content) => {
            for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
            response.setHeader('Content-Type', contentTypeOf(isSdk ? standInUrl : (appFile ?? '')));
            response.setHeader('Cache-Control', 'no-cache');
            response.end(content);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      for (const name of zohoAppFiles) {
        this.emitFile({ type: 'asset', fileName: `${zohoWidgetPaths.appPath.slice(1)}${name}`, source: await fileBody(name) });
      }
      this.emitFile({ type: 'asset', fileName: standInUrl.slice(1), source: await sdk() });
    },
  };
}
