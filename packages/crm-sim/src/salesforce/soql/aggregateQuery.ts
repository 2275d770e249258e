import type { FieldType, FunctionExp, OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import { malformedQuery } from '../salesforceApiError';
import type { SalesforceFieldType } from '../salesforceSchema';
import { formatSalesforceDateTime, type FieldValue } from '../storedRecord';
import { aggregateFunctionNames, compileAggregate } from './aggregateFunctions';
import { compileBooleanExpression } from './booleanExpression';
import { compileComparison, type Operand } from './conditions';
import { dateFunctionOperand, isDateFunction } from './dateFunctions';
import { pathSegments, resolveField } from './fieldPaths';
import { groupingOf, groupRows, type Group, type GroupKey } from './grouping';
import { parseLiterals } from './literals';
import type { JsonRecord, QueryContext } from './queryContext';
import { asArray, checkOffset, compileWhere, visible } from './recordQuery';
import { sortRows, type SortKey } from './sortRows';

interface Column {
  readonly key: string;
  readonly operand: Operand<Group>;
}

/**
 * Aggregate results come in one batch: past 2,000 rows Salesforce returns the first batch with
 * `done: false`, and queryMore on it fails ("Aggregate query does not support queryMore(), use
 * LIMIT to restrict the results to a single batch").
 */
export const maxAggregateRows = 2000;

const fnName = (fn: { functionName?: string }): string => (fn.functionName ?? '').toUpperCase();

/**
 * Builds operands over groups for grouped fields, grouped date functions, aggregates and
 * `GROUPING(field)` (1 on a ROLLUP subtotal row for that field, else 0).
 */
function groupOperands(ctx: QueryContext, objectName: string, alias: string | undefined, keys: readonly GroupKey[]) {
  const resolve = (path: string) => resolveField(ctx.source, objectName, pathSegments(path, alias));
  const keyOf = (signature: string, problem: string): { index: number; key: GroupKey } => {
    const index = keys.findIndex((candidate) => candidate.signature === signature);
    const key = keys[index];
    if (key === undefined) throw malformedQuery(problem);
    return { index, key };
  };
  const grouped = (signature: string, name: string): Operand<Group> => {
    const { index, key } = keyOf(signature, `Field must be grouped or aggregated: ${name}`);
    return { name, type: key.operand.type, get: (group) => group.values[index] ?? null };
  };
  const field = (path: string): Operand<Group> => {
    const resolved = resolve(path);
    return grouped(`field:${resolved.canonicalPath.toLowerCase()}`, resolved.field.name);
  };
  const grouping = (path: string): Operand<Group> => {
    const resolved = resolve(path);
    const { index } = keyOf(`field:${resolved.canonicalPath.toLowerCase()}`, `GROUPING() needs a grouped field: ${resolved.field.name}`);
    return { name: `GROUPING(${resolved.field.name})`, type: 'int', get: (group) => (group.rolledUp[index] === true ? 1 : 0) };
  };
  const fn = (expression: FunctionExp): Operand<Group> => {
    const name = fnName(expression);
    const [parameter] = expression.parameters ?? [];
    if (typeof parameter !== 'string') throw malformedQuery(`${name}() needs a field`);
    if (name === 'GROUPING') return grouping(parameter);
    if (isDateFunction(name)) {
      const operand = dateFunctionOperand(name, resolve(parameter));
      return grouped(`fn:${operand.name.toLowerCase()}`, operand.name);
    }
    const aggregate = compileAggregate(name, resolve(parameter));
    return { name: aggregate.signature, type: aggregate.type, get: (group) => aggregate.compute(group.rows) };
  };
  return { field, fn };
}

function columnsOf(fields: readonly FieldType[], operands: ReturnType<typeof groupOperands>): Column[] {
  const columns: Column[] = [];
  let implied = 0;
  for (const item of fields) {
    let column: Column;
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const path = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
      const operand = operands.field(path);
      column = { key: ('alias' in item ? item.alias : undefined) ?? operand.name, operand };
    } else if (item.type === 'FieldFunctionExpression') {
      if (fnName(item) === 'COUNT' && item.parameters.length === 0) throw malformedQuery('COUNT() must be the only element in the SELECT list');
      const operand = operands.fn(item as FunctionExp);
      column = { key: item.alias ?? `expr${implied++}`, operand };
    } else {
      throw malformedQuery('subqueries and TYPEOF cannot be used in an aggregate query');
    }
    if (columns.some((existing) => existing.key.toLowerCase() === column.key.toLowerCase())) {
      throw malformedQuery(`duplicate alias: ${column.key}`);
    }
    columns.push(column);
  }
  return columns;
}

function sortKeysOf(orderBy: readonly OrderByClause[], operands: ReturnType<typeof groupOperands>): SortKey<Group>[] {
  return orderBy.map((clause) => {
    const operand = 'field' in clause ? operands.field(clause.field) : operands.fn(clause.fn);
    return { get: operand.get, descending: clause.order === 'DESC', nullsLast: clause.nulls === 'LAST' };
  });
}

function wire(type: SalesforceFieldType, value: FieldValue): FieldValue {
  return type === 'datetime' && typeof value === 'number' ? formatSalesforceDateTime(value) : value;
}

/** True when the SELECT list holds an aggregate function (other than a bare COUNT()) or GROUPING(). */
export function isAggregateQuery(query: Query): boolean {
  if (query.groupBy !== undefined) return true;
  return (query.fields ?? []).some(
    (f) => f.type === 'FieldFunctionExpression' && (aggregateFunctionNames.has(fnName(f)) || fnName(f) === 'GROUPING'),
  );
}

/**
 * Runs a GROUP BY / GROUP BY ROLLUP / aggregate query and returns its AggregateResult rows.
 * Without ORDER BY, groups come in the order their first row is met (ROLLUP: each group's
 * subtotal after its detail rows, the grand total last); ORDER BY sorts them stably.
 */
export function runAggregateQuery(ctx: QueryContext, objectName: string, query: Query): JsonRecord[] {
  const alias = query.sObjectAlias;
  checkOffset(query.offset);
  if (query.groupBy === undefined && query.limit !== undefined) {
    throw malformedQuery('an aggregate query with LIMIT needs a GROUP BY clause');
  }
  const grouping = groupingOf(ctx, objectName, alias, query.groupBy);
  const operands = groupOperands(ctx, objectName, alias, grouping.keys);
  const columns = columnsOf(query.fields ?? [], operands);
  const where = query.where === undefined ? undefined : compileWhere(ctx, objectName, query.where, alias);
  const candidates = visible(ctx, ctx.source.records(objectName));
  let groups = groupRows(where === undefined ? candidates : candidates.filter(where), grouping);
  if (query.having !== undefined) {
    const having = compileBooleanExpression<Group>(query.having, (condition) => {
      const operand = 'fn' in condition ? operands.fn(condition.fn) : 'field' in condition ? operands.field(condition.field) : undefined;
      if (operand === undefined || !('value' in condition)) throw malformedQuery('unexpected HAVING condition');
      return compileComparison(operand, condition.operator, parseLiterals(condition.value, condition.literalType, ctx.now));
    });
    groups = groups.filter(having);
  }
  const offset = query.offset ?? 0;
  const page = sortRows(groups, sortKeysOf(asArray(query.orderBy), operands)).slice(
    offset,
    query.limit === undefined ? undefined : offset + query.limit,
  );
  return page.map((group) => {
    const row: JsonRecord = { attributes: { type: 'AggregateResult' } };
    for (const column of columns) row[column.key] = wire(column.operand.type, column.operand.get(group));
    return row;
  });
}
