import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupWorker } from 'msw/browser';
import { demoConfig } from './demoConfig';

/**
 * Starts the simulated CRMs in this tab's service worker over the generated demo organisation.
 * Resolves once the worker answers, so no request can reach the network before it.
 */
export async function startSimulatedCrms(): Promise<void> {
  const dataset = generateOrganisation({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf: demoConfig.asOf });
  const org = createSalesforceOrg(dataset);
  const worker = setupWorker(
    ...salesforceHandlers(org, {
      instanceUrl: demoConfig.salesforceInstanceUrl,
      accessTokens: [demoConfig.salesforceAccessToken],
    }),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
