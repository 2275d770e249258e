/**
 * Zoho's data centres: each has its own accounts server (OAuth) and API domain, and an org lives
 * in exactly one. Hosts from the official TypeScript SDK 8.0 (`utils/util/constants.ts`) and the
 * v8 multi-DC page (https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html); note that
 * Canada's accounts server is `accounts.zohocloud.ca`, not `accounts.zoho.ca`.
 */
export const zohoDataCentres = {
  US: { location: 'us', accountsServer: 'https://accounts.zoho.com', apiDomain: 'https://www.zohoapis.com' },
  EU: { location: 'eu', accountsServer: 'https://accounts.zoho.eu', apiDomain: 'https://www.zohoapis.eu' },
  IN: { location: 'in', accountsServer: 'https://accounts.zoho.in', apiDomain: 'https://www.zohoapis.in' },
  AU: { location: 'au', accountsServer: 'https://accounts.zoho.com.au', apiDomain: 'https://www.zohoapis.com.au' },
  JP: { location: 'jp', accountsServer: 'https://accounts.zoho.jp', apiDomain: 'https://www.zohoapis.jp' },
  CA: { location: 'ca', accountsServer: 'https://accounts.zohocloud.ca', apiDomain: 'https://www.zohoapis.ca' },
  SA: { location: 'sa', accountsServer: 'https://accounts.zoho.sa', apiDomain: 'https://www.zohoapis.sa' },
  CN: { location: 'cn', accountsServer: 'https://accounts.zoho.com.cn', apiDomain: 'https://www.zohoapis.com.cn' },
} as const;

export type ZohoDataCentre = keyof typeof zohoDataCentres;

export interface ZohoDataCentreInfo {
  readonly location: string;
  readonly accountsServer: string;
  readonly apiDomain: string;
}

export const zohoDataCentreCodes = Object.keys(zohoDataCentres) as ZohoDataCentre[];

export function dataCentreInfo(dataCentre: ZohoDataCentre): ZohoDataCentreInfo {
  return zohoDataCentres[dataCentre];
}
