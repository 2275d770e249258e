import { composeQuery, getField, type Query, type ValueCondition, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { CrmError, crmIdentifierSchema, mappedCrmFields, type ObjectMapping } from '@kizuna/crm-core';
import { ACTION_KEY_FIELD, isSalesforceId, soqlStringLiteral, type SalesforceMapping } from '@kizuna/crm-salesforce';
import { datasetKeys, type EntityName } from '@kizuna/model';

/** The parts a pull reads, in order: one SOQL read each. Tasks and events both become touchpoints. */
export const partIds = ['accounts', 'contacts', 'tasks', 'events', 'feedback', 'supportCases', 'opportunities', 'employeePulses', 'actions'] as const;
export type PartId = (typeof partIds)[number];

export type DatasetKey = (typeof datasetKeys)[EntityName];

/** A fixed condition of a part's query (ANDed with the keyset condition). */
export type PartFilter =
  | { readonly field: string; readonly is: 'null' | 'notNull' }
  | { readonly field: string; readonly is: 'false' };

export interface PullPart {
  readonly id: PartId;
  readonly entity: EntityName;
  readonly datasetKey: DatasetKey;
  /** Which entry of the mapping it reads (`task`, `event`, `action` …). */
  readonly mappingKey: keyof SalesforceMapping;
  readonly mapping: ObjectMapping;
  readonly filters: readonly PartFilter[];
  /** Read with `queryAll` (archived activities included), deleted rows filtered out by `IsDeleted = false`. */
  readonly includeArchived: boolean;
}

/** Salesforce archives activities older than a year: only `queryAll` still returns them. */
const activityObjects = new Set(['Task', 'Event']);

function part(id: PartId, entity: EntityName, mappingKey: keyof SalesforceMapping, mapping: SalesforceMapping, filters: PartFilter[] = []): PullPart {
  const objectMapping = mapping[mappingKey];
  const includeArchived = activityObjects.has(objectMapping.object);
  const all = includeArchived ? [...filters, { field: 'IsDeleted', is: 'false' } as const] : filters;
  return { id, entity, datasetKey: datasetKeys[entity], mappingKey, mapping: objectMapping, filters: all, includeArchived };
}

/**
 * Every part for a mapping. Tasks that carry Kizuna's action key are accepted actions, the others
 * touchpoints — split by the key field only while both live on the same object (as by default).
 */
export function pullPartsOf(mapping: SalesforceMapping): PullPart[] {
  const shared = mapping.task.object === mapping.action.object;
  return [
    part('accounts', 'account', 'account', mapping),
    part('contacts', 'contact', 'contact', mapping),
    part('tasks', 'touchpoint', 'task', mapping, shared ? [{ field: ACTION_KEY_FIELD, is: 'null' }] : []),
    part('events', 'touchpoint', 'event', mapping),
    part('feedback', 'feedback', 'feedback', mapping),
    part('supportCases', 'supportCase', 'supportCase', mapping),
    part('opportunities', 'opportunity', 'opportunity', mapping),
    part('employeePulses', 'employeePulse', 'employeePulse', mapping),
    part('actions', 'action', 'action', mapping, shared ? [{ field: ACTION_KEY_FIELD, is: 'notNull' }] : []),
  ];
}

/** The fields a part selects: the mapping's, plus `Id` (the keyset), each once. */
export function selectedFields(pullPart: PullPart): string[] {
  return [...new Set(['Id', ...mappedCrmFields(pullPart.mapping)])];
}

/** Every field the part's query names, in the select list or the filters: what doctor checks. */
export function namedFields(pullPart: PullPart): string[] {
  return [...new Set([...selectedFields(pullPart), ...pullPart.filters.map((filter) => filter.field)])];
}

function conditionOf(filter: PartFilter): ValueCondition {
  const field = crmIdentifierSchema.parse(filter.field);
  if (filter.is === 'false') return { field, operator: '=', value: 'false', literalType: 'BOOLEAN' };
  return { field, operator: filter.is === 'null' ? '=' : '!=', value: 'null', literalType: 'NULL' };
}

function chain(conditions: readonly ValueCondition[]): WhereClause | undefined {
  const [left, ...rest] = conditions;
  if (left === undefined) return undefined;
  const right = chain(rest);
  return right === undefined ? { left } : { left, operator: 'AND', right };
}

/**
 * The part's query from `after` on: `SELECT … FROM object WHERE Id > :after AND <filters> ORDER BY Id`
 * (keyset paging: a resumed read starts after the last row written, whatever happened to query
 * cursors meanwhile). Composed from allowlisted identifiers and an escaped, checked id literal.
 */
export function keysetQuery(pullPart: PullPart, after: string | null, limit?: number): string {
  const conditions = pullPart.filters.map(conditionOf);
  if (after !== null) {
    if (!isSalesforceId(after)) throw new CrmError('INVALID_INPUT', `The checkpoint's last id is not a Salesforce id: ${after}`);
    conditions.unshift({ field: 'Id', operator: '>', value: soqlStringLiteral(after), literalType: 'STRING' });
  }
  const query: Query = {
    sObject: crmIdentifierSchema.parse(pullPart.mapping.object),
    fields: selectedFields(pullPart).map((field) => getField(crmIdentifierSchema.parse(field))),
    orderBy: { field: 'Id', order: 'ASC' },
  };
  const where = chain(conditions);
  if (where !== undefined) query.where = where;
  if (limit !== undefined) query.limit = limit;
  return composeQuery(query);
}

/** `SELECT <fields> FROM object LIMIT 1`: the cheapest query that proves the fields are readable. */
export function probeQuery(object: string, fields: readonly string[]): string {
  return composeQuery({ sObject: crmIdentifierSchema.parse(object), fields: fields.map((field) => getField(crmIdentifierSchema.parse(field))), limit: 1 });
}
