import type { Dimension } from './dimensions';
import type { CategoricalColumn, FactTable } from './factTable';

// Rows grouped on a cut: every row gets the id of its group, groups numbered in order of first
// appearance. The key of a row is mixed-radix over the cut's dictionary codes (code + 1 per
// dimension, 0 = missing); keys become group ids through a lookup table over the key space, or a
// Map when that space is too large. Loops are kernels, as in rowSelection.

/**
 * Group ids of rows, in the smallest array that holds them (bytes when the key space has at most
 * 256 keys, as for most dashboard cuts): less memory to allocate, read and collect.
 */
export type GroupIds = Uint8Array | Uint16Array | Int32Array;

/** A key per table row, in the smallest array that holds the key space. */
export type KeyColumn = Uint8Array | Uint16Array | Int32Array;

function groupIds(length: number, maxGroups: number): GroupIds {
  if (maxGroups <= 1 << 8) return new Uint8Array(length);
  if (maxGroups <= 1 << 16) return new Uint16Array(length);
  return new Int32Array(length);
}

/** Rows grouped on a cut. */
export interface RowGroups {
  /** Group of each row (`groupOf[i]` for `rows[i]`), numbered in order of first appearance. */
  readonly groupOf: GroupIds;
  readonly groupCount: number;
  /** A row of each group (its first), to read the group's dimension values from. */
  readonly firstRows: Int32Array;
}

/** Key spaces up to this size have their keys cached per table, one small integer per row. */
const KEY_COLUMN_LIMIT = 1 << 16;
/** Key spaces up to this size (and a few times the rows) get a lookup table instead of a Map. */
const LOOKUP_LIMIT = 1 << 22;
/** Key columns kept per table (the most recently used cuts). */
const KEY_COLUMNS_KEPT = 8;

function addDigit(keys: KeyColumn, codes: Int32Array, radix: number): void {
  for (let row = 0; row < keys.length; row += 1) keys[row] = (keys[row] ?? 0) * radix + (codes[row] ?? -1) + 1;
}

const keyColumns = new WeakMap<FactTable, Map<string, KeyColumn>>();

/**
 * The key of every row of the table on a cut: derived from the table alone (not from any request),
 * so cached per table for the last few cuts; a cut's rows are then grouped from one byte (or two)
 * per row instead of a code of each dimension.
 */
function keyColumn(table: FactTable, groupBy: readonly string[], columns: readonly CategoricalColumn[], keySpace: number): KeyColumn {
  let byCut = keyColumns.get(table);
  if (byCut === undefined) {
    byCut = new Map();
    keyColumns.set(table, byCut);
  }
  const cut = groupBy.join('\u0000');
  let keys = byCut.get(cut);
  if (keys === undefined) {
    keys = keySpace <= 1 << 8 ? new Uint8Array(table.length) : keySpace <= 1 << 16 ? new Uint16Array(table.length) : new Int32Array(table.length);
    for (const column of columns) addDigit(keys, column.codes, column.dictionary.length + 1);
  } else byCut.delete(cut);
  byCut.set(cut, keys);
  for (const stale of byCut.keys()) if (byCut.size > KEY_COLUMNS_KEPT) byCut.delete(stale);
  return keys;
}

/** Group ids from each row's key (`keyOfRow[rows[i]]`); returns the number of groups. */
function groupsOfKeyColumn(keyOfRow: KeyColumn, rows: Int32Array, lookup: Int32Array, groupOf: GroupIds, firstRows: Int32Array): number {
  let groups = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? 0;
    const key = keyOfRow[row] ?? 0;
    let group = lookup[key] ?? -1;
    if (group < 0) {
      group = groups;
      groups += 1;
      lookup[key] = group;
      firstRows[group] = row;
    }
    groupOf[i] = group;
  }
  return groups;
}

