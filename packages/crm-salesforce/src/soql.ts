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
 * A SOQL string literal: quoted, with the escape sequences SOQL defines (\\ \' \" \n \r \t \b \f).
 * Used for every value that reaches a query, so input can never change the query's meaning.
 */
export function soqlStringLiteral(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\${char}`;
    }
  });
  return `'${escaped}'`;
}

export interface SelectSpec {
  readonly mapping: ObjectMapping;
  /** Equality filter on one field; the value is always sent as an escaped literal. */
  readonly where?: { readonly field: string; readonly equals: string };
  readonly orderBy?: { readonly field: string; readonly direction: 'ASC' | 'DESC' };
  readonly limit?: number;
}

/** Composes a SELECT over a mapping's fields, from allowlisted identifiers and escaped literals only. */
export function selectQuery(spec: SelectSpec): string {
  const object = crmIdentifierSchema.parse(spec.mapping.object);
  const query: Query = { sObject: object, fields: mappedCrmFields(spec.mapping).map((field) => getField(field)) };
  if (spec.where !== undefined) {
    const where: WhereClause = {
      left: {
        field: crmIdentifierSchema.parse(spec.where.field),
        operator: '=',
        value: soqlStringLiteral(spec.where.equals),
        literalType: 'STRING',
      },
    };
    query.where = where;
  }
  if (spec.orderBy !== undefined) {
    query.orderBy = { field: crmIdentifierSchema.parse(spec.orderBy.field), order: spec.orderBy.direction };
  }
  if (spec.limit !== undefined) query.limit = spec.limit;
  return composeQuery(query);
}
