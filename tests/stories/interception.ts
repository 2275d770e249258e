import type { MswApi } from 'msw-storybook-addon';

let provided: MswApi | undefined;

/**
 * Where the stories' requests are intercepted when they run outside a browser: the stories test
 * hands in msw/node's server (shaped as the worker API the addon expects) before any story loads.
 */
export function interceptWith(api: MswApi): void {
  provided = api;
}

/**
 * The Mock Service Worker of the page (Storybook), or what a Node run handed in. The page serves
 * `mockServiceWorker.js` from Storybook's static directory (`.storybook/public`).
 */
export async function startInterception(): Promise<MswApi> {
  if (provided !== undefined) return provided;
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return worker;
}
