import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { salesforceHandlers, type SalesforceHandlerOptions } from './salesforce/salesforceHandlers';
import { createSalesforceKnobs, type SalesforceKnobs } from './salesforce/salesforceKnobs';
import type { SalesforceOrg } from './salesforce/salesforceOrg';

export * from './index';

export interface SalesforceSimWorker {
  readonly worker: SetupWorker;
  readonly knobs: SalesforceKnobs;
}

/**
 * Serves the simulated Salesforce API from this page's service worker (msw/browser). The app
 * must serve `mockServiceWorker.js` (`msw init public/`). Resolves once the worker answers.
 */
export async function startSalesforceWorker(
  org: SalesforceOrg,
  options: Omit<SalesforceHandlerOptions, 'knobs'> & { readonly knobs?: SalesforceKnobs },
  start: StartOptions = { onUnhandledRequest: 'bypass', quiet: true },
): Promise<SalesforceSimWorker> {
  const knobs = options.knobs ?? createSalesforceKnobs();
  const worker = setupWorker(...salesforceHandlers(org, { ...options, knobs }));
  await worker.start(start);
  return { worker, knobs };
}
