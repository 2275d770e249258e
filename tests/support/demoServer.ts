import { createServer, type ViteDevServer } from 'vite';
import { demoViteConfig } from '../../apps/demo/src/devServer/demoViteConfig';
import type { PreviewPayload } from '../../apps/demo/src/previewData';

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves apps/demo on a free loopback port, exactly as `pnpm demo` does (the Salesforce static
 * resource is built first when it is stale), or over exported data as `kizuna preview` does.
 */
export async function startDemoServer(options: { readonly preview?: PreviewPayload } = {}): Promise<DemoServer> {
  const config = demoViteConfig({ port: 0, ...(options.preview === undefined ? {} : { preview: options.preview }) });
  const server: ViteDevServer = await createServer({
    ...config,
    // Other work in the tree must not reload the page under a test.
    server: { ...config.server, hmr: false, watch: null },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (url === undefined) throw new Error('The demo server did not report its URL.');
  return { url, close: () => server.close() };
}
