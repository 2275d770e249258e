import { createServer } from 'vite';
import { demoViteConfig } from '@kizuna/demo/devServer';
import type { PreviewPayload } from '@kizuna/demo/previewData';

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The demo's own server (apps/demo: the same pages, embeds and simulators as `pnpm demo`), serving
 * `payload` for the simulators to be seeded with instead of the generated organisation.
 */
export async function startPreviewServer(payload: PreviewPayload, port: number): Promise<PreviewServer> {
  const config = demoViteConfig({ preview: payload, port });
  const server = await createServer({ ...config, server: { ...config.server, hmr: false, watch: null }, logLevel: 'warn', clearScreen: false });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (url === undefined) {
    await server.close();
    throw new Error('The preview server did not report its URL.');
  }
  return { url, close: () => server.close() };
}