function groupsOfKeys(keys: Int32Array, rows: Int32Array, lookup: Int32Array, groupOf: GroupIds, firstRows: Int32Array): number {
  let groups = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const key = keys[i] ?? 0;
    let group = lookup[key] ?? -1;
    if (group < 0) {
      group = groups;
      groups += 1;
      lookup[key] = group;
      firstRows[group] = rows[i] ?? 0;
    }
    groupOf[i] = group;
  }
  return groups;
}

/** keys[i] = keys[i] · radix + code + 1 of rows[i]: one dimension of the keys of some rows. */
function addRadixDigit(keys: Int32Array, rows: Int32Array, codes: Int32Array, radix: number): void {
  for (let i = 0; i < rows.length; i += 1) keys[i] = (keys[i] ?? 0) * radix + (codes[rows[i] ?? 0] ?? -1) + 1;
}

function addRadixDigitWide(keys: Float64Array, rows: Int32Array, codes: Int32Array, radix: number): void {
  for (let i = 0; i < rows.length; i += 1) keys[i] = (keys[i] ?? 0) * radix + (codes[rows[i] ?? 0] ?? -1) + 1;
}

function lookupGroups(table: FactTable, groupBy: readonly Dimension[], columns: readonly CategoricalColumn[], rows: Int32Array, keySpace: number): RowGroups {
  const lookup = new Int32Array(keySpace).fill(-1);
  const groupOf = groupIds(rows.length, keySpace);
  const firstRows = new Int32Array(Math.min(keySpace, rows.length));
  let groupCount: number;
  if (columns.length === 0) {
    // No cut: every row in one group.
    groupCount = Math.min(rows.length, 1);
    firstRows[0] = rows[0] ?? 0;
  } else if (keySpace <= KEY_COLUMN_LIMIT) {
    groupCount = groupsOfKeyColumn(keyColumn(table, groupBy, columns, keySpace), rows, lookup, groupOf, firstRows);
  } else {
    const keys = new Int32Array(rows.length);
    for (const column of columns) addRadixDigit(keys, rows, column.codes, column.dictionary.length + 1);
    groupCount = groupsOfKeys(keys, rows, lookup, groupOf, firstRows);
  }
  return { groupOf, groupCount, firstRows: firstRows.subarray(0, groupCount) };
}

/** Groups through a Map, for key spaces too large for a lookup table. */
function mapGroups(rows: Int32Array, keyOf: (i: number) => number | string): RowGroups {
  const index = new Map<number | string, number>();
  const groupOf = new Int32Array(rows.length);
  const firstRows: number[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const key = keyOf(i);
    let group = index.get(key);
    if (group === undefined) {
      group = firstRows.length;
      index.set(key, group);
      firstRows.push(rows[i] ?? 0);
    }
    groupOf[i] = group;
  }
  return { groupOf, groupCount: firstRows.length, firstRows: Int32Array.from(firstRows) };
}

function categorical(table: FactTable, dimension: Dimension): CategoricalColumn {
  const column = table.categorical[dimension];
  if (column === undefined) throw new Error(`this fact table has no dimension ${dimension}`);
  return column;
}

/**
 * Groups rows (ascending) on a cut. Rows with a missing value are grouped under the missing value
 * (shown as absent), not dropped.
 */
export function cutRows(table: FactTable, groupBy: readonly Dimension[], rows: Int32Array): RowGroups {
  const columns = groupBy.map((dimension) => categorical(table, dimension));
  const keySpace = columns.reduce((product, column) => product * (column.dictionary.length + 1), 1);
  if (keySpace <= Math.min(LOOKUP_LIMIT, Math.max(KEY_COLUMN_LIMIT, 4 * rows.length))) return lookupGroups(table, groupBy, columns, rows, keySpace);
  if (keySpace < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(rows.length);
    for (const column of columns) addRadixDigitWide(keys, rows, column.codes, column.dictionary.length + 1);
    return mapGroups(rows, (i) => keys[i] ?? 0);
  }
  return mapGroups(rows, (i) => columns.map((column) => column.codes[rows[i] ?? 0] ?? -1).join('|'));
}

