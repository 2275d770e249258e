import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { salesforceHandlers, type SalesforceHandlerOptions } from './salesforce/salesforceHandlers';
import { createSalesforceKnobs, type SalesforceKnobs } from './salesforce/salesforceKnobs';
import type { SalesforceOrg } from './salesforce/salesforceOrg';
import { zohoHandlers, type ZohoHandlerOptions } from './zoho/zohoHandlers';
import type { ZohoOrg } from './zoho/zohoOrg';

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

export interface ZohoSimWorker {
  readonly worker: SetupWorker;
}

/**
 * Serves the simulated Zoho CRM API (each org on its data centre's `api_domain`) and Zoho
 * Accounts from this page's service worker (msw/browser). Resolves once the worker answers.
 * To serve Salesforce and Zoho from one worker, `setupWorker(...salesforceHandlers(…), ...zohoHandlers(…))`.
 */
export async function startZohoWorker(
  orgs: ZohoOrg | readonly ZohoOrg[],
  options: ZohoHandlerOptions = {},
  start: StartOptions = { onUnhandledRequest: 'bypass', quiet: true },
): Promise<ZohoSimWorker> {
  const worker = setupWorker(...zohoHandlers(orgs, options));
  await worker.start(start);
  return { worker };
}
