/**
 * Which Zoho record is which Salesforce record: the demo seeds both simulated CRMs from one
 * organisation, so every account has a Salesforce id (what the shell's REST reads return) and a
 * 19-digit Zoho id (what Zoho pages are addressed by). Filled once when the simulators start,
 * before the first page renders.
 */
export interface ZohoAccountDirectory {
  zohoIdOf(salesforceId: string): string | undefined;
  salesforceIdOf(zohoId: string): string | undefined;
}

let byZohoId = new Map<string, string>();
let bySalesforceId = new Map<string, string>();

export function publishZohoAccounts(pairs: Iterable<{ readonly salesforceId: string; readonly zohoId: string }>): void {
  byZohoId = new Map();
  bySalesforceId = new Map();
  for (const { salesforceId, zohoId } of pairs) {
    byZohoId.set(zohoId, salesforceId);
    bySalesforceId.set(salesforceId, zohoId);
  }
}

export const zohoAccountDirectory: ZohoAccountDirectory = {
  zohoIdOf: (salesforceId) => bySalesforceId.get(salesforceId),
  salesforceIdOf: (zohoId) => byZohoId.get(zohoId),
};
