import type { InlineConfig, Plugin } from 'vite';
import { demoConfig } from '../demoConfig';
import type { PreviewPayload } from '../previewData';
import { previewDatasetPath } from '../previewDataPath';
import { demoEmbedsPlugin } from './demoEmbedsPlugin';
import { demoZohoWidgetPlugin } from './demoZohoWidgetPlugin';

/**
 * The demo runs under the same strict Content Security Policy as every embed: scripts only from
 * this origin, no `eval`, no inline script. A violation is a defect (tests count them in Chromium).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  // The simulated CRMs' hosts: the service worker answers for them, but the page's CSP comes first.
  `connect-src 'self' ws: ${demoConfig.crmOrigins.join(' ')}`,
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serves the data `kizuna preview` was given (already validated) at `previewDatasetPath`, or
 * answers 204 there in the plain demo, which then generates its organisation in the page.
 */
function previewDataPlugin(preview: PreviewPayload | undefined): Plugin {
  const body = preview === undefined ? undefined : JSON.stringify(preview);
  return {
    name: 'kizuna-demo:preview-data',
    configureServer(server) {
      server.middlewares.use(previewDatasetPath, (_request, response) => {
        response.setHeader('Cache-Control', 'no-store');
        if (body === undefined) {
          response.statusCode = 204;
          response.end();
          return;
        }
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(body);
      });
    },
  };
}

export interface DemoViteConfigOptions {
  /** Serve this data instead of the generated organisation (`kizuna preview --data DIR`). */
  readonly preview?: PreviewPayload;
  readonly port?: number;
}

/** The demo's Vite configuration: `vite.config.ts`, the browser tests and `kizuna preview` all start it. */
export function demoViteConfig(options: DemoViteConfigOptions = {}): InlineConfig {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy };
  return {
    configFile: false,
    root: `${import.meta.dirname}/../..`,
    plugins: [demoEmbedsPlugin(), demoZohoWidgetPlugin(headers), previewDataPlugin(options.preview)],
    server: { host: '127.0.0.1', port: options.port ?? 5173, strictPort: false, headers },
    preview: { host: '127.0.0.1', port: 4173, headers },
    build: { outDir: 'dist', sourcemap: true },
  };
}
