import { CrmError, mappedCrmFields, objectMappingSchema, type ObjectMapping } from '@kizuna/crm-core';
import type { SalesforceMapping } from '../defaultMapping';
import { currencyProbe, mapsMultiCurrencyField } from '../currency/orgCurrencies';
import { breakdownFieldsOf, sourceLayouts } from '../pushdown/planFields';
import { ACTION_KEY_FIELD } from '../writes/actionTask';
import type { GatewayAggregateQuery, GatewayRecordQuery, ReadPlan, WritePlan } from './gatewayContract';

/** Standard child relationships of Account that the account context reads as subqueries. */
export const ACCOUNT_CHILD_RELATIONSHIPS: Readonly<Record<string, string>> = { Contact: 'Contacts', Case: 'Cases', Opportunity: 'Opportunities' };

/** The Task fields the bridge writes for an accepted action (writes/actionTask.ts), besides the key. */
export const ACTION_TASK_WRITE_FIELDS = [
  'Subject',
  'Description',
  'WhatId',
  'WhoId',
  'ActivityDate',
  'Status',
  'Priority',
  'Kizuna_Playbook__c',
  'Kizuna_Value_At_Stake__c',
  'Kizuna_Expected_Effect__c',
  'Kizuna_Urgency__c',
] as const;

export interface GatewayObjectAllowlist {
  readonly fields: readonly string[];
  /** Child relationship → child object, for subqueries. */
  readonly children: Readonly<Record<string, string>>;
  /** Parent relationship → parent object, for paths such as `Account__r.Kizuna_Segment__c`. */
  readonly parents: Readonly<Record<string, string>>;
}

/**
 * Every object, field and relationship a plan may name, derived from the mapping, with the fields
 * its objects are grouped by (such as `Score_Key__c`). The Apex gateway enforces the same list
 * (deployed with it, never taken from the client); the bridge checks its own plans against it
 * before sending.
 */
export interface GatewayAllowlist {
  readonly objects: Readonly<Record<string, GatewayObjectAllowlist>>;
  readonly upserts: Readonly<Record<string, { readonly externalIdField: string; readonly fields: readonly string[] }>>;
}

interface MutableObject {
  fields: Set<string>;
  children: Record<string, string>;
  parents: Record<string, string>;
}

/** The mapping, every object mapping re-checked (a hand-built one may carry any text as a name). */
export function validatedMapping(mapping: SalesforceMapping): SalesforceMapping {
  for (const [name, objectMapping] of Object.entries(mapping) as Array<[string, ObjectMapping]>) {
    const parsed = objectMappingSchema.safeParse(objectMapping);
    if (!parsed.success) {
      throw new CrmError('INVALID_INPUT', `The ${name} mapping names something that is not a Salesforce API name: ${parsed.error.message}`, { cause: parsed.error });
    }
  }
  return mapping;
}

export function gatewayAllowlistOf(mapping: SalesforceMapping): GatewayAllowlist {
  const objects = new Map<string, MutableObject>();
  const entry = (object: string): MutableObject => {
    const existing = objects.get(object) ?? { fields: new Set(['Id']), children: {}, parents: {} };
    objects.set(object, existing);
    return existing;
  };
  for (const objectMapping of Object.values(mapping) as ObjectMapping[]) {
    const target = entry(objectMapping.object);
    for (const field of mappedCrmFields(objectMapping)) target.fields.add(field);
    const relationship = ACCOUNT_CHILD_RELATIONSHIPS[objectMapping.object];
    if (relationship !== undefined) entry(mapping.account.object).children[relationship] = objectMapping.object;
  }
  for (const layout of Object.values(sourceLayouts(mapping))) {
    if (layout.accountPath !== null) entry(layout.mapping.object).parents[layout.accountPath] = mapping.account.object;
    // The fields aggregates group by, including text twins of Number fields (`Score_Key__c`, docs/decisions/0004).
    for (const breakdown of Object.values(breakdownFieldsOf(layout))) entry(layout.mapping.object).fields.add(breakdown.field);
  }
  if (mapsMultiCurrencyField(mapping)) {
    // What a read asks to learn whether the org has a single currency (currency/orgCurrencies.ts).
    for (const probe of Object.values(currencyProbe)) for (const field of [...probe.fields, ...('where' in probe ? [probe.where.field] : [])]) entry(probe.object).fields.add(field);
  }
  return {
    objects: Object.fromEntries([...objects].map(([name, value]) => [name, { ...value, fields: [...value.fields] }])),
    upserts: { Task: { externalIdField: ACTION_KEY_FIELD, fields: [...ACTION_TASK_WRITE_FIELDS] } },
  };
}