function applyGroupMap(fine: GroupIds, map: Int32Array, coarse: GroupIds): void {
  for (let i = 0; i < fine.length; i += 1) coarse[i] = map[fine[i] ?? 0] ?? 0;
}

/** Groups on fewer dimensions as unions of finer groups: the coarse group of each fine group. */
export interface CoarserGroups {
  readonly groupCount: number;
  readonly firstRows: Int32Array;
  readonly fineToCoarse: Int32Array;
}

/**
 * The groups of the same rows on fewer dimensions, from their grouping on more (`fine`): each fine
 * group falls in one coarse group, read off its first row. Coarse groups are numbered in order of
 * first appearance like any cut's (a coarse group first appears with the first of its fine groups
 * to appear); `coarseGroupOf` maps the rows' group ids when they are needed.
 */
export function coarsenGroups(table: FactTable, groupBy: readonly Dimension[], fine: Pick<RowGroups, 'groupCount' | 'firstRows'>): CoarserGroups {
  const columns = groupBy.map((dimension) => categorical(table, dimension));
  const index = new Map<string, number>();
  const fineToCoarse = new Int32Array(fine.groupCount);
  const firstRows: number[] = [];
  for (let group = 0; group < fine.groupCount; group += 1) {
    const row = fine.firstRows[group] ?? 0;
    const key = columns.map((column) => column.codes[row] ?? -1).join('|');
    let coarse = index.get(key);
    if (coarse === undefined) {
      coarse = firstRows.length;
      index.set(key, coarse);
      firstRows.push(row);
    }
    fineToCoarse[group] = coarse;
  }
  return { groupCount: firstRows.length, firstRows: Int32Array.from(firstRows), fineToCoarse };
}

/** For group ids made by `coarseGroupOf`: the fine ids they were mapped from, and the coarse group of each fine group. */
const finerGroupings = new WeakMap<GroupIds, { readonly fineGroupOf: GroupIds; readonly fineToCoarse: Int32Array }>();

/** The rows' coarse group ids from their fine ones (one pass, no dimension read). */
export function coarseGroupOf(fineGroupOf: GroupIds, coarse: CoarserGroups): GroupIds {
  const groupOf = groupIds(fineGroupOf.length, coarse.groupCount);
  applyGroupMap(fineGroupOf, coarse.fineToCoarse, groupOf);
  finerGroupings.set(groupOf, { fineGroupOf, fineToCoarse: coarse.fineToCoarse });
  return groupOf;
}

/**
 * When `groupOf` was derived by `coarseGroupOf`, the finer grouping of the same rows it came from
 * (whose per-group work, such as values gathered by group, a coarse group can be assembled from).
 */
export function finerGroupingOf(groupOf: GroupIds): { readonly fineGroupOf: GroupIds; readonly fineToCoarse: Int32Array } | undefined {
  return finerGroupings.get(groupOf);
}

/**
 * Code + 1 of a categorical field for every row of the table (0 = missing), in bytes for a small
 * dictionary: the narrowest copy of the column to scan (cached per table, as the key of a one-field cut).
 */
export function codesPlusOne(table: FactTable, field: string): KeyColumn {
  const column = table.categorical[field];
  if (column === undefined) throw new Error(`no categorical field ${field}`);
  return keyColumn(table, [field], [column], column.dictionary.length + 1);
}

/** The dimension values of the group a row belongs to (missing values left out). */
export function groupKeysAt(table: FactTable, groupBy: readonly Dimension[], row: number): Partial<Record<Dimension, string>> {
  const keys: Partial<Record<Dimension, string>> = {};
  for (const dimension of groupBy) {
    const column = categorical(table, dimension);
    const code = column.codes[row] ?? -1;
    const value = code < 0 ? undefined : column.dictionary[code];
    if (value !== undefined) keys[dimension] = value;
  }
  return keys;
}
