import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

const repoRoot = join(import.meta.dirname, '..', '..');

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves apps/demo on a free loopback port, exactly as `pnpm demo` does. */
export async function startDemoServer(): Promise<DemoServer> {
  const server: ViteDevServer = await createServer({
    configFile: join(repoRoot, 'apps', 'demo', 'vite.config.ts'),
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (url === undefined) throw new Error('The demo server did not report its URL.');
  return { url, close: () => server.close() };
}
