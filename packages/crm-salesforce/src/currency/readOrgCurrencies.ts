import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { SalesforceConnection } from '../connection';
import { queryAll } from '../restQuery';
import { currencyProbe, singleCurrencyOf, type OrgCurrencies } from './orgCurrencies';

const corporateSoql = `SELECT ${currencyProbe.corporate.fields.join(', ')} FROM ${currencyProbe.corporate.object} WHERE ${currencyProbe.corporate.where.field} = true LIMIT 1`;
const organizationSoql = `SELECT ${currencyProbe.organization.fields.join(', ')} FROM ${currencyProbe.organization.object} LIMIT 1`;

/** Which kind of org this is, over REST (orgCurrencies.ts): CurrencyType answers only in multi-currency orgs. */
export async function readOrgCurrencies(transport: HttpTransport, connection: SalesforceConnection, signal?: AbortSignal): Promise<OrgCurrencies> {
  const options = signal === undefined ? {} : { signal };
  try {
    await queryAll(transport, connection, corporateSoql, options);
    return { multiCurrency: true };
  } catch (error) {
    if (!(error instanceof CrmError) || error.code !== 'INVALID_TYPE') throw error;
  }
  return singleCurrencyOf(await queryAll(transport, connection, organizationSoql, options));
}
