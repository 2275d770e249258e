import type { GroupIds } from './cutRows';

/** Values of the rows grouped by group: group g's values are values[offsets[g] … offsets[g + 1]). */
export interface GroupedValues {
  readonly values: Float64Array;
  readonly offsets: Int32Array;
}

function countGroups(groupOf: GroupIds, offsets: Int32Array): void {
  for (let i = 0; i < groupOf.length; i += 1) {
    const next = (groupOf[i] ?? 0) + 1;
    offsets[next] = (offsets[next] ?? 0) + 1;
  }
}

function accumulate(offsets: Int32Array): void {
  for (let i = 1; i < offsets.length; i += 1) offsets[i] = (offsets[i] ?? 0) + (offsets[i - 1] ?? 0);
}

function scatter(column: Float64Array, rows: Int32Array, groupOf: GroupIds, cursor: Int32Array, values: Float64Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    const group = groupOf[i] ?? 0;
    const at = cursor[group] ?? 0;
    values[at] = column[rows[i] ?? 0] ?? Number.NaN;
    cursor[group] = at + 1;
  }
}

/** Gathered values live here, reused by the next gathering (of another grouping or column). */
let gathered = new Float64Array(1 << 12);
let last: { readonly groupOf: GroupIds; readonly column: Float64Array; readonly grouped: GroupedValues } | undefined;

/**
 * The values of a numeric column at the rows, grouped (a counting sort by group), in a buffer the
 * next call with another grouping or column reuses: use them before calling again. The same
 * grouping (`groupOf` array) and column as the last call give the same arrays back (which order
 * statistics may have rearranged: a group's values stay its values, in no particular order), so
 * the median and the p90 of a field on the same population, evaluated one after the other, gather
 * them once.
 */
export function groupValues(column: Float64Array, rows: Int32Array, groupOf: GroupIds, groupCount: number): GroupedValues {
  if (last !== undefined && last.groupOf === groupOf && last.column === column) return last.grouped;
  if (gathered.length < rows.length) gathered = new Float64Array(Math.max(rows.length, 2 * gathered.length));
  const offsets = new Int32Array(groupCount + 1);
  countGroups(groupOf, offsets);
  accumulate(offsets);
  const values = gathered.subarray(0, rows.length);
  scatter(column, rows, groupOf, offsets.slice(0, groupCount), values);
  last = { groupOf, column, grouped: { values, offsets } };
  return last.grouped;
}
