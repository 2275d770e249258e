import { ZohoApiError } from '../zohoApiError';
import type { ZohoFieldType } from '../zohoModuleSpecs';
import { renderZohoValue, type JsonObject, type JsonValue } from '../zohoRecordJson';
import { isValueList, type ZohoRecordStore, type ZohoStoredRecord, type ZohoStoredValue } from '../zohoRecordStore';
import type { CoqlQuery, CoqlSelectItem } from './coqlAst';
import { compileCondition } from './coqlConditions';
import { columnValue, invalidColumn, resolveColumn, type ResolvedColumn } from './coqlFields';
import { parseCoql } from './parseCoql';

// Ceilings from the v7/v8 COQL-Limitations pages (reference §B Limits).
export const defaultCoqlLimit = 200;
export const maxCoqlLimit = 2000;
export const maxCoqlReach = 100_000;
export const maxSelectColumns = 50;
export const maxOrderBy = 10;
export const maxGroupBy = 4;
export const maxAggregates = 5;

/** A whole COQL result before paging to the wire. */
export interface CoqlResult {
  /** The rows of this call (after OFFSET and LIMIT). */
  readonly data: readonly JsonObject[];
  /** Whether rows remain past this call's LIMIT. */
  readonly moreRecords: boolean;
  /** The LIMIT in force (default 200): what the call's credits depend on. */
  readonly limit: number;
}

const limitExceeded = (by: string, limit: number, message: string): ZohoApiError => new ZohoApiError(400, 'LIMIT_EXCEEDED', message, { by, limit });
/** DUPLICATE_DATA `{column_name}` "duplicate select column" (v8 OAS example), likewise per clause. */
function checkDuplicates(texts: readonly string[], clause: string): void {
  const seen = new Set<string>();
  for (const text of texts) {
    const key = text.toLowerCase();
    if (seen.has(key)) throw new ZohoApiError(400, 'DUPLICATE_DATA', `duplicate ${clause} column`, { column_name: text });
    seen.add(key);
  }
}

function checkLimits(query: CoqlQuery): { limit: number; offset: number } {
  if (query.select.length > maxSelectColumns) throw limitExceeded('select columns', maxSelectColumns, `at most ${maxSelectColumns} columns can be selected`);
  if (query.orderBy.length > maxOrderBy) throw limitExceeded('order by', maxOrderBy, `at most ${maxOrderBy} fields can be given in order by`);
  if (query.groupBy.length > maxGroupBy) throw limitExceeded('group by', maxGroupBy, `at most ${maxGroupBy} fields can be given in group by`);
  const aggregates = query.select.filter((item) => item.kind === 'aggregate');
  if (aggregates.length > maxAggregates) throw limitExceeded('aggregate', maxAggregates, `at most ${maxAggregates} aggregate fields can be given`);
  checkDuplicates(query.orderBy.map((order) => order.field.text), 'order by');
  checkDuplicates(query.groupBy.map((field) => field.text), 'group by');
  const seenAggregates = new Set<string>();
  for (const item of aggregates) {
    if (seenAggregates.has(item.key.toLowerCase())) {
      throw new ZohoApiError(400, 'DUPLICATE_DATA', 'duplicate aggregate function', { column_name: item.field.text, aggregate: item.fn });
    }
    seenAggregates.add(item.key.toLowerCase());
  }
  checkDuplicates(query.select.filter((item) => item.kind === 'field').map((item) => item.field.text), 'select');
  const limit = query.limit ?? defaultCoqlLimit;
  const offset = query.offset ?? 0;
  if (limit < 1) throw new ZohoApiError(400, 'INVALID_DATA', 'limit should be greater than 0');
  if (limit > maxCoqlLimit) throw limitExceeded('limit', maxCoqlLimit, `limit must be from 1 to ${maxCoqlLimit}`);
  if (offset + limit > maxCoqlReach) throw limitExceeded('offset', maxCoqlReach, `offset and limit can reach at most ${maxCoqlReach} records`);
  return { limit, offset };
}

