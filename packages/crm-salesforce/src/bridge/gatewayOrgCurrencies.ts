import { CrmError } from '@kizuna/crm-core';
import { currencyProbe, singleCurrencyOf, type OrgCurrencies } from '../currency/orgCurrencies';
import type { GatewayRecordQuery } from './gatewayContract';
import { readQueries, type ReadContext } from './readRounds';

const corporateQuery: GatewayRecordQuery = {
  kind: 'records',
  object: currencyProbe.corporate.object,
  fields: [...currencyProbe.corporate.fields],
  where: [{ field: currencyProbe.corporate.where.field, op: 'eq', value: currencyProbe.corporate.where.value }],
  limit: 1,
};
const organizationQuery: GatewayRecordQuery = { kind: 'records', object: currencyProbe.organization.object, fields: [...currencyProbe.organization.fields], where: [], limit: 1 };

/**
 * Which kind of org this is, through the gateway (currency/orgCurrencies.ts): both queries in one
 * call; the gateway refuses CurrencyType with INVALID_TYPE in a single-currency org, whose
 * currency the Organization query then gives.
 */
export async function readGatewayOrgCurrencies(context: ReadContext): Promise<OrgCurrencies> {
  const answers = await readQueries(context, new Map([['corporate', corporateQuery], ['organization', organizationQuery]]));
  const corporate = answers.get('corporate');
  const organization = answers.get('organization');
  if (corporate === undefined || organization === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway did not answer the currency queries.');
  if (corporate.ok) return { multiCurrency: true };
  if (corporate.error.code !== 'INVALID_TYPE') throw corporate.error;
  if (!organization.ok) throw organization.error;
  return singleCurrencyOf(organization.records);
}
