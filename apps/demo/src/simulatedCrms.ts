import { createSalesforceKnobs, createSalesforceOrg, createZohoOrg, salesforceHandlers, zohoHandlers, type SalesforceOrg, type ZohoOrg } from '@kizuna/crm-sim/browser';
import { setupWorker } from 'msw/browser';
import { z } from 'zod';
import { demoConfig } from './demoConfig';
import type { DemoDataset } from './demoDataset';
import { apexGatewayHandlers, demoApexGateway } from './salesforce/apexGatewayHandlers';
import { journalEntries, recordWrite } from './writeJournal';
import { publishZohoAccounts } from './zoho/zohoAccountDirectory';

/** A write of the REST API: the sObject resources and sObject Collections (composite reads are not journaled). */
function restWriteOf(request: Request): { method: 'POST' | 'PATCH' | 'DELETE'; url: string } | undefined {
  const method = z.enum(['POST', 'PATCH', 'DELETE']).safeParse(request.method.toUpperCase());
  const isWrite = method.success && request.url.startsWith(`${demoConfig.salesforceInstanceUrl}/services/data/`) && request.url.includes('/sobjects/');
  return isWrite ? { method: method.data, url: request.url } : undefined;
}

/**
 * Starts the simulated CRMs in this tab's service worker over the demo's organisation: the
 * Salesforce REST API, and the org's Apex gateway for the Lightning component; and the same
 * organisation as a Zoho CRM org (REST API v8 on its `api_domain`), which the Zoho widget's
 * stand-in SDK calls. Writes made earlier
 * in this tab are replayed first (writeJournal.ts). Resolves once the worker answers, so no
 * request can reach the network before it.
 */
export async function startSimulatedCrms({ dataset }: DemoDataset): Promise<{ readonly salesforce: SalesforceOrg; readonly zoho: ZohoOrg }> {
  const salesforce = createSalesforceOrg(dataset);
  // The same organisation in a Zoho CRM org (US data centre, users in ja_JP), for the Zoho widget's pages.
  const zoho = createZohoOrg(dataset, { dataCentre: 'US', locale: demoConfig.zohoUserLocale });
  publishZohoAccounts(dataset.accounts.map((account) => ({ salesforceId: salesforce.salesforceIdOf('account', account.id), zohoId: zoho.zohoIdOf('account', account.id) })));
  const journal = journalEntries();
  for (const entry of journal) if (entry.kind === 'apex') await demoApexGateway(salesforce).write(entry.planJson);
  const worker = setupWorker(
    ...salesforceHandlers(salesforce, {
      instanceUrl: demoConfig.salesforceInstanceUrl,
      accessTokens: [demoConfig.salesforceAccessToken],
      knobs: createSalesforceKnobs(),
    }),
    ...apexGatewayHandlers(salesforce, (planJson) => recordWrite({ kind: 'apex', planJson })),
    ...zohoHandlers(zoho, { accessTokens: [demoConfig.zohoAccessToken] }),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  // REST writes (the web page's data source) are replayed through the simulated API itself.
  for (const entry of journal) {
    if (entry.kind !== 'rest') continue;
    await fetch(entry.url, { method: entry.method, headers: { Authorization: `Bearer ${demoConfig.salesforceAccessToken}`, 'Content-Type': 'application/json' }, body: entry.body === '' ? null : entry.body });
  }
  worker.events.on('request:start', ({ request }) => {
    const write = restWriteOf(request);
    if (write === undefined) return;
    void request
      .clone()
      .text()
      .then((body) => recordWrite({ kind: 'rest', ...write, body }));
  });
  return { salesforce, zoho };
}
