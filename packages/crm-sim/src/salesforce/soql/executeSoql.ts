import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { invalidType, malformedQuery, simUnsupported, unexpectedToken } from '../salesforceApiError';
import { isAggregateQuery, runAggregateQuery } from './aggregateQuery';
import type { JsonRecord, QueryContext } from './queryContext';
import { compileRecordQuery, compileWhere, visible } from './recordQuery';

/**
 * A query's whole result, before paging. Record results are shaped lazily, a page at a time,
 * so following `nextRecordsUrl` through a million rows never holds a million JSON objects.
 */
export type SoqlResultSet =
  | { readonly kind: 'records'; readonly totalSize: number; page(offset: number, size: number): JsonRecord[] }
  | { readonly kind: 'count'; readonly totalSize: number }
  | { readonly kind: 'aggregate'; readonly totalSize: number; readonly records: readonly JsonRecord[] };

function tokenOf(message: string): string | null | undefined {
  const found = /found --> '([\s\S]*)' <--/.exec(message) ?? /but found: '([\s\S]*)'$/.exec(message);
  if (found !== null) return found[1] === '' || found[1] === undefined ? null : found[1];
  const character = /unexpected character: ->([\s\S])<-/.exec(message);
  return character?.[1];
}

/** Parses SOQL with soql-parser-js; syntax errors become MALFORMED_QUERY as the API reports them. */
export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const token = tokenOf(message);
    throw token === undefined ? malformedQuery(message) : unexpectedToken(token);
  }
}

function rejectUnsupported(query: Query): void {
  if (query.withDataCategory !== undefined) throw simUnsupported('WITH DATA CATEGORY');
  if (query.for !== undefined) throw simUnsupported(`FOR ${query.for}`);
  if (query.update !== undefined) throw simUnsupported(`UPDATE ${query.update}`);
  if (query.usingScope !== undefined) throw simUnsupported('USING SCOPE');
}

function isCountOnly(query: Query): boolean {
  const fields = query.fields ?? [];
  const countAt = fields.findIndex(
    (f) => f.type === 'FieldFunctionExpression' && f.functionName.toUpperCase() === 'COUNT' && f.parameters.length === 0,
  );
  if (countAt === -1) return false;
  if (fields.length > 1) throw malformedQuery('COUNT() must be the only element in the SELECT list');
  if (query.groupBy !== undefined || query.orderBy !== undefined) {
    throw malformedQuery('COUNT() cannot be used with GROUP BY or ORDER BY');
  }
  return true;
}

/**
 * Executes one SOQL statement against the org's records. WITH SECURITY_ENFORCED and
 * WITH USER_MODE are accepted and change nothing (the simulated user sees everything).
 */
export function executeSoql(ctx: QueryContext, soql: string): SoqlResultSet {
  const query = parseSoql(soql);
  rejectUnsupported(query);
  const objectName = ctx.source.schema.object(query.sObject ?? '')?.name;
  if (objectName === undefined) throw invalidType(query.sObject ?? '');
  if (isCountOnly(query)) {
    const where = query.where === undefined ? undefined : compileWhere(ctx, objectName, query.where, query.sObjectAlias);
    const rows = visible(ctx, ctx.source.records(objectName));
    const count = where === undefined ? rows.length : rows.filter(where).length;
    return { kind: 'count', totalSize: Math.min(count, query.limit ?? Infinity) };
  }
  if (isAggregateQuery(query)) {
    const records = runAggregateQuery(ctx, objectName, query);
    return { kind: 'aggregate', totalSize: records.length, records };
  }
  const compiled = compileRecordQuery(ctx, objectName, query, query.sObjectAlias);
  const rows = compiled.select(visible(ctx, ctx.source.records(objectName)));
  return {
    kind: 'records',
    totalSize: rows.length,
    page: (offset, size) => rows.slice(offset, offset + size).map((row) => compiled.project(row)),
  };
}
