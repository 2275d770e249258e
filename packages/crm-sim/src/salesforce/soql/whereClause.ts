import type { ConditionWithValueQuery, Query, WhereClause } from '@jetstreamapp/soql-parser-js';
import { fieldNotAllowed, malformedQuery } from '../salesforceApiError';
import type { StoredRecord } from '../storedRecord';
import { compileBooleanExpression } from './booleanExpression';
import { compileComparison, type Operand, type Predicate } from './conditions';
import { dateFunctionOperand, isDateFunction } from './dateFunctions';
import { pathSegments, resolveField } from './fieldPaths';
import { parseLiterals } from './literals';
import type { QueryContext } from './queryContext';

/** Runs a semi-join's inner query and returns the (lower-cased) values it selects. */
export type SemiJoinRunner = (query: Query) => ReadonlySet<string>;

function fieldOperand(ctx: QueryContext, objectName: string, path: string, alias: string | undefined): Operand<StoredRecord> {
  const resolved = resolveField(ctx.source, objectName, pathSegments(path, alias));
  if (!resolved.field.filterable) throw fieldNotAllowed(resolved.field.name, 'filtered');
  return { name: resolved.field.name, type: resolved.field.type, get: resolved.get };
}

function functionOperand(
  ctx: QueryContext,
  objectName: string,
  fn: { functionName?: string; parameters?: unknown[] },
  alias: string | undefined,
): Operand<StoredRecord> {
  const name = fn.functionName ?? '';
  const [parameter] = fn.parameters ?? [];
  if (!isDateFunction(name) || typeof parameter !== 'string') {
    throw malformedQuery(`${name}() is not allowed in WHERE; aggregate conditions go in HAVING`);
  }
  return dateFunctionOperand(name, resolveField(ctx.source, objectName, pathSegments(parameter, alias)));
}

function semiJoinPredicate(operand: Operand<StoredRecord>, operator: string, values: ReadonlySet<string>): Predicate<StoredRecord> {
  if (operator !== 'IN' && operator !== 'NOT IN') throw malformedQuery(`semi-join subqueries need IN or NOT IN, not ${operator}`);
  if (operand.type !== 'id' && operand.type !== 'reference') {
    throw malformedQuery(`semi-join subqueries can only filter Id or reference fields: ${operand.name}`);
  }
  const inSet = (row: StoredRecord): boolean => {
    const value = operand.get(row);
    return typeof value === 'string' && values.has(value.toLowerCase());
  };
  return operator === 'IN' ? inSet : (row) => !inSet(row);
}

/** Compiles a WHERE clause over records of `objectName`. */
export function compileRecordWhere(
  ctx: QueryContext,
  objectName: string,
  where: WhereClause,
  alias: string | undefined,
  runSemiJoin: SemiJoinRunner,
): Predicate<StoredRecord> {
  return compileBooleanExpression<StoredRecord>(where, (condition: ConditionWithValueQuery) => {
    if ('valueQuery' in condition) {
      const operand = fieldOperand(ctx, objectName, condition.field, alias);
      return semiJoinPredicate(operand, condition.operator, runSemiJoin(condition.valueQuery));
    }
    if ('fn' in condition) {
      const operand = functionOperand(ctx, objectName, condition.fn, alias);
      return compileComparison(operand, condition.operator, parseLiterals(condition.value, condition.literalType, ctx.now));
    }
    if (!('field' in condition)) throw malformedQuery('unexpected condition');
    const operand = fieldOperand(ctx, objectName, condition.field, alias);
    return compileComparison(operand, condition.operator, parseLiterals(condition.value, condition.literalType, ctx.now));
  });
}
