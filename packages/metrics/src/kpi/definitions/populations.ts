import type { FactTable } from '../factTable';
import type { EvaluationContext } from '../kpiDefinition';
import { codesPlusOne, type KeyColumn } from '../cutRows';
import { scratch } from '../rowSelection';
import { categoricalColumn, codeTest, numbers } from './columns';

// Populations of the direct evaluations: ascending table rows, picked from the rows a request keeps
// by branch-free kernels (see columns.ts), and shared by the KPIs that ask for the same one.

function keepWanted(rows: Int32Array, codes: KeyColumn, wanted: Uint8Array, target: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    target[kept] = row;
    kept += wanted[codes[row] ?? 0] ?? 0;
  }
  return kept;
}

function keepPresent(rows: Int32Array, values: Float64Array, target: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    target[kept] = row;
    kept += Number((values[row] ?? Number.NaN) >= -Infinity);
  }
  return kept;
}

/** Those of the rows whose categorical field is one of the values. */
export function andOneOf(table: FactTable, rows: Int32Array, field: string, values: readonly string[]): Int32Array {
  const { codes, wanted } = codeTest(table, field, values);
  const target = scratch(rows.length);
  return target.slice(0, keepWanted(rows, codes, wanted, target));
}

/** Those of the rows whose numeric field has a value. */
export function andPresent(table: FactTable, rows: Int32Array, field: string): Int32Array {
  const target = scratch(rows.length);
  return target.slice(0, keepPresent(rows, numbers(table, field), target));
}

const wholeTableWork = new WeakMap<FactTable, Map<string, unknown>>();

/**
 * Work shared by the KPIs that ask for the same `key` on the same rows: per batch, and per table
 * when the rows are all of the table's (the work then depends on the table alone).
 */
function sharedWork<T>(table: FactTable, rows: Int32Array, context: EvaluationContext, key: string, compute: () => T): T {
  if (rows.length !== table.length) return context.shared(key, compute);
  let work = wholeTableWork.get(table);
  if (work === undefined) {
    work = new Map();
    wholeTableWork.set(table, work);
  }
  if (!work.has(key)) work.set(key, compute());
  return work.get(key) as T;
}

function countCodes(rows: Int32Array, codes: KeyColumn, counts: Int32Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const slot = (codes[rows[i] ?? 0] ?? 0) + 1;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
}

function scatterByCode(rows: Int32Array, codes: KeyColumn, cursor: Int32Array, target: Int32Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    const slot = codes[row] ?? 0;
    const at = cursor[slot] ?? 0;
    target[at] = row;
    cursor[slot] = at + 1;
  }
}

/** The rows ordered by code (a counting sort, row order kept within a code): code c's are rows[starts[c + 1] … starts[c + 2]). */
interface Partition {
  readonly rows: Int32Array;
  readonly starts: Int32Array;
}

function partition(table: FactTable, rows: Int32Array, field: string): Partition {
  const codes = codesPlusOne(table, field);
  const starts = new Int32Array(categoricalColumn(table, field).dictionary.length + 2);
  countCodes(rows, codes, starts);
  for (let slot = 1; slot < starts.length; slot += 1) starts[slot] = (starts[slot] ?? 0) + (starts[slot - 1] ?? 0);
  const target = new Int32Array(rows.length);
  scatterByCode(rows, codes, starts.slice(0, -1), target);
  return { rows: target, starts };
}

/** Partitioning by code pays when there are this few codes (each value's rows then come out of one counting sort). */
const PARTITIONED_UP_TO = 32;

/**
 * Population: the rows whose categorical field is one of the values (shared by the KPIs that ask the
 * same). For one value of a field with few values, the rows are partitioned by the field once and
 * the value's part is taken, so KPIs asking for different values of it share one pass.
 */
export function whereOneOf(table: FactTable, rows: Int32Array, context: EvaluationContext, field: string, values: readonly string[]): Int32Array {
  return sharedWork(table, rows, context, `${field} one of ${JSON.stringify(values)}`, () => {
    const [value] = values;
    const { dictionary } = categoricalColumn(table, field);
    if (values.length !== 1 || value === undefined || dictionary.length > PARTITIONED_UP_TO) return andOneOf(table, rows, field, values);
    const code = dictionary.indexOf(value);
    const parts = sharedWork(table, rows, context, `${field} partition`, () => partition(table, rows, field));
    return code < 0 ? new Int32Array(0) : parts.rows.subarray(parts.starts[code + 1] ?? 0, parts.starts[code + 2] ?? 0);
  });
}

/** Population: the rows whose numeric field has a value (shared by the KPIs that ask the same). */
export function wherePresent(table: FactTable, rows: Int32Array, context: EvaluationContext, field: string): Int32Array {
  return sharedWork(table, rows, context, `${field} present`, () => andPresent(table, rows, field));
}

function mergeInto(a: Int32Array, b: Int32Array, target: Int32Array): number {
  let i = 0;
  let j = 0;
  let kept = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    target[kept] = x <= y ? x : y;
    kept += 1;
    i += Number(x <= y);
    j += Number(y <= x);
  }
  while (i < a.length) target[kept++] = a[i++] ?? 0;
  while (j < b.length) target[kept++] = b[j++] ?? 0;
  return kept;
}

/** Rows in either (both ascending), ascending. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const target = new Int32Array(a.length + b.length);
  return target.slice(0, mergeInto(a, b, target));
}
