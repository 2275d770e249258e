import {
  composeQuery,
  getField,
  type ConditionWithValueQuery,
  type FieldType,
  type LiteralType,
  type Query,
  type Subquery,
  type WhereClause,
} from '@jetstreamapp/soql-parser-js';
import { soqlStringLiteral } from '../soql';
import type { GatewayAggregateQuery, GatewayCondition, GatewayRecordQuery, GatewayValue } from './gatewayContract';

/**
 * SOQL for the reference gateway, which plays Apex's part in tests and in the simulator. Real
 * Apex binds values as variables; here they become escaped literals of the matching type.
 */
function literal(value: GatewayValue): { value: string; literalType: LiteralType } {
  if (value === null) return { value: 'null', literalType: 'NULL' };
  if (typeof value === 'string') return { value: soqlStringLiteral(value), literalType: 'STRING' };
  if (typeof value === 'boolean') return { value: String(value), literalType: 'BOOLEAN' };
  if (typeof value === 'number') return { value: String(value), literalType: Number.isInteger(value) ? 'INTEGER' : 'DECIMAL' };
  if ('date' in value) return { value: value.date, literalType: 'DATE' };
  return { value: `${new Date(value.dateTime).toISOString().slice(0, 19)}Z`, literalType: 'DATETIME' };
}

const operators = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function condition(gatewayCondition: GatewayCondition): ConditionWithValueQuery {
  const { field } = gatewayCondition;
  switch (gatewayCondition.op) {
    case 'isNull':
    case 'notNull':
      return { field, operator: gatewayCondition.op === 'isNull' ? '=' : '!=', value: 'null', literalType: 'NULL' };
    case 'in': {
      const values = gatewayCondition.values.map(literal);
      return { field, operator: 'IN', value: values.map((v) => v.value), literalType: values.map((v) => v.literalType) };
    }
    default:
      return { field, operator: operators[gatewayCondition.op], ...literal(gatewayCondition.value) };
  }
}

function whereOf(conditions: readonly GatewayCondition[]): WhereClause | undefined {
  const [first, ...rest] = conditions;
  if (first === undefined) return undefined;
  const right = whereOf(rest);
  return right === undefined ? { left: condition(first) } : { left: condition(first), operator: 'AND', right };
}

function withWhere<T extends { where?: WhereClause }>(target: T, conditions: readonly GatewayCondition[] | undefined): T {
  const where = whereOf(conditions ?? []);
  return where === undefined ? target : { ...target, where };
}

/**
 * `SELECT fields, (child subqueries) FROM object WHERE … ORDER BY … LIMIT n`. The user's access is
 * Apex's `AccessLevel.USER_MODE` argument, not query text (soql-parser-js 6.3.1 composes
 * `WITH USER_MODE` after LIMIT, where its own parser, and SOQL, refuse it).
 */
export function recordQuerySoql(query: GatewayRecordQuery, rowLimit: number): string {
  const children: FieldType[] = (query.children ?? []).map((child) => ({
    type: 'FieldSubquery',
    subquery: withWhere<Subquery>(
      {
        relationshipName: child.relationship,
        fields: child.fields.map((field) => getField(field)),
        ...(child.orderBy === undefined ? {} : { orderBy: child.orderBy.map((o) => ({ field: o.field, order: o.direction })) }),
        limit: child.limit ?? rowLimit,
      },
      child.where,
    ),
  }));
  const soql = withWhere<Query>(
    {
      sObject: query.object,
      fields: [...query.fields.map((field) => getField(field)), ...children],
      ...(query.orderBy === undefined ? {} : { orderBy: query.orderBy.map((o) => ({ field: o.field, order: o.direction })) }),
      limit: query.limit ?? rowLimit,
    },
    query.where,
  );
  return composeQuery(soql);
}

function pathField(path: string, alias: string): FieldType {
  const [head, ...tail] = path.split('.').reverse();
  return tail.length === 0
    ? { type: 'Field', field: path, alias }
    : { type: 'FieldRelationship', field: head ?? path, relationships: tail.reverse(), alias, objectPrefix: '', rawValue: path };
}

/** `SELECT groupings, measures FROM object WHERE … GROUP BY groupings`, every column aliased. */
export function aggregateQuerySoql(query: GatewayAggregateQuery): string {
  const fields: FieldType[] = query.groupBy.map((grouping) =>
    'fn' in grouping
      ? { type: 'FieldFunctionExpression', functionName: grouping.fn, parameters: [grouping.field], alias: grouping.alias }
      : pathField(grouping.field, grouping.alias),
  );
  for (const measure of query.measures) {
    fields.push({ type: 'FieldFunctionExpression', functionName: measure.op, parameters: [measure.field ?? 'Id'], alias: measure.alias });
  }
  const soql: Query = { sObject: query.object, fields };
  if (query.groupBy.length > 0) {
    soql.groupBy = query.groupBy.map((grouping) => ('fn' in grouping ? { fn: { functionName: grouping.fn, parameters: [grouping.field] } } : { field: grouping.field }));
  }
  return composeQuery(withWhere(soql, query.where));
}
