import type { OrderByClause, Query, QueryBase, Subquery, WhereClause } from '@jetstreamapp/soql-parser-js';
import {
  fieldNotAllowed,
  invalidChildRelationship,
  invalidType,
  malformedQuery,
  SalesforceApiError,
} from '../salesforceApiError';
import type { StoredRecord } from '../storedRecord';
import type { Predicate } from './conditions';
import { pathSegments, resolveField } from './fieldPaths';
import { compileProjection, type ChildCompiler } from './projection';
import type { JsonRecord, QueryContext } from './queryContext';
import { sortRows, type SortKey } from './sortRows';
import { compileRecordWhere } from './whereClause';

/** A compiled non-aggregate query over one object (the FROM object or a child relationship). */
export interface CompiledRecordQuery {
  readonly objectName: string;
  /** WHERE, ORDER BY, OFFSET and LIMIT applied to candidate rows. */
  select(rows: readonly StoredRecord[]): StoredRecord[];
  project(record: StoredRecord): JsonRecord;
}

export const maxOffset = 2000;

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function recordSortKeys(ctx: QueryContext, objectName: string, orderBy: OrderByClause[], alias: string | undefined): SortKey<StoredRecord>[] {
  return orderBy.map((clause) => {
    if (!('field' in clause)) throw malformedQuery('ORDER BY a function needs GROUP BY');
    const resolved = resolveField(ctx.source, objectName, pathSegments(clause.field, alias));
    if (!resolved.field.sortable) throw fieldNotAllowed(resolved.field.name, 'sorted');
    return { get: resolved.get, descending: clause.order === 'DESC', nullsLast: clause.nulls === 'LAST' };
  });
}

/** `OFFSET` beyond 2,000 is refused by the API with NUMBER_OUTSIDE_VALID_RANGE. */
export function checkOffset(offset: number | undefined): void {
  if (offset !== undefined && offset > maxOffset) {
    throw new SalesforceApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${maxOffset}`);
  }
}

/** Rows a query may see: deleted rows only for queryAll. */
export function visible(ctx: QueryContext, rows: readonly StoredRecord[]): readonly StoredRecord[] {
  return ctx.includeDeleted ? rows : rows.filter((row) => row['IsDeleted'] !== true);
}

function runSemiJoin(ctx: QueryContext, query: Query): ReadonlySet<string> {
  const objectName = ctx.source.schema.object(query.sObject ?? '')?.name;
  if (objectName === undefined) throw invalidType(query.sObject ?? '');
  const [field, ...others] = query.fields ?? [];
  if (field?.type !== 'Field' || others.length > 0) throw malformedQuery('a semi-join subquery selects exactly one Id or reference field');
  const resolved = resolveField(ctx.source, objectName, pathSegments(field.field, query.sObjectAlias));
  if (resolved.field.type !== 'id' && resolved.field.type !== 'reference') {
    throw malformedQuery(`a semi-join subquery must select an Id or reference field, not ${resolved.field.name}`);
  }
  const inner = compileRecordQuery(ctx, objectName, { ...query, fields: [] }, query.sObjectAlias);
  const values = new Set<string>();
  for (const row of inner.select(visible(ctx, ctx.source.records(objectName)))) {
    const value = resolved.get(row);
    if (typeof value === 'string') values.add(value.toLowerCase());
  }
  return values;
}

/** Compiles a WHERE clause over `objectName`, semi-joins included. */
export function compileWhere(ctx: QueryContext, objectName: string, where: WhereClause, alias: string | undefined): Predicate<StoredRecord> {
  return compileRecordWhere(ctx, objectName, where, alias, (inner) => runSemiJoin(ctx, inner));
}

const compileChild =
  (ctx: QueryContext): ChildCompiler =>
  (parentObject: string, subquery: Subquery) => {
    const relationship = ctx.source.schema.childRelationship(parentObject, subquery.relationshipName);
    if (relationship === undefined) throw invalidChildRelationship(subquery.relationshipName);
    if (subquery.groupBy !== undefined) throw malformedQuery('a parent-to-child subquery cannot use GROUP BY');
    const child = compileRecordQuery(ctx, relationship.childSObject, subquery, subquery.sObjectAlias);
    return {
      key: relationship.relationshipName,
      run: (parent) => {
        const candidates = ctx.source.childrenOf(relationship.childSObject, relationship.field, String(parent['Id']));
        const rows = child.select(visible(ctx, candidates));
        if (rows.length === 0) return null;
        return { totalSize: rows.length, done: true, records: rows.map((row) => child.project(row)) };
      },
    };
  };

/** Compiles SELECT (no aggregates), WHERE, ORDER BY, LIMIT and OFFSET over `objectName`. */
export function compileRecordQuery(
  ctx: QueryContext,
  objectName: string,
  query: QueryBase,
  alias: string | undefined,
): CompiledRecordQuery {
  checkOffset(query.offset);
  const where = query.where === undefined ? undefined : compileWhere(ctx, objectName, query.where, alias);
  const sortKeys = recordSortKeys(ctx, objectName, asArray(query.orderBy), alias);
  const project = compileProjection(ctx, objectName, query.fields ?? [], alias, compileChild(ctx));
  const offset = query.offset ?? 0;
  const limit = query.limit;
  return {
    objectName,
    select: (rows) => {
      const filtered = where === undefined ? rows : rows.filter(where);
      const sorted = sortRows(filtered, sortKeys);
      return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
    },
    project,
  };
}
