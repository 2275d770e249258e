import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { build } from 'vite';

/**
 * The policy every Kizuna host page runs under (scripts from the page's origin only, no eval, no
 * inline script); the demo's own policy minus the simulated CRM hosts.
 */
export const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface BuiltPage {
  readonly dir: string;
  remove(): void;
}

/**
 * Bundles a page (`root/index.html` and what it imports) for production into a temporary
 * directory, as a host would ship it: minified, no eval.
 */
export async function buildPage(root: string, label: string): Promise<BuiltPage> {
  const dir = mkdtempSync(join(tmpdir(), `kizuna-${label}-`));
  await build({
    configFile: false,
    root,
    base: '/',
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Production JSX even when the caller runs under NODE_ENV=test (Vitest).
    oxc: { jsx: { runtime: 'automatic', development: false } },
    worker: { format: 'es' },
    build: {
      outDir: dir,
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      rolldownOptions: {
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** `http://host:port` without a trailing slash. */
  readonly url: string;
  /** Every path asked for, in order (query strings included). */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  readonly host?: string;
  /** The CSP of every response; a function when it names origins known only once servers run. */
  readonly policy?: string | (() => string);
  /** Paths that answer with the page's `index.html` (client-side routes). */
  readonly pages?: readonly string[];
}

/** Serves a built page's directory on a free loopback port, every response under the given CSP. */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const requested: string[] = [];
  const host = options.host ?? '127.0.0.1';
  const pages = new Set(options.pages ?? ['/']);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://page.invalid');
    requested.push(`${url.pathname}${url.search}`);
    const policy = options.policy ?? strictPolicy;
    response.setHeader('Content-Security-Policy', typeof policy === 'string' ? policy : policy());
    response.setHeader('Cache-Control', 'no-store');
    const relative = pages.has(url.pathname) ? 'index.html' : normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const file = join(dir, relative);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The static server has no TCP address.');
  const { port } = address;
  return {
    url: `http://${host}:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
