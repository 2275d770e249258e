import type { CategoricalColumn, FactTable } from '../factTable';
import type { CountedEvaluation, DirectEvaluation, KpiResult } from '../kpiDefinition';
import { shareResult } from '../kpiResults';
import { wantedCodes } from '../rowSelection';
import { codesPlusOne, type GroupIds, type KeyColumn } from '../cutRows';

// Building blocks of the direct evaluations: columns, and per-group counts and sums in typed arrays
// (populations are in populations.ts). Every loop is a kernel (typed arrays and numbers in, nothing
// or a number out, nothing after the loop) so V8 optimises it whole; loops over data-dependent
// conditions add `Number(condition)` (0 or 1, no branch) instead of branching, which random data
// would make the CPU mispredict. `x >= -Infinity` is "x is not NaN" without a branch.

export function categoricalColumn(table: FactTable, field: string): CategoricalColumn {
  const column = table.categorical[field];
  if (column === undefined) throw new Error(`no categorical field ${field}`);
  return column;
}

/** A numeric column (NaN = missing). */
export function numbers(table: FactTable, field: string): Float64Array {
  const values = table.numeric[field];
  if (values === undefined) throw new Error(`no numeric field ${field}`);
  return values;
}

/** A categorical field's code + 1 per row (0 = missing), and 1 at code + 1 for each code of the values (0 for the others and for missing). */
export interface CodeTest {
  readonly codes: KeyColumn;
  readonly wanted: Uint8Array;
}

export function codeTest(table: FactTable, field: string, values: readonly string[]): CodeTest {
  return { codes: codesPlusOne(table, field), wanted: wantedCodes(categoricalColumn(table, field), values) };
}

/** One number per group, starting at 0. */
export const perGroup = (groupCount: number): Float64Array => new Float64Array(groupCount);

/** One result per group. */
export function eachGroup(groupCount: number, result: (group: number) => KpiResult): KpiResult[] {
  const results: KpiResult[] = [];
  for (let group = 0; group < groupCount; group += 1) results.push(result(group));
  return results;
}

/** A direct evaluation finished from per-group counts of rows (see `DirectEvaluation.counted`). */
export function countedEvaluation(population: DirectEvaluation['population'], counted: CountedEvaluation): DirectEvaluation {
  return {
    population,
    evaluate: (table, rows, groupOf, groupCount, context) => {
      const counts = counted.count(table, rows, groupOf, groupCount, context);
      return eachGroup(groupCount, (group) => counted.finish(counts, group));
    },
    counted,
  };
}

/** Finishes a share (Wilson interval) from counts [n, successes]. */
export function shareOfCounts([n, successes]: readonly Float64Array[], group: number): KpiResult {
  return shareResult(successes?.[group] ?? 0, n?.[group] ?? 0);
}

function sumInto(values: Float64Array, rows: Int32Array, groupOf: GroupIds, sums: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const group = groupOf[i] ?? 0;
    sums[group] = (sums[group] ?? 0) + (values[rows[i] ?? 0] ?? 0);
  }
}

/** Per-group sums of a numeric field over the rows (a missing value makes its group's sum NaN). */
export function sumPerGroup(values: Float64Array, rows: Int32Array, groupOf: GroupIds, groupCount: number): Float64Array {
  const sums = perGroup(groupCount);
  sumInto(values, rows, groupOf, sums);
  return sums;
}

// The per-group kernels below also count the rows of each group into `n`.

/** counts[group] += 1 for each row whose value is ≥ threshold (NaN never is). */
export function countAtLeast(values: Float64Array, threshold: number, rows: Int32Array, groupOf: GroupIds, n: Float64Array, counts: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    counts[group] = (counts[group] ?? 0) + Number((values[rows[i] ?? 0] ?? Number.NaN) >= threshold);
  }
}

/** counts[group] += 1 for each row whose value is exactly `value`. */
export function countEqual(values: Float64Array, value: number, rows: Int32Array, groupOf: GroupIds, n: Float64Array, counts: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    counts[group] = (counts[group] ?? 0) + Number(values[rows[i] ?? 0] === value);
  }
}

/** counts[group] += 1 for each row whose code is wanted (see {@link CodeTest}). */
export function countWanted({ codes, wanted }: CodeTest, rows: Int32Array, groupOf: GroupIds, n: Float64Array, counts: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    counts[group] = (counts[group] ?? 0) + (wanted[codes[rows[i] ?? 0] ?? 0] ?? 0);
  }
}

/** Per-group Σx and Σx² of a numeric field over the rows. */
export function sumAndSquares(values: Float64Array, rows: Int32Array, groupOf: GroupIds, n: Float64Array, sums: Float64Array, squares: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const value = values[rows[i] ?? 0] ?? 0;
    const group = groupOf[i] ?? 0;
    n[group] = (n[group] ?? 0) + 1;
    sums[group] = (sums[group] ?? 0) + value;
    squares[group] = (squares[group] ?? 0) + value * value;
  }
}

export const allDimensions = [
  'businessUnitId',
  'productLineId',
  'segmentId',
  'teamId',
  'accountId',
  'journeyStage',
  'channel',
  'period',
] as const;
export const accountDimensions = ['businessUnitId', 'productLineId', 'segmentId', 'teamId', 'accountId'] as const;
