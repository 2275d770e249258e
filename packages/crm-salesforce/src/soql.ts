import { composeQuery, getField, type Query, type WhereClause } from '@jetstreamapp/soql-parser-js';
import { CrmError, crmIdentifierSchema, mappedCrmFields, type ObjectMapping } from '@kizuna/crm-core';

/** A Salesforce record id: 15 case-sensitive or 18 case-safe characters. */
export function isSalesforceId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

export function assertSalesforceId(value: string, what: string): string {
  if (!isSalesforceId(value)) {
    throw new CrmError('INVALID_INPUT', `${what} must be a Salesforce id (15 or 18 letters and digits).`);
  }
  return value;
}

/**
 * A SOQL string literal: quoted, with the escape sequences SOQL defines (\\ \' \" \n \r \t \b \f),
 * and every other control or line-separating character as `\uXXXX` (also documented), so the
 * literal stays on one line whatever a lexer counts as a line break. Used for every value that
 * reaches a query, so input can never change the query's meaning.
 */
export function soqlStringLiteral(value: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped here
  const escaped = value.replace(/[\\'"\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const short = named[char];
    if (short !== undefined) return short;
    if (char === '\\' || char === "'" || char === '"') return `\\${char}`;
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${escaped}'`;
}

/**
 * `field = value` (a string is always sent as an escaped literal, `null` as SOQL `null`), or
 * `field != null` with `notNull`.
 */
export type EqualsCondition =
  | { readonly field: string; readonly equals: string | null }
  | { readonly field: string; readonly notNull: true };

export interface SelectSpec {
  readonly mapping: ObjectMapping;
  /** Equality conditions, all of which must hold. */
  readonly where?: readonly EqualsCondition[];
  readonly orderBy?: { readonly field: string; readonly direction: 'ASC' | 'DESC' };
  readonly limit?: number;
}

function whereClause(conditions: readonly EqualsCondition[]): WhereClause | undefined {
  const [first, ...rest] = conditions;
  if (first === undefined) return undefined;
  const field = crmIdentifierSchema.parse(first.field);
  const left =
    'notNull' in first
      ? { field, operator: '!=' as const, value: 'null', literalType: 'NULL' as const }
      : {
          field,
          operator: '=' as const,
          value: first.equals === null ? 'null' : soqlStringLiteral(first.equals),
          literalType: first.equals === null ? ('NULL' as const) : ('STRING' as const),
        };
  const right = whereClause(rest);
  return right === undefined ? { left } : { left, operator: 'AND', right };
}

/** Composes a SELECT over a mapping's fields, from allowlisted identifiers and escaped literals only. */
export function selectQuery(spec: SelectSpec): string {
  const object = crmIdentifierSchema.parse(spec.mapping.object);
  const query: Query = { sObject: object, fields: mappedCrmFields(spec.mapping).map((field) => getField(field)) };
  const where = whereClause(spec.where ?? []);
  if (where !== undefined) query.where = where;
  if (spec.orderBy !== undefined) {
    query.orderBy = { field: crmIdentifierSchema.parse(spec.orderBy.field), order: spec.orderBy.direction };
  }
  if (spec.limit !== undefined) query.limit = spec.limit;
  return composeQuery(query);
}
