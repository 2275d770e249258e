import { CrmError, crmIdentifierSchema } from '@kizuna/crm-core';

/**
 * COQL text from allowlisted parts only. Identifiers are API names (letters, digits, underscores),
 * joined by a dot for a lookup's field (`Account_Name.Kizuna_Segment`, at most two relations
 * deep); literals are quoted and escaped; conditions are bracketed in pairs, as COQL requires for
 * more than two (`((A and B) and C)`, Kaizen #171 Q2).
 */

/** A field reference: an API name, or a lookup path of at most three API names. */
export function coqlField(path: string): string {
  const parts = path.split('.');
  if (parts.length > 3 || parts.some((part) => !crmIdentifierSchema.safeParse(part).success)) {
    throw new CrmError('INVALID_INPUT', `Not a Zoho field API name: ${JSON.stringify(path)}`);
  }
  return path;
}

/** A module API name. */
export function coqlModule(name: string): string {
  if (!crmIdentifierSchema.safeParse(name).success) throw new CrmError('INVALID_INPUT', `Not a Zoho module API name: ${JSON.stringify(name)}`);
  return name;
}

/** A quoted string literal; backslash and single quote are escaped with a backslash (Kaizen #171 Q3). */
export function coqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export type CoqlLiteral = string | number | boolean;

/** Any literal: numbers as digits, booleans as `'true'`/`'false'` (COQL compares booleans to quoted text), text quoted. */
export function coqlLiteral(value: CoqlLiteral): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CrmError('INVALID_INPUT', 'A COQL number must be finite.');
    return String(value);
  }
  if (typeof value === 'boolean') return `'${String(value)}'`;
  return coqlString(value);
}

export type CoqlCondition =
  | { readonly field: string; readonly op: '=' | '!=' | '>' | '>=' | '<' | '<='; readonly value: CoqlLiteral }
  | { readonly field: string; readonly op: 'in' | 'not in'; readonly values: readonly CoqlLiteral[] }
  | { readonly field: string; readonly op: 'is null' | 'is not null' };

/** COQL's `in` takes at most 50 values. */
export const MAX_IN_VALUES = 50;
/** At most 25 criteria in one WHERE. */
export const MAX_WHERE_CRITERIA = 25;

function conditionText(condition: CoqlCondition): string {
  const field = coqlField(condition.field);
  switch (condition.op) {
    case 'is null':
    case 'is not null':
      return `${field} ${condition.op}`;
    case 'in':
    case 'not in': {
      if (condition.values.length === 0 || condition.values.length > MAX_IN_VALUES) {
        throw new CrmError('INVALID_INPUT', `COQL ${condition.op} takes 1 to ${MAX_IN_VALUES} values (got ${condition.values.length}).`);
      }
      return `${field} ${condition.op} (${condition.values.map(coqlLiteral).join(', ')})`;
    }
    default:
      return `${field} ${condition.op} ${coqlLiteral(condition.value)}`;
  }
}

/** Conditions ANDed and bracketed in pairs; COQL needs a WHERE, so none at all is `id is not null`. */
export function coqlWhere(conditions: readonly CoqlCondition[]): string {
  if (conditions.length > MAX_WHERE_CRITERIA) throw new CrmError('INVALID_INPUT', `COQL takes at most ${MAX_WHERE_CRITERIA} criteria (got ${conditions.length}).`);
  const [first, ...rest] = conditions.map(conditionText);
  if (first === undefined) return 'id is not null';
  return rest.reduce((left, right) => `(${left} and ${right})`, first);
}

/** COQL's aggregate functions (case-sensitive names). */
export type CoqlAggregate = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export interface CoqlSelect {
  readonly module: string;
  readonly fields: readonly string[];
  readonly aggregates?: ReadonlyArray<{ readonly fn: CoqlAggregate; readonly field: string }>;
  readonly where?: readonly CoqlCondition[];
  readonly groupBy?: readonly string[];
  readonly orderBy?: ReadonlyArray<{ readonly field: string; readonly direction: 'asc' | 'desc' }>;
  readonly limit?: number;
  readonly offset?: number;
}

/** COQL limits (v8 COQL-Limitations): 50 columns, 5 aggregates, 4 group fields, 2,000 rows a call, 100,000 by OFFSET. */
export const coqlLimits = { columns: 50, aggregates: 5, groupBy: 4, rowsPerCall: 2000, maxOffsetReach: 100_000 } as const;

/** The key Zoho gives an aggregate column in each row: the literal expression, e.g. `COUNT(Score)`. */
export function aggregateKey(fn: CoqlAggregate, field: string): string {
  return `${fn}(${coqlField(field)})`;
}

/** One SELECT, checked against COQL's documented limits before anything is sent. */
export function coqlSelect(select: CoqlSelect): string {
  const aggregates = select.aggregates ?? [];
  const groupBy = select.groupBy ?? [];
  if (select.fields.length + aggregates.length === 0) throw new CrmError('INVALID_INPUT', 'A COQL query must select something.');
  if (select.fields.length + aggregates.length > coqlLimits.columns) throw new CrmError('INVALID_INPUT', `COQL selects at most ${coqlLimits.columns} columns.`);
  if (aggregates.length > coqlLimits.aggregates) throw new CrmError('INVALID_INPUT', `COQL takes at most ${coqlLimits.aggregates} aggregates.`);
  if (groupBy.length > coqlLimits.groupBy) throw new CrmError('INVALID_INPUT', `COQL groups by at most ${coqlLimits.groupBy} fields.`);
  const limit = select.limit ?? coqlLimits.rowsPerCall;
  const offset = select.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > coqlLimits.rowsPerCall) throw new CrmError('INVALID_INPUT', `COQL LIMIT is 1 to ${coqlLimits.rowsPerCall}.`);
  if (!Number.isInteger(offset) || offset < 0 || offset + limit > coqlLimits.maxOffsetReach) {
    throw new CrmError('INVALID_INPUT', `COQL reaches at most ${coqlLimits.maxOffsetReach} records by LIMIT and OFFSET.`);
  }
  const columns = [...select.fields.map(coqlField), ...aggregates.map((aggregate) => aggregateKey(aggregate.fn, aggregate.field))];
  const parts = [`select ${columns.join(', ')} from ${coqlModule(select.module)} where ${coqlWhere(select.where ?? [])}`];
  if (groupBy.length > 0) parts.push(`group by ${groupBy.map(coqlField).join(', ')}`);
  if (select.orderBy !== undefined && select.orderBy.length > 0) {
    parts.push(`order by ${select.orderBy.map((order) => `${coqlField(order.field)} ${order.direction}`).join(', ')}`);
  }
  parts.push(`limit ${limit}`);
  if (offset > 0) parts.push(`offset ${offset}`);
  return parts.join(' ');
}