/** Resolves `Rel__r.Field__c` from `object` through allowlisted parents; undefined when not allowed. */
function allowedPath(allowlist: GatewayAllowlist, object: string, path: string): boolean {
  const segments = path.split('.');
  let current = allowlist.objects[object];
  for (const relationship of segments.slice(0, -1)) {
    const parent = current?.parents[relationship];
    current = parent === undefined ? undefined : allowlist.objects[parent];
  }
  const field = segments[segments.length - 1];
  return current !== undefined && field !== undefined && current.fields.includes(field);
}

function recordQueryViolations(allowlist: GatewayAllowlist, query: GatewayRecordQuery): string[] {
  const own = allowlist.objects[query.object];
  if (own === undefined) return [`${query.object} is not allowlisted`];
  const named = [
    ...query.fields,
    ...query.where.map((c) => c.field),
    ...(query.orderBy ?? []).map((o) => o.field),
    ...(query.window?.fields ?? []),
    ...(query.accountScope === undefined ? [] : [query.accountScope.field]),
  ];
  const problems = named.filter((field) => !own.fields.includes(field)).map((field) => `${query.object}.${field} is not allowlisted`);
  const scope = query.accountScope;
  if (scope?.businessUnitField !== undefined && allowlist.objects['Account']?.fields.includes(scope.businessUnitField) !== true) {
    problems.push(`Account.${scope.businessUnitField} is not allowlisted`);
  }
  for (const child of query.children ?? []) {
    const childObject = own.children[child.relationship];
    const allowed = childObject === undefined ? undefined : allowlist.objects[childObject];
    if (allowed === undefined) {
      problems.push(`${query.object}.${child.relationship} is not an allowlisted child relationship`);
      continue;
    }
    const childNamed = [...child.fields, ...(child.where ?? []).map((c) => c.field), ...(child.orderBy ?? []).map((o) => o.field)];
    problems.push(...childNamed.filter((field) => !allowed.fields.includes(field)).map((field) => `${childObject ?? ''}.${field} is not allowlisted`));
  }
  return problems;
}

function aggregateQueryViolations(allowlist: GatewayAllowlist, query: GatewayAggregateQuery): string[] {
  if (allowlist.objects[query.object] === undefined) return [`${query.object} is not allowlisted`];
  const named = [
    ...query.groupBy.map((g) => g.field),
    ...query.measures.flatMap((m) => (m.field === undefined ? [] : [m.field])),
    ...query.where.map((c) => c.field),
  ];
  return named.filter((path) => !allowedPath(allowlist, query.object, path)).map((path) => `${query.object}.${path} is not allowlisted`);
}

/** Everything a plan names that the allowlist does not allow (empty when the plan is clean). */
export function planViolations(plan: ReadPlan | WritePlan, allowlist: GatewayAllowlist): string[] {
  if ('upserts' in plan) {
    return plan.upserts.flatMap((upsert) => {
      const allowed = allowlist.upserts[upsert.object];
      if (allowed === undefined || allowed.externalIdField !== upsert.externalIdField) return [`upserts of ${upsert.object} by ${upsert.externalIdField} are not allowlisted`];
      const fields = new Set(upsert.records.flatMap((record) => Object.keys(record.fields)));
      return [...fields].filter((field) => !allowed.fields.includes(field)).map((field) => `${upsert.object}.${field} may not be written`);
    });
  }
  return Object.values(plan.queries).flatMap((query) => {
    if (query.kind === 'records') return recordQueryViolations(allowlist, query);
    return query.kind === 'aggregate' ? aggregateQueryViolations(allowlist, query) : [];
  });
}

/** Throws INVALID_INPUT, before anything is sent, when a plan names something not allowlisted. */
export function assertPlanAllowed(plan: ReadPlan | WritePlan, allowlist: GatewayAllowlist): void {
  const problems = planViolations(plan, allowlist);
  if (problems.length > 0) throw new CrmError('INVALID_INPUT', `The plan names what the gateway does not allow: ${problems.join('; ')}`);
}
