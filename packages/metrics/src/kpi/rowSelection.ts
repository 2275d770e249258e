import type { Dimension } from './dimensions';
import type { CategoricalColumn, FactTable } from './factTable';

// How the direct evaluation picks rows: a request's window and filters applied to a table (the
// rows are then grouped on a cut by `cutRows`).
//
// The loops are kernels: typed arrays and numbers in, nothing or a number out, no calls and no work
// after the loop (V8 optimises them whole, and on-stack replacement never leaves a loop into code
// it has no feedback for). Those that keep some rows write every candidate and advance by 0 or 1
// instead of branching, which random data would make the CPU mispredict half the time;
// `Number(a) & Number(b)` compiles to flag arithmetic, where `a && b` or `a ? 1 : 0` branch.

/** Rows are gathered here first, then copied out at their exact size. */
let scratchBuffer = new Int32Array(1 << 16);

/** A buffer of at least `size` + 1 entries (a branch-free copy writes one past its last kept entry). Reused: copy out what you keep. */
export function scratch(size: number): Int32Array {
  if (scratchBuffer.length <= size) scratchBuffer = new Int32Array(Math.max(size + 1, 2 * scratchBuffer.length));
  return scratchBuffer;
}

function fillIdentity(rows: Int32Array): void {
  for (let row = 0; row < rows.length; row += 1) rows[row] = row;
}

const everyRowCache = new WeakMap<FactTable, Int32Array>();

/** 0 … length − 1, cached per table (never modified). */
function everyRow(table: FactTable): Int32Array {
  let rows = everyRowCache.get(table);
  if (rows === undefined) {
    rows = new Int32Array(table.length);
    fillIdentity(rows);
    everyRowCache.set(table, rows);
  }
  return rows;
}

/** The rows whose value lies in [from, to) (NaN never does), into `target`; returns how many. */
function keepInRange(values: Float64Array, from: number, to: number, target: Int32Array): number {
  let kept = 0;
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row] ?? Number.NaN;
    target[kept] = row;
    kept += Number(value >= from) & Number(value < to);
  }
  return kept;
}

/** The rows of `rows` whose code is wanted (`wanted[code + 1]`, 0 or 1), into `target`; returns how many. */
function keepWanted(rows: Int32Array, codes: Int32Array, wanted: Uint8Array, target: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    target[kept] = row;
    kept += wanted[(codes[row] ?? -1) + 1] ?? 0;
  }
  return kept;
}

function categorical(table: FactTable, dimension: Dimension): CategoricalColumn {
  const column = table.categorical[dimension];
  if (column === undefined) throw new Error(`this fact table has no dimension ${dimension}`);
  return column;
}

/** 1 at `code + 1` for each of the values (index 0 is the missing value, never wanted). */
export function wantedCodes(column: CategoricalColumn, values: readonly string[]): Uint8Array {
  const wanted = new Uint8Array(column.dictionary.length + 1);
  for (const value of values) {
    const code = column.dictionary.indexOf(value);
    if (code >= 0) wanted[code + 1] = 1;
  }
  return wanted;
}

export interface RowFilter {
  /** Keep rows whose `field` lies in [from, to) (missing values never do). */
  readonly window?: { readonly field: string; readonly from: number; readonly to: number };
  /** Keep rows whose dimension is one of the values (a missing value never is). */
  readonly filters: ReadonlyArray<{ readonly dimension: Dimension; readonly values: readonly string[] }>;
}

/** The rows of a table a request keeps, ascending (a shared array: never modify it). */
export function selectRows(table: FactTable, { window, filters }: RowFilter): Int32Array {
  let rows = everyRow(table);
  if (window !== undefined) {
    const values = table.numeric[window.field];
    if (values === undefined) throw new Error(`no numeric field ${window.field} in this fact table`);
    const target = scratch(values.length);
    rows = target.slice(0, keepInRange(values, window.from, window.to, target));
  }
  for (const filter of filters) {
    const column = categorical(table, filter.dimension);
    const target = scratch(rows.length);
    rows = target.slice(0, keepWanted(rows, column.codes, wantedCodes(column, filter.values), target));
  }
  return rows;
}
