import {
  composeQuery,
  type ConditionWithValueQuery,
  type FieldType,
  type GroupByClause,
  type Query,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import type { ObjectMapping } from '@kizuna/crm-core';
import type { AggregateQuery, Dimension, PlanCondition, PlanValue } from '@kizuna/model';
import { soqlStringLiteral } from '../soql';
import { breakdownFieldsOf, crmValueOf, soqlFieldOf, type BreakdownField, type SourceLayout } from './planFields';

/** Canonical fields Salesforce keeps as datetimes and as dates (literals differ: `…T00:00:00Z` vs `YYYY-MM-DD`). */
const dateTimeFields = new Set(['respondedAt', 'openedAt', 'closedAt', 'firstResponseAt']);
const dateFields = new Set(['closeDate', 'customerSince', 'churnedOn', 'renewalDate', 'onboardingStartedOn', 'onboardingCompletedOn']);

export interface CompiledAggregate {
  readonly soql: string;
  /** Result column alias → dimension (period comes back as two columns, year and quarter). */
  readonly groupAliases: ReadonlyArray<{ readonly alias: string; readonly dimension: Dimension }>;
  readonly periodAliases: { readonly year: string; readonly quarter: string } | null;
  /** Result column alias → plan measure id. */
  readonly measureAliases: ReadonlyArray<{ readonly alias: string; readonly id: string }>;
  /** Result column alias → breakdown field (canonical name, and how its CRM values read back). */
  readonly breakdownAliases: ReadonlyArray<{ readonly alias: string; readonly canonical: string; readonly breakdown: BreakdownField; readonly mapping: ObjectMapping }>;
}

export class NotPushable extends Error {
  override readonly name = 'NotPushable';
}

type Literal = { readonly value: string; readonly literalType: 'STRING' | 'INTEGER' | 'DECIMAL' | 'BOOLEAN' | 'NULL' | 'DATETIME' | 'DATE' };

function literal(mapping: ObjectMapping, field: string, value: PlanValue): Literal {
  if (dateTimeFields.has(field) || dateFields.has(field)) {
    const time = typeof value === 'number' ? value : Date.parse(String(value));
    if (Number.isNaN(time)) throw new NotPushable(`${field} needs a date or instant, not ${String(value)}`);
    const iso = new Date(time).toISOString();
    return dateFields.has(field) ? { value: iso.slice(0, 10), literalType: 'DATE' } : { value: `${iso.slice(0, 19)}Z`, literalType: 'DATETIME' };
  }
  const crmValue = crmValueOf(mapping, field, value);
  if (crmValue === undefined) throw new NotPushable(`the value ${String(value)} of ${field} has no single CRM value`);
  if (typeof crmValue === 'boolean') return { value: String(crmValue), literalType: 'BOOLEAN' };
  if (typeof crmValue === 'number') {
    if (!Number.isFinite(crmValue)) throw new NotPushable(`${field} needs a finite number`);
    return { value: String(crmValue), literalType: Number.isInteger(crmValue) ? 'INTEGER' : 'DECIMAL' };
  }
  return { value: soqlStringLiteral(crmValue), literalType: 'STRING' };
}

const operators = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function condition(layout: SourceLayout, accountMapping: ObjectMapping, planCondition: PlanCondition): ConditionWithValueQuery {
  const field = soqlFieldOf(layout, accountMapping, planCondition.field);
  if (field === undefined) throw new NotPushable(`no Salesforce field holds ${planCondition.field}`);
  const mapping = field.includes('.') ? accountMapping : layout.mapping;
  switch (planCondition.op) {
    case 'isNull':
    case 'notNull':
      return { field, operator: planCondition.op === 'isNull' ? '=' : '!=', value: 'null', literalType: 'NULL' };
    case 'in': {
      const values = planCondition.values.map((value) => literal(mapping, planCondition.field, value));
      if (values.length === 0) throw new NotPushable(`an empty IN list for ${planCondition.field} selects nothing`);
      return { field, operator: 'IN', value: values.map((v) => v.value), literalType: values.map((v) => v.literalType) };
    }
    default: {
      const { value, literalType } = literal(mapping, planCondition.field, planCondition.value);
      return { field, operator: operators[planCondition.op], value, literalType };
    }
  }
}

function whereOf(lefts: ReadonlyArray<ConditionWithValueQuery>): WhereClause | undefined {
  const [left, ...rest] = lefts;
  if (left === undefined) return undefined;
  const right = whereOf(rest);
  return right === undefined ? { left } : { left, operator: 'AND', right };
}

function groupings(query: AggregateQuery, layout: SourceLayout, accountMapping: ObjectMapping) {
  const fields: FieldType[] = [];
  const groupBy: GroupByClause[] = [];
  const groupAliases: Array<{ alias: string; dimension: Dimension }> = [];
  let periodAliases: CompiledAggregate['periodAliases'] = null;
  query.groupBy.forEach((dimension, index) => {
    if (dimension === 'period' && layout.timeField !== null) {
      const timeField = soqlFieldOf(layout, accountMapping, layout.timeField);
      if (timeField === undefined) throw new NotPushable(`no Salesforce field holds ${layout.timeField}`);
      periodAliases = { year: `py${index}`, quarter: `pq${index}` };
      for (const [fn, alias] of [['CALENDAR_YEAR', periodAliases.year], ['CALENDAR_QUARTER', periodAliases.quarter]] as const) {
        fields.push({ type: 'FieldFunctionExpression', functionName: fn, parameters: [timeField], alias });
        groupBy.push({ fn: { functionName: fn, parameters: [timeField] } });
      }
      return;
    }
    const field = soqlFieldOf(layout, accountMapping, dimension);
    if (field === undefined) throw new NotPushable(`no Salesforce field holds ${dimension}`);
    const alias = `g${index}`;
    const [head, ...tail] = field.split('.').reverse();
    fields.push(tail.length === 0 ? { type: 'Field', field, alias } : { type: 'FieldRelationship', field: head ?? field, relationships: tail.reverse(), alias, objectPrefix: '', rawValue: field });
    groupBy.push({ field });
    groupAliases.push({ alias, dimension });
  });
  const breakdownAliases: Array<CompiledAggregate['breakdownAliases'][number]> = [];
  const groupable = (query.breakdown ?? []).length === 0 ? {} : breakdownFieldsOf(layout);
  (query.breakdown ?? []).forEach((canonical, index) => {
    const breakdown = groupable[canonical];
    if (breakdown === undefined) throw new NotPushable(`this org cannot group ${layout.mapping.object} by ${canonical}`);
    const alias = `b${index}`;
    fields.push({ type: 'Field', field: breakdown.field, alias });
    groupBy.push({ field: breakdown.field });
    breakdownAliases.push({ alias, canonical, breakdown, mapping: layout.mapping });
  });
  return { fields, groupBy, groupAliases, periodAliases, breakdownAliases };
}

/**
 * One plan query as a SOQL aggregate query: identifiers only from the (validated) mapping,
 * values only as escaped literals. Throws NotPushable when the org cannot express it.
 */
export function compileAggregateSoql(query: AggregateQuery, layout: SourceLayout, accountMapping: ObjectMapping): CompiledAggregate {
  const { fields, groupBy, groupAliases, periodAliases, breakdownAliases } = groupings(query, layout, accountMapping);
  const measureAliases = query.measures.map((measure, index) => ({ alias: `m${index}`, id: measure.id }));
  query.measures.forEach((measure, index) => {
    const field = measure.field === undefined ? 'Id' : soqlFieldOf(layout, accountMapping, measure.field);
    if (field === undefined) throw new NotPushable(`no Salesforce field holds ${measure.field ?? ''}`);
    fields.push({ type: 'FieldFunctionExpression', functionName: measure.op.toUpperCase(), parameters: [field], alias: `m${index}` });
  });
  const soqlQuery: Query = { sObject: layout.mapping.object, fields };
  const where = whereOf(query.where.map((planCondition) => condition(layout, accountMapping, planCondition)));
  if (where !== undefined) soqlQuery.where = where;
  if (groupBy.length > 0) soqlQuery.groupBy = groupBy;
  return { soql: composeQuery(soqlQuery), groupAliases, periodAliases, measureAliases, breakdownAliases };
}
