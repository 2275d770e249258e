import { setupServer, type SetupServer } from 'msw/node';
import { salesforceHandlers, type SalesforceHandlerOptions } from './salesforce/salesforceHandlers';
import { createSalesforceKnobs, type SalesforceKnobs } from './salesforce/salesforceKnobs';
import type { SalesforceOrg } from './salesforce/salesforceOrg';
import { zohoHandlers, type ZohoHandlerOptions } from './zoho/zohoHandlers';
import type { ZohoOrg } from './zoho/zohoOrg';

export * from './index';

export interface SalesforceSimServer {
  readonly server: SetupServer;
  readonly knobs: SalesforceKnobs;
  close(): void;
}

/**
 * Intercepts this process's `fetch` with the simulated Salesforce API (msw/node). Requests the
 * simulator does not answer fail loudly. Call `close()` when done (e.g. in `afterAll`).
 */
export function startSalesforceServer(
  org: SalesforceOrg,
  options: Omit<SalesforceHandlerOptions, 'knobs'> & { readonly knobs?: SalesforceKnobs },
): SalesforceSimServer {
  const knobs = options.knobs ?? createSalesforceKnobs();
  const server = setupServer(...salesforceHandlers(org, { ...options, knobs }));
  server.listen({ onUnhandledRequest: 'error' });
  return { server, knobs, close: () => server.close() };
}

export interface ZohoSimServer {
  readonly server: SetupServer;
  close(): void;
}

/**
 * Intercepts this process's `fetch` with the simulated Zoho CRM API and Zoho Accounts
 * (msw/node). Requests the simulator does not answer fail loudly. Each org's knobs are
 * `org.knobs`. Call `close()` when done.
 */
export function startZohoServer(orgs: ZohoOrg | readonly ZohoOrg[], options: ZohoHandlerOptions = {}): ZohoSimServer {
  const server = setupServer(...zohoHandlers(orgs, options));
  server.listen({ onUnhandledRequest: 'error' });
  return { server, close: () => server.close() };
}
