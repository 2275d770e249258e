import type { ObjectMapping } from '@kizuna/crm-core';
import type { AggregateQuery, Dimension, PlanCondition, PlanMeasure, PlanValue } from '@kizuna/model';
import { aggregateKey, coqlLimits, MAX_IN_VALUES, type CoqlAggregate, type CoqlCondition, type CoqlLiteral } from '../coql/coqlText';
import { breakdownFieldsOf, coqlFieldOf, crmValueOf, type BreakdownKind, type SourceLayout } from './planFields';

/** Canonical fields Zoho keeps as datetimes and as dates (literals differ). */
const dateTimeFields = new Set(['respondedAt', 'openedAt', 'closedAt', 'firstResponseAt']);
const dateFields = new Set(['closeDate', 'customerSince', 'churnedOn', 'renewalDate', 'onboardingStartedOn', 'onboardingCompletedOn']);

export class NotPushable extends Error {
  override readonly name = 'NotPushable';
}

/** A plan query resolved to COQL columns (the period a group only where the quarter is stored; else split by quarter). */
export interface CompiledAggregate {
  readonly module: string;
  /** The module's mapping (breakdown values are read back through its value tables). */
  readonly mapping: ObjectMapping;
  readonly where: readonly CoqlCondition[];
  /** COQL group column → dimension. */
  readonly groups: ReadonlyArray<{ readonly column: string; readonly dimension: Dimension }>;
  /** Breakdown fields, grouped after the dimensions: COQL column → canonical field and how its values read. */
  readonly breakdown: ReadonlyArray<{ readonly column: string; readonly field: string; readonly kind: BreakdownKind }>;
  /** Row key (the literal expression, `SUM(Score)`) → plan measure id. */
  readonly measures: ReadonlyArray<{ readonly fn: CoqlAggregate; readonly field: string; readonly key: string; readonly id: string }>;
}

/** A time bound as a COQL literal: `'2025-10-01T00:00:00+00:00'` for datetimes, `'2025-10-01'` for dates. */
export function timeLiteral(field: string, value: PlanValue): string {
  const time = typeof value === 'number' ? value : Date.parse(String(value));
  if (Number.isNaN(time)) throw new NotPushable(`${field} needs a date or instant, not ${String(value)}`);
  const iso = new Date(time).toISOString();
  return dateFields.has(field) ? iso.slice(0, 10) : `${iso.slice(0, 19)}+00:00`;
}

export function isTimeField(field: string): boolean {
  return dateTimeFields.has(field) || dateFields.has(field);
}

function literal(mapping: ObjectMapping, field: string, value: PlanValue): CoqlLiteral {
  if (isTimeField(field)) return timeLiteral(field, value);
  const crmValue = crmValueOf(mapping, field, value);
  if (crmValue === undefined) throw new NotPushable(`the value ${String(value)} of ${field} has no single CRM value`);
  if (typeof crmValue === 'number' && !Number.isFinite(crmValue)) throw new NotPushable(`${field} needs a finite number`);
  return crmValue;
}

const operators = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function conditionOf(layout: SourceLayout, accountMapping: ObjectMapping, planCondition: PlanCondition): CoqlCondition {
  const field = coqlFieldOf(layout, accountMapping, planCondition.field);
  if (field === undefined) throw new NotPushable(`no Zoho field holds ${planCondition.field}`);
  const mapping = field.includes('.') ? accountMapping : layout.mapping;
  switch (planCondition.op) {
    case 'isNull':
      return { field, op: 'is null' };
    case 'notNull':
      return { field, op: 'is not null' };
    case 'in': {
      if (planCondition.values.length === 0) throw new NotPushable(`an empty IN list for ${planCondition.field} selects nothing`);
      if (planCondition.values.length > MAX_IN_VALUES) throw new NotPushable(`COQL takes at most ${MAX_IN_VALUES} values in one IN`);
      return { field, op: 'in', values: planCondition.values.map((value) => literal(mapping, planCondition.field, value)) };
    }
    default:
      return { field, op: operators[planCondition.op], value: literal(mapping, planCondition.field, planCondition.value) };
  }
}

function measureOf(layout: SourceLayout, accountMapping: ObjectMapping, measure: PlanMeasure): CompiledAggregate['measures'][number] {
  const fn = measure.op.toUpperCase() as CoqlAggregate;
  const field = measure.field === undefined ? 'id' : coqlFieldOf(layout, accountMapping, measure.field);
  if (field === undefined) throw new NotPushable(`no Zoho field holds ${measure.field ?? ''}`);
  return { fn, field, key: aggregateKey(fn, field), id: measure.id };
}

/**
 * One plan query as COQL parts: identifiers only from the (validated) mapping, values only as
 * escaped literals. `period` is left to the runner (COQL has no calendar functions: it is split by
 * quarter). Throws NotPushable when the org cannot express the query.
 */
export function compileAggregateCoql(query: AggregateQuery, layout: SourceLayout, accountMapping: ObjectMapping): CompiledAggregate {
  // `period` is a group only when the module stores the quarter; otherwise the runner splits by quarter.
  const groups = query.groupBy
    .filter((dimension) => dimension !== 'period' || layout.periodField !== undefined)
    .map((dimension) => {
      if (dimension === 'period' && layout.periodField !== undefined) return { column: layout.periodField, dimension };
      const column = coqlFieldOf(layout, accountMapping, dimension);
      if (column === undefined) throw new NotPushable(`no Zoho field holds ${dimension}`);
      return { column, dimension };
    });
  if (query.groupBy.includes('period') && layout.timeField === null) throw new NotPushable(`${query.source} has no time field for period`);
  if (query.groupBy.includes('period') && layout.timeField !== null && coqlFieldOf(layout, accountMapping, layout.timeField) === undefined) {
    throw new NotPushable(`no Zoho field holds ${layout.timeField}`);
  }
  const groupable = breakdownFieldsOf(query.source, layout);
  const breakdown = (query.breakdown ?? []).map((field) => {
    const found = groupable[field];
    if (found === undefined) throw new NotPushable(`${field} of ${query.source} cannot be grouped in COQL with this mapping`);
    return { column: found.column, field, kind: found.kind };
  });
  if (breakdown.length > coqlLimits.groupBy) throw new NotPushable(`COQL groups by at most ${coqlLimits.groupBy} fields`);
  return {
    module: layout.mapping.object,
    mapping: layout.mapping,
    where: query.where.map((planCondition) => conditionOf(layout, accountMapping, planCondition)),
    groups,
    breakdown,
    measures: query.measures.map((measure) => measureOf(layout, accountMapping, measure)),
  };
}
