import { createSalesforceOrg, startSalesforceWorker } from '@kizuna/crm-sim/browser';
import { generateOrganisation } from '@kizuna/sample-data';
import { demoConfig } from './demoConfig';

/**
 * Starts the simulated CRMs in this tab's service worker over the generated demo organisation.
 * Resolves once the worker answers, so no request can reach the network before it.
 */
export async function startSimulatedCrms(): Promise<void> {
  const dataset = generateOrganisation({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf: demoConfig.asOf });
  const org = createSalesforceOrg(dataset);
  await startSalesforceWorker(org, {
    instanceUrl: demoConfig.salesforceInstanceUrl,
    accessTokens: [demoConfig.salesforceAccessToken],
  });
}
