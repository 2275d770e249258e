import { finerGroupingOf, type GroupIds } from './cutRows';

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

/** A gathering, and the buffer its values are in. */
interface Gathering {
  readonly groupOf: GroupIds;
  readonly column: Float64Array;
  readonly grouped: GroupedValues;
}

/**
 * Gathered values live in these buffers, reused round-robin (grown when too small): a gathering
 * stays readable while the next few are made, so that a coarser grouping of the same rows, asked
 * for a little later, is assembled from its finer gathering.
 */
const buffers: Float64Array[] = [];
const BUFFERS = 4;
const gatherings: Array<Gathering | undefined> = [];
let next = 0;

function bufferFor(size: number): { readonly slot: number; readonly buffer: Float64Array } {
  const slot = next;
  next = (next + 1) % BUFFERS;
  gatherings[slot] = undefined;
  let buffer = buffers[slot];
  if (buffer === undefined || buffer.length < size) {
    buffer = new Float64Array(Math.max(size, 1 << 12, 2 * (buffer?.length ?? 0)));
    buffers[slot] = buffer;
  }
  return { slot, buffer };
}

function gatheringOf(groupOf: GroupIds, column: Float64Array): Gathering | undefined {
  return gatherings.find((gathering) => gathering?.groupOf === groupOf && gathering.column === column);
}

/** A coarse group's values are its fine groups' values, copied range by range (in fine group order). */
function assemble(fine: GroupedValues, fineToCoarse: Int32Array, groupCount: number, values: Float64Array): Int32Array {
  const offsets = new Int32Array(groupCount + 1);
  for (let group = 0; group < fineToCoarse.length; group += 1) {
    const to = (fineToCoarse[group] ?? 0) + 1;
    offsets[to] = (offsets[to] ?? 0) + (fine.offsets[group + 1] ?? 0) - (fine.offsets[group] ?? 0);
  }
  accumulate(offsets);
  const cursor = offsets.slice(0, groupCount);
  for (let group = 0; group < fineToCoarse.length; group += 1) {
    const to = fineToCoarse[group] ?? 0;
    const ofGroup = fine.values.subarray(fine.offsets[group] ?? 0, fine.offsets[group + 1] ?? 0);
    values.set(ofGroup, cursor[to] ?? 0);
    cursor[to] = (cursor[to] ?? 0) + ofGroup.length;
  }
  return offsets;
}

/**
 * The values of a numeric column at the rows, grouped (a counting sort by group), in a reused
 * buffer: use them before gathering again. The same grouping (`groupOf` array) and column as a
 * recent call give the same arrays back (which order statistics may have rearranged: a group's
 * values stay its values, in no particular order), so the median and the p90 of a field on the
 * same population gather them once; a grouping derived from a finer one of the same rows
 * (`coarseGroupOf`) whose values were gathered recently is assembled from them without reading the
 * rows again.
 */
export function groupValues(column: Float64Array, rows: Int32Array, groupOf: GroupIds, groupCount: number): GroupedValues {
  const known = gatheringOf(groupOf, column);
  if (known !== undefined) return known.grouped;
  const finer = finerGroupingOf(groupOf);
  const fine = finer === undefined ? undefined : gatheringOf(finer.fineGroupOf, column);
  const { slot, buffer } = bufferFor(rows.length);
  const values = buffer.subarray(0, rows.length);
  let offsets: Int32Array;
  if (fine !== undefined && finer !== undefined) offsets = assemble(fine.grouped, finer.fineToCoarse, groupCount, values);
  else {
    offsets = new Int32Array(groupCount + 1);
    countGroups(groupOf, offsets);
    accumulate(offsets);
    scatter(column, rows, groupOf, offsets.slice(0, groupCount), values);
  }
  const gathering: Gathering = { groupOf, column, grouped: { values, offsets } };
  gatherings[slot] = gathering;
  return gathering.grouped;
}
