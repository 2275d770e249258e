import { crmIdentifierSchema, type ObjectMapping } from '@kizuna/crm-core';
import type { FactSource } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';

/** How a fact source sits in the org: its object's mapping and the path to its account. */
export interface SourceLayout {
  readonly mapping: ObjectMapping;
  /** The relationship (or nothing, for the Account object itself) through which account fields are reached. */
  readonly accountPath: string | null;
  /** The canonical time field whose calendar quarter is the `period` dimension. */
  readonly timeField: string | null;
  /** Plan field names that differ from the mapping's canonical names. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** `Account__c` → `Account__r`, `AccountId` → `Account`: the relationship name of a lookup field. */
export function relationshipOf(lookupField: string): string {
  if (lookupField.endsWith('__c')) return `${lookupField.slice(0, -3)}__r`;
  if (lookupField.endsWith('Id')) return lookupField.slice(0, -2);
  return lookupField;
}

function lookupOf(mapping: ObjectMapping): string | null {
  const source = mapping.fields['accountId'];
  return typeof source === 'string' ? relationshipOf(source) : null;
}

export function sourceLayouts(mapping: SalesforceMapping): Partial<Record<FactSource, SourceLayout>> {
  return {
    feedback: { mapping: mapping.feedback, accountPath: lookupOf(mapping.feedback), timeField: 'respondedAt' },
    supportCase: { mapping: mapping.supportCase, accountPath: lookupOf(mapping.supportCase), timeField: 'openedAt' },
    opportunity: { mapping: mapping.opportunity, accountPath: lookupOf(mapping.opportunity), timeField: 'closeDate' },
    account: { mapping: mapping.account, accountPath: null, timeField: null, aliases: { accountId: 'id' } },
    employeePulse: {
      mapping: mapping.employeePulse,
      accountPath: null,
      timeField: null,
      aliases: { promoters: 'enps.promoters', passives: 'enps.passives', detractors: 'enps.detractors' },
    },
  };
}

const accountFields: Readonly<Record<string, string>> = {
  accountId: 'id',
  businessUnitId: 'businessUnitId',
  productLineId: 'productLineId',
  segmentId: 'segmentId',
  teamId: 'servingTeamId',
};

function single(mapping: ObjectMapping, canonical: string): string | undefined {
  const source = mapping.fields[canonical];
  return typeof source === 'string' ? crmIdentifierSchema.parse(source) : undefined;
}

/**
 * The SOQL field path of a plan field on a source, or undefined when the org has no single field
 * for it (then the plan cannot be pushed down). Account attributes are reached through the
 * source's account relationship, e.g. `Account__r.Kizuna_Segment__c`.
 */
export function soqlFieldOf(layout: SourceLayout, accountMapping: ObjectMapping, field: string): string | undefined {
  const canonical = layout.aliases?.[field] ?? field;
  const own = single(layout.mapping, canonical);
  const accountField = accountFields[field];
  if (accountField !== undefined && layout.accountPath !== null && !(field === 'accountId' && own !== undefined)) {
    const onAccount = single(accountMapping, accountField);
    return onAccount === undefined ? undefined : `${layout.accountPath}.${onAccount}`;
  }
  return own;
}

/** Canonical value → CRM value through the mapping's value table (listed values only). */
export function crmValueOf(mapping: ObjectMapping, field: string, value: string | number | boolean): string | number | boolean | undefined {
  const table = mapping.values?.[field];
  if (table === undefined) return value;
  for (const [crmValue, canonical] of Object.entries(table)) {
    if (crmValue !== '*' && crmValue !== '' && canonical === value) return crmValue;
  }
  return undefined;
}
