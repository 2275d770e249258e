import { setupServer, type SetupServer } from 'msw/node';
import { salesforceHandlers, type SalesforceHandlerOptions } from './salesforce/salesforceHandlers';
import { createSalesforceKnobs, type SalesforceKnobs } from './salesforce/salesforceKnobs';
import type { SalesforceOrg } from './salesforce/salesforceOrg';

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
