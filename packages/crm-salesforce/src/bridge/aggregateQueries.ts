import type { ObjectMapping } from '@kizuna/crm-core';
import type { AggregateQuery, Dimension, GroupTotals, PlanCondition, PlanValue } from '@kizuna/model';
import { NotPushable, type CompiledAggregate } from '../pushdown/compileAggregateSoql';
import { crmValueOf, soqlFieldOf, type SourceLayout } from '../pushdown/planFields';
import type { GatewayAggregateQuery, GatewayCondition, GatewayScalar } from './gatewayContract';
import type { GatewayFieldValue, GatewayRecord } from './gatewayResults';
import { temporalKindOf } from './temporalFields';

/** A plan query as a gateway aggregate query, with the aliases that map its rows back. */
export interface CompiledGatewayAggregate extends Omit<CompiledAggregate, 'soql'> {
  readonly query: GatewayAggregateQuery;
}

function fieldOf(layout: SourceLayout, accountMapping: ObjectMapping, field: string): string {
  const path = soqlFieldOf(layout, accountMapping, field);
  if (path === undefined) throw new NotPushable(`no Salesforce field holds ${field}`);
  return path;
}

/** A canonical plan value as the typed value Apex binds: through the mapping's value table, dates tagged. */
function valueOf(layout: SourceLayout, accountMapping: ObjectMapping, path: string, field: string, value: PlanValue): GatewayScalar {
  const kind = temporalKindOf(layout.mapping.entity, layout.aliases?.[field] ?? field);
  if (kind !== undefined) {
    const time = typeof value === 'number' ? value : Date.parse(String(value));
    if (Number.isNaN(time)) throw new NotPushable(`${field} needs a date or instant, not ${String(value)}`);
    const iso = new Date(time).toISOString();
    return kind === 'date' ? { date: iso.slice(0, 10) } : { dateTime: iso };
  }
  const crmValue = crmValueOf(path.includes('.') ? accountMapping : layout.mapping, field, value);
  if (crmValue === undefined) throw new NotPushable(`the value ${String(value)} of ${field} has no single CRM value`);
  if (typeof crmValue === 'number' && !Number.isFinite(crmValue)) throw new NotPushable(`${field} needs a finite number`);
  return crmValue;
}

function conditionOf(layout: SourceLayout, accountMapping: ObjectMapping, condition: PlanCondition): GatewayCondition {
  const field = fieldOf(layout, accountMapping, condition.field);
  const value = (planValue: PlanValue) => valueOf(layout, accountMapping, field, condition.field, planValue);
  switch (condition.op) {
    case 'isNull':
    case 'notNull':
      return { field, op: condition.op };
    case 'in':
      if (condition.values.length === 0) throw new NotPushable(`an empty IN list for ${condition.field} selects nothing`);
      return { field, op: 'in', values: condition.values.map(value) };
    default:
      return { field, op: condition.op, value: value(condition.value) };
  }
}

type Groupings = Pick<CompiledGatewayAggregate, 'groupAliases' | 'periodAliases'> & { readonly groupBy: GatewayAggregateQuery['groupBy'] };

function groupingsOf(query: AggregateQuery, layout: SourceLayout, accountMapping: ObjectMapping): Groupings {
  const groupBy: Array<GatewayAggregateQuery['groupBy'][number]> = [];
  const groupAliases: Array<{ alias: string; dimension: Dimension }> = [];
  let periodAliases: CompiledGatewayAggregate['periodAliases'] = null;
  query.groupBy.forEach((dimension, index) => {
    if (dimension === 'period' && layout.timeField !== null) {
      const field = fieldOf(layout, accountMapping, layout.timeField);
      periodAliases = { year: `py${index}`, quarter: `pq${index}` };
      groupBy.push({ fn: 'CALENDAR_YEAR', field, alias: periodAliases.year }, { fn: 'CALENDAR_QUARTER', field, alias: periodAliases.quarter });
      return;
    }
    groupBy.push({ field: fieldOf(layout, accountMapping, dimension), alias: `g${index}` });
    groupAliases.push({ alias: `g${index}`, dimension });
  });
  return { groupBy, groupAliases, periodAliases };
}

/**
 * One metrics plan query as a gateway aggregate query, resolved through the same canonical →
 * CRM field and value resolution as the REST pushdown (pushdown/planFields.ts). Throws
 * NotPushable when this org's mapping cannot express it.
 */
export function compileGatewayAggregate(query: AggregateQuery, layout: SourceLayout, accountMapping: ObjectMapping): CompiledGatewayAggregate {
  // The gateway contract (§2.2) groups by dimensions only; batched plans are for the REST pushdown.
  if ((query.breakdown ?? []).length > 0) throw new NotPushable('the Apex gateway does not group by breakdown fields');
  const { groupBy, groupAliases, periodAliases } = groupingsOf(query, layout, accountMapping);
  const measures = query.measures.map((measure, index) => {
    const op = measure.op.toUpperCase() as GatewayAggregateQuery['measures'][number]['op'];
    const alias = `m${index}`;
    return measure.field === undefined ? { op, alias } : { op, field: fieldOf(layout, accountMapping, measure.field), alias };
  });
  const where = query.where.map((condition) => conditionOf(layout, accountMapping, condition));
  return {
    query: { kind: 'aggregate', object: layout.mapping.object, groupBy, measures, where },
    groupAliases,
    periodAliases,
    measureAliases: query.measures.map((measure, index) => ({ alias: `m${index}`, id: measure.id })),
    breakdownAliases: [],
  };
}

/** Aliases are matched case-insensitively: Apex's AggregateResult keys are not case-sensitive. */
function valueAt(row: GatewayRecord, alias: string): GatewayFieldValue | undefined {
  const key = Object.keys(row).find((candidate) => candidate.toLowerCase() === alias.toLowerCase());
  return key === undefined ? undefined : row[key];
}

/** One aggregate row as the group totals the metrics core finishes KPIs from. */
export function totalsOfRow(row: GatewayRecord, compiled: CompiledGatewayAggregate): GroupTotals {
  const keys: Partial<Record<Dimension, string>> = {};
  for (const { alias, dimension } of compiled.groupAliases) {
    const value = valueAt(row, alias);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') keys[dimension] = String(value);
  }
  if (compiled.periodAliases !== null) {
    const year = valueAt(row, compiled.periodAliases.year);
    const quarter = valueAt(row, compiled.periodAliases.quarter);
    if (typeof year === 'number' && typeof quarter === 'number') keys.period = `${year}-Q${quarter}`;
  }
  const values: Record<string, number> = {};
  for (const { alias, id } of compiled.measureAliases) {
    const value = valueAt(row, alias);
    if (typeof value === 'number') values[id] = value;
  }
  return { keys, values };
}
