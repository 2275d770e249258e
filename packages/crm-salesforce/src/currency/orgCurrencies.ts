import { CrmError, objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceMapping } from '../defaultMapping';

/**
 * `CurrencyIsoCode` exists on records only in orgs with multiple currencies enabled; in a
 * single-currency org every amount is in the org's one currency and naming the field fails the
 * whole query (INVALID_FIELD). The default mapping names it (Account, Opportunity), so a read that
 * the org refuses with INVALID_FIELD asks the org which kind it is, once:
 *
 * - `SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true` — CurrencyType "is not available
 *   in single-currency organizations" (Object Reference, CurrencyType), so INVALID_TYPE means one
 *   currency, and an answer means the field exists and the refusal was about something else;
 * - `SELECT DefaultCurrencyIsoCode FROM Organization` — the org's currency, which Salesforce gives
 *   for single-currency orgs (Object Reference, Organization; getUserInfo's
 *   `orgDefaultCurrencyIsoCode` likewise "applicable only when organizationMultiCurrency is false").
 *
 * A single-currency org then reads with the field left out and the currency as a constant.
 */
export const MULTI_CURRENCY_FIELD = 'CurrencyIsoCode';

/** The two queries that tell the kinds of org apart, as object, fields and condition (REST and gateway build them). */
export const currencyProbe = {
  corporate: { object: 'CurrencyType', fields: ['IsoCode'], where: { field: 'IsCorporate', value: true } },
  organization: { object: 'Organization', fields: ['DefaultCurrencyIsoCode'] },
} as const;

export type OrgCurrencies = { readonly multiCurrency: true } | { readonly multiCurrency: false; readonly currency: string };

const organizationRecordsSchema = z.array(z.object({ DefaultCurrencyIsoCode: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') })).min(1);

/** A single-currency org's currency, from the Organization query's records. */
export function singleCurrencyOf(records: readonly unknown[]): OrgCurrencies {
  const parsed = organizationRecordsSchema.safeParse(records);
  if (!parsed.success) {
    throw new CrmError('MALFORMED_RESPONSE', 'The org has a single currency, but Organization.DefaultCurrencyIsoCode does not name it.', { cause: parsed.error });
  }
  return { multiCurrency: false, currency: parsed.data[0]?.DefaultCurrencyIsoCode ?? '' };
}

const mappingNames = (objectMapping: ObjectMapping, field: string): boolean =>
  Object.values(objectMapping.fields).some((source) => (typeof source === 'string' ? source === field : source.includes(field)));

/** Whether a mapping reads the field only multi-currency orgs have. */
export function mapsMultiCurrencyField(mapping: SalesforceMapping): boolean {
  return (Object.values(mapping) as ObjectMapping[]).some((objectMapping) => mappingNames(objectMapping, MULTI_CURRENCY_FIELD));
}

function withoutMultiCurrencyField(objectMapping: ObjectMapping, currency: string): ObjectMapping {
  if (!mappingNames(objectMapping, MULTI_CURRENCY_FIELD)) return objectMapping;
  const fields: ObjectMapping['fields'] = {};
  const constants: Record<string, string | number | boolean> = { ...objectMapping.constants };
  for (const [canonical, source] of Object.entries(objectMapping.fields)) {
    const kept = (typeof source === 'string' ? [source] : source).filter((field) => field !== MULTI_CURRENCY_FIELD);
    const [first, ...rest] = kept;
    if (first === undefined) constants[canonical] = currency;
    else fields[canonical] = rest.length === 0 && typeof source === 'string' ? first : [first, ...rest];
  }
  return objectMappingSchema.parse({ ...objectMapping, fields, constants });
}

/** The mapping for a single-currency org: `CurrencyIsoCode` left out, the org's currency as the constant it read. */
export function singleCurrencyMapping(mapping: SalesforceMapping, currency: string): SalesforceMapping {
  const adapted: Record<string, ObjectMapping> = {};
  for (const [name, objectMapping] of Object.entries(mapping) as Array<[string, ObjectMapping]>) adapted[name] = withoutMultiCurrencyField(objectMapping, currency);
  return adapted as SalesforceMapping;
}