const sortKey = (value: ZohoStoredValue): string | number | null => {
  if (value === null) return null;
  if (isValueList(value)) return value.join(';').toLowerCase();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' ? value.toLowerCase() : value;
};

/** Nulls first ascending (last descending); text without regard to case. */
function compareValues(a: ZohoStoredValue, b: ZohoStoredValue): number {
  const x = sortKey(a);
  const y = sortKey(b);
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : 1;
}

const idOf = (record: ZohoStoredRecord): string => (typeof record['id'] === 'string' ? record['id'] : '');

/**
 * Runs a COQL `select` on the store and renders the rows as COQL answers them: the selected
 * columns (dotted joins as flat keys, lookups `{name, id}`) plus `id`; aggregate rows hold the
 * group columns and one key per aggregate named by its literal expression, e.g. `COUNT(id)`.
 * Throws `ZohoApiError` (SYNTAX_ERROR, INVALID_QUERY, LIMIT_EXCEEDED, DUPLICATE_DATA).
 */
export function executeCoql(store: ZohoRecordStore, selectQuery: string, timeZone: string): CoqlResult {
  const query = parseCoql(selectQuery);
  const module = store.module(query.module);
  if (module === undefined) throw new ZohoApiError(400, 'INVALID_MODULE', 'the given module is not supported in api');
  const { limit, offset } = checkLimits(query);
  const test = query.where === null ? () => true : compileCondition(store, module.apiName, query.where);
  const rows = store.records(module.apiName).filter(test);
  const aggregated = query.groupBy.length > 0 || query.select.some((item) => item.kind === 'aggregate');
  const all = aggregated ? aggregateRows(store, module.apiName, query, rows, timeZone) : plainRows(store, module.apiName, query, rows, timeZone);
  return { data: all.slice(offset, offset + limit), moreRecords: offset + limit < all.length, limit };
}

function plainRows(store: ZohoRecordStore, module: string, query: CoqlQuery, rows: readonly ZohoStoredRecord[], timeZone: string): JsonObject[] {
  const columns = query.select.map((item) => ({ key: item.alias ?? item.field.text, column: resolveColumn(store, module, item.field) }));
  const orderColumns = query.orderBy.map((order) => {
    const aliased = query.select.find((item) => item.alias !== null && item.alias === order.field.text);
    return { column: resolveColumn(store, module, aliased?.field ?? order.field), direction: order.direction === 'desc' ? -1 : 1 };
  });
  const sorted = [...rows].sort((a, b) => {
    for (const { column, direction } of orderColumns) {
      const diff = compareValues(columnValue(store, column, a), columnValue(store, column, b));
      if (diff !== 0) return direction * diff;
    }
    return idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0;
  });
  return sorted.map((record) => {
    const out: JsonObject = {};
    for (const { key, column } of columns) out[key] = renderZohoValue(store, column.field, columnValue(store, column, record), timeZone, 'coql');
    out['id'] = idOf(record);
    return out;
  });
}

const countable = new Set<ZohoFieldType>(['id', 'integer', 'double', 'currency', 'lookup', 'ownerlookup', 'picklist']);
const numeric = new Set<ZohoFieldType>(['integer', 'double', 'currency']);
const orderable = new Set<ZohoFieldType>(['integer', 'double', 'currency', 'date', 'datetime']);

function checkAggregate(item: Extract<CoqlSelectItem, { kind: 'aggregate' }>, column: ResolvedColumn): void {
  const type = column.field.type;
  // COUNT is documented for number, lookup and picklist fields; SUM/AVG for numbers.
  const ok = item.fn === 'COUNT' ? countable.has(type) : item.fn === 'SUM' || item.fn === 'AVG' ? numeric.has(type) : orderable.has(type);
  if (!ok) {
    throw new ZohoApiError(400, 'INVALID_QUERY', 'unsupported data type for the aggregate function', { column_name: column.text, data_type: type, function: item.fn });
  }
}

