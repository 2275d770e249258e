import { createReferenceGateway, gatewayAllowlistOf, salesforceDefaultMapping, type ApexGateway } from '@kizuna/crm-salesforce';
import type { SalesforceOrg } from '@kizuna/crm-sim/browser';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { demoConfig } from '../demoConfig';
import { apexCallSchema } from './apexAnswer';

/**
 * The Apex gateway of the simulated org: `createReferenceGateway` (the TypeScript reference of
 * `KizunaGateway`, docs/crm/apex-gateway-contract.md) running SOQL and upserts on the org the
 * simulated REST API serves, with the allowlist the deployed class would have and the demo's user
 * as `UserInfo`.
 */
export function demoApexGateway(org: SalesforceOrg): ApexGateway {
  return createReferenceGateway({
    query: (soql) => org.query(soql),
    upsert: (object, field, key, fields) => org.sobjects.upsert(object, field, key, fields),
    allowlist: gatewayAllowlistOf(salesforceDefaultMapping),
    fieldType: (object, field) => org.describe(object)?.fields.find((candidate) => candidate.name === field)?.type,
    currentUser: () => demoConfig.salesforceUser,
  });
}

/**
 * Answers the Apex calls of the Salesforce pages on the simulated instance
 * (`POST <instance>/kizuna-demo/apex/KizunaGateway/read|write`, body `{ planJson }`). Lightning's
 * own transport for Apex calls is internal to the platform; this endpoint only carries the method's
 * parameter and return value, which is all the component sees.
 */
export function apexGatewayHandlers(org: SalesforceOrg, onWrite: (planJson: string) => void = () => undefined): HttpHandler[] {
  const gateway = demoApexGateway(org);
  return (['read', 'write'] as const).map((method) =>
    http.post(`${demoConfig.salesforceInstanceUrl}${demoConfig.apexGatewayPath}/${method}`, async ({ request }) => {
      const call = apexCallSchema.safeParse(await request.json().catch(() => undefined));
      if (!call.success) return HttpResponse.json({ error: { message: `KizunaGateway.${method}: ${call.error.message}` } }, { status: 400 });
      try {
        const returnValue = await gateway[method](call.data.planJson);
        if (method === 'write') onWrite(call.data.planJson);
        return HttpResponse.json({ returnValue });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return HttpResponse.json({ error: { message: `KizunaGateway.${method}: ${message}` } }, { status: 500 });
      }
    }),
  );
}
