import { parseQuery, type FieldType, type Query } from '@jetstreamapp/soql-parser-js';
import { CrmError } from '@kizuna/crm-core';

/** `SELECT COUNT() FROM …`: COUNT() with no field is the whole SELECT list (reference A.6). */
const countOnly = /^\s*SELECT\s+COUNT\s*\(\s*\)\s+FROM\s/i;

export function isCountQuery(soql: string): boolean {
  return countOnly.test(soql);
}

/** Parses SOQL on the client, to read its shape (ROLLUP fields, GROUPING columns). */
export function parseSoqlShape(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    throw new CrmError('INVALID_QUERY', `The SOQL could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const fnName = (field: FieldType): string => (field.type === 'FieldFunctionExpression' ? field.functionName.toUpperCase() : '');
const aggregateFunctions = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUPING']);

/** True for GROUP BY queries and SELECT lists with an aggregate function. */
export function isAggregateShape(query: Query): boolean {
  return query.groupBy !== undefined || (query.fields ?? []).some((field) => aggregateFunctions.has(fnName(field)));
}

/** A field path as written, lower-cased and without a leading FROM alias, to compare two mentions. */
function pathKey(path: string, alias: string | undefined): string {
  const lower = path.toLowerCase();
  const prefix = alias === undefined ? undefined : `${alias.toLowerCase()}.`;
  return prefix !== undefined && lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
}

/** The fields of `GROUP BY ROLLUP(f1[, f2[, f3]])` as written, or null without ROLLUP. */
export function rollupFieldsOf(query: Query): string[] | null {
  const clauses = query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
  for (const clause of clauses) {
    if ('fn' in clause && (clause.fn.functionName ?? '').toUpperCase() === 'ROLLUP') {
      return (clause.fn.parameters ?? []).filter((parameter): parameter is string => typeof parameter === 'string');
    }
  }
  return null;
}

/**
 * The result key of each `GROUPING(field)` column, by field: its alias, or the implied
 * `exprN` — Salesforce numbers unaliased function columns in SELECT order, grouped fields aside.
 */
export function groupingColumnsOf(query: Query): Map<string, string> {
  const columns = new Map<string, string>();
  let implied = 0;
  for (const field of query.fields ?? []) {
    if (field.type !== 'FieldFunctionExpression') continue;
    const key = field.alias ?? `expr${implied++}`;
    const [parameter] = field.parameters;
    if (fnName(field) === 'GROUPING' && typeof parameter === 'string') columns.set(pathKey(parameter, query.sObjectAlias), key);
  }
  return columns;
}

/** The GROUPING column key of a ROLLUP field, if the query selects one. */
export function groupingColumnOf(columns: ReadonlyMap<string, string>, field: string, query: Query): string | undefined {
  return columns.get(pathKey(field, query.sObjectAlias));
}
