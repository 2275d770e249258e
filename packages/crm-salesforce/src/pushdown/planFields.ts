import { crmIdentifierSchema, type ObjectMapping } from '@kizuna/crm-core';
import type { FactSource, PlanValue } from '@kizuna/model';
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

/** How the values of a grouped field read back: text (through the mapping's value table), a number kept as text, or a checkbox. */
export type BreakdownKind = 'text' | 'number' | 'boolean';

/** A canonical field a plan may group by (a breakdown): the groupable CRM field and how its values read back. */
export interface BreakdownField {
  readonly field: string;
  readonly kind: BreakdownKind;
}

/**
 * Groupable fields of the default layout, by object: picklists and checkboxes. Only fields whose
 * describe says `groupable` can be grouped (reference A.6), and custom Number fields never are
 * ("field … can not be grouped in a query call"; salesforce.stackexchange.com a. 235529).
 * `Score__c` is a Number, so feedback is grouped by score through `Score_Key__c`, the same score as
 * text, which the default layout keeps beside it (docs/decisions/0004).
 */
const groupableFields: Readonly<Record<string, Readonly<Record<string, BreakdownKind>>>> = {
  Kizuna_Feedback__c: { Kind__c: 'text', Programme__c: 'text', Scale__c: 'text', Journey_Stage__c: 'text', Channel__c: 'text', Follow_Up_State__c: 'text' },
  Case: { Status: 'text', Priority: 'text', Origin: 'text', IsEscalated: 'boolean' },
  Opportunity: { Type: 'text', StageName: 'text' },
  Account: { Kizuna_Status__c: 'text' },
};
const textMirrors: Readonly<Record<string, Readonly<Record<string, string>>>> = { Kizuna_Feedback__c: { Score__c: 'Score_Key__c' } };

/** The canonical fields of a source this org can group by, and how. */
export function breakdownFieldsOf(layout: SourceLayout): Record<string, BreakdownField> {
  const object = layout.mapping.object;
  const fields: Record<string, BreakdownField> = {};
  for (const [canonical, source] of Object.entries(layout.mapping.fields)) {
    if (typeof source !== 'string') continue;
    const kind = groupableFields[object]?.[source];
    const mirror = textMirrors[object]?.[source];
    if (kind !== undefined) fields[canonical] = { field: source, kind };
    else if (mirror !== undefined) fields[canonical] = { field: mirror, kind: 'number' };
  }
  return fields;
}

/** For `batchPlans`: per fact source, the fields a breakdown may use in this org. */
export function salesforceBreakdownFields(mapping: SalesforceMapping): Partial<Record<FactSource, string[]>> {
  return Object.fromEntries(Object.entries(sourceLayouts(mapping)).map(([source, layout]) => [source, Object.keys(breakdownFieldsOf(layout)).sort()]));
}

/** A grouped CRM value as the canonical value (the mapping's value table, as `mapRecord` reads it). */
export function canonicalBreakdownValue(mapping: ObjectMapping, canonical: string, breakdown: BreakdownField, value: unknown): PlanValue | null {
  if (breakdown.kind === 'boolean') return typeof value === 'boolean' ? value : null;
  if (value === null || value === undefined || value === '') {
    const table = mapping.values?.[canonical];
    const empty = table?.[''] ?? table?.['*'];
    return empty === undefined ? null : empty;
  }
  if (breakdown.kind === 'number') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  const table = mapping.values?.[canonical];
  const key = String(value);
  if (table === undefined) return key;
  return table[key] ?? table['*'] ?? key;
}