interface Group {
  readonly values: readonly ZohoStoredValue[];
  readonly rows: ZohoStoredRecord[];
}

function aggregateValue(fn: string, values: readonly ZohoStoredValue[]): ZohoStoredValue {
  const present = values.filter((value) => value !== null);
  if (fn === 'COUNT') return present.length;
  if (present.length === 0) return null;
  if (fn === 'MIN' || fn === 'MAX') {
    // Numbers, datetimes (epoch ms) and dates (YYYY-MM-DD text) all order with compareValues.
    return present.reduce((best, value) => ((fn === 'MIN' ? compareValues(value, best) < 0 : compareValues(value, best) > 0) ? value : best));
  }
  const numbers = present.filter((value): value is number => typeof value === 'number');
  const sum = numbers.reduce((total, value) => total + value, 0);
  return fn === 'SUM' ? sum : sum / numbers.length;
}

function aggregateRows(store: ZohoRecordStore, module: string, query: CoqlQuery, rows: readonly ZohoStoredRecord[], timeZone: string): JsonObject[] {
  const groupColumns = query.groupBy.map((ref) => resolveColumn(store, module, ref));
  const grouped = new Set(query.groupBy.map((ref) => ref.text.toLowerCase()));
  for (const item of query.select) {
    if (item.kind === 'field' && !grouped.has(item.field.text.toLowerCase())) {
      throw new ZohoApiError(400, 'INVALID_QUERY', 'the column must be in the group by clause or in an aggregate function', { column_name: item.field.text, clause: 'select' });
    }
  }
  const aggregates = query.select.flatMap((item) => {
    if (item.kind !== 'aggregate') return [];
    const column = resolveColumn(store, module, item.field);
    checkAggregate(item, column);
    return [{ item, column }];
  });
  const groups = new Map<string, Group>();
  for (const record of rows) {
    const values = groupColumns.map((column) => columnValue(store, column, record));
    const key = JSON.stringify(values);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { values, rows: [] }));
    group.rows.push(record);
  }
  // Without GROUP BY there is one row, even over no records (COUNT 0).
  if (groupColumns.length === 0 && groups.size === 0) groups.set('[]', { values: [], rows: [] });
  const out = [...groups.values()].map((group) => {
    const row: JsonObject = {};
    const sortable = new Map<string, ZohoStoredValue>();
    query.groupBy.forEach((ref, i) => {
      const column = groupColumns[i];
      const value = group.values[i] ?? null;
      if (column === undefined) return;
      const alias = query.select.find((item) => item.kind === 'field' && item.field.text.toLowerCase() === ref.text.toLowerCase())?.alias ?? null;
      row[alias ?? ref.text] = renderZohoValue(store, column.field, value, timeZone, 'coql');
      sortable.set(ref.text.toLowerCase(), value);
      if (alias !== null) sortable.set(alias.toLowerCase(), value);
    });
    for (const { item, column } of aggregates) {
      const value = aggregateValue(item.fn, group.rows.map((record) => columnValue(store, column, record)));
      const rendered: JsonValue =
        item.fn === 'MIN' || item.fn === 'MAX' ? renderZohoValue(store, column.field, value, timeZone, 'coql') : typeof value === 'number' ? value : null;
      row[item.alias ?? item.key] = rendered;
      sortable.set(item.key.toLowerCase(), value);
      if (item.alias !== null) sortable.set(item.alias.toLowerCase(), value);
    }
    return { row, sortable };
  });
  const orderKeys = query.orderBy.map((order) => {
    const key = order.field.text.toLowerCase();
    if (!out.every((entry) => entry.sortable.has(key)) && out.length > 0) throw invalidColumn(order.field);
    return { key, direction: order.direction === 'desc' ? -1 : 1 };
  });
  out.sort((a, b) => {
    for (const { key, direction } of orderKeys) {
      const diff = compareValues(a.sortable.get(key) ?? null, b.sortable.get(key) ?? null);
      if (diff !== 0) return direction * diff;
    }
    return 0;
  });
  return out.map((entry) => entry.row);
}
