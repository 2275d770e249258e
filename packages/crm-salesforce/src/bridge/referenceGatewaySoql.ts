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
import type { GatewayAccountScope, GatewayAggregateQuery, GatewayCondition, GatewayRecordQuery, GatewayValue, GatewayWindow } from './gatewayContract';

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

/** How the reference gateway learns a field's type, as Apex does through describe (`date`, `datetime` …). */
export type FieldTypeOf = (object: string, field: string) => string | undefined;

/** A condition joined to the next one by `connector` (the last one's is unused). */
interface Joined {
  readonly condition: ConditionWithValueQuery;
  readonly connector: 'AND' | 'OR';
}

function chain(items: readonly Joined[]): WhereClause | undefined {
  const [first, ...rest] = items;
  if (first === undefined) return undefined;
  const right = chain(rest);
  return right === undefined ? { left: first.condition } : { left: first.condition, operator: first.connector, right };
}

/** `(f1 >= a AND f1 < b) OR (f1 = null AND f2 >= a AND f2 < b)`, parenthesised, each bound by the field's type. */
function windowConditions(window: GatewayWindow, object: string, fieldType: FieldTypeOf): Joined[] {
  const bound = (field: string, iso: string): { value: string; literalType: LiteralType } =>
    fieldType(object, field) === 'date' ? { value: new Date(iso).toISOString().slice(0, 10), literalType: 'DATE' } : literal({ dateTime: iso });
  const branches = window.fields.map((field, index): ConditionWithValueQuery[] => [
    ...window.fields.slice(0, index).map((earlier): ConditionWithValueQuery => ({ field: earlier, operator: '=', value: 'null', literalType: 'NULL' })),
    { field, operator: '>=', ...bound(field, window.from.dateTime) },
    { field, operator: '<', ...bound(field, window.to.dateTime) },
  ]);
  const joined: Joined[] = [];
  branches.forEach((branch, branchIndex) => {
    branch.forEach((condition, index) => {
      const first = index === 0;
      const last = index === branch.length - 1;
      const openParen = (first ? 1 : 0) + (first && branchIndex === 0 ? 1 : 0);
      const closeParen = (last ? 1 : 0) + (last && branchIndex === branches.length - 1 ? 1 : 0);
      // branches are ORed with each other; conditions within a branch (and the window with what follows) are ANDed
      const connector = last && branchIndex < branches.length - 1 ? 'OR' : 'AND';
      joined.push({ condition: { ...condition, ...(openParen > 0 ? { openParen } : {}), ...(closeParen > 0 ? { closeParen } : {}) }, connector });
    });
  });
  return joined;
}

/** `field IN (SELECT Id FROM Account [WHERE businessUnitField IN (…)])`. */
function accountScopeCondition(scope: GatewayAccountScope): ConditionWithValueQuery {
  const units =
    scope.businessUnits === undefined || scope.businessUnitField === undefined ? undefined : whereOf([{ field: scope.businessUnitField, op: 'in', values: scope.businessUnits }]);
  const valueQuery: Query = { sObject: 'Account', fields: [getField('Id')], ...(units === undefined ? {} : { where: units }) };
  return { field: scope.field, operator: 'IN', valueQuery };
}

/** A record query's whole WHERE: its conditions, its account scope, then its window, all ANDed. */
function recordWhere(query: GatewayRecordQuery, fieldType: FieldTypeOf): WhereClause | undefined {
  const items: Joined[] = query.where.map((gatewayCondition) => ({ condition: condition(gatewayCondition), connector: 'AND' }));
  if (query.accountScope !== undefined) items.push({ condition: accountScopeCondition(query.accountScope), connector: 'AND' });
  if (query.window !== undefined) items.push(...windowConditions(query.window, query.object, fieldType));
  return chain(items);
}

/**
 * `SELECT fields, (child subqueries) FROM object WHERE … ORDER BY … LIMIT n`. The user's access is
 * Apex's `AccessLevel.USER_MODE` argument, not query text (soql-parser-js 6.3.1 composes
 * `WITH USER_MODE` after LIMIT, where its own parser, and SOQL, refuse it).
 */
export function recordQuerySoql(query: GatewayRecordQuery, rowLimit: number, fieldType: FieldTypeOf = () => undefined): string {
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
  const where = recordWhere(query, fieldType);
  const soql: Query = {
    sObject: query.object,
    fields: [...query.fields.map((field) => getField(field)), ...children],
    ...(where === undefined ? {} : { where }),
    ...(query.orderBy === undefined ? {} : { orderBy: query.orderBy.map((o) => ({ field: o.field, order: o.direction })) }),
    limit: query.limit ?? rowLimit,
  };
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
