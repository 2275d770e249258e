import type { Dimension } from './dimensions';
import type { FactTables } from './buildFactTables';
import type { FactTable } from './factTable';
import type { CountedEvaluation, EvaluationContext, TimeWindow } from './kpiDefinition';
import { coarseGroupOf, coarsenGroups, cutRows, type GroupIds, type RowGroups } from './cutRows';

// What the KPIs of a batch share on one table: the rows the request keeps (a selection), the
// populations KPIs take among them (the same rows are one array), each population grouped once per
// cut (a cut on fewer dimensions derived from one on more), and counted KPIs' counts per grouping
// (added up from a finer grouping's when the batch has them).

export type GroupKeys = Readonly<Partial<Record<Dimension, string>>>;

/** A population grouped on a cut, with the keys of its groups once built and the counts of counted KPIs. */
export interface Grouped {
  readonly groupCount: number;
  readonly firstRows: Int32Array;
  /** The group of each row (built when first needed for a grouping derived from a finer one). */
  readonly groupOf: () => GroupIds;
  readonly keys: Array<GroupKeys | undefined>;
  /** When derived from a grouping of the same rows on more dimensions: that grouping, and the group here of each of its groups. */
  readonly finer: { readonly groups: Grouped; readonly fineToCoarse: Int32Array } | undefined;
  readonly counts: WeakMap<CountedEvaluation, readonly Float64Array[]>;
}

function computed(groups: RowGroups): Grouped {
  return { groupCount: groups.groupCount, firstRows: groups.firstRows, groupOf: () => groups.groupOf, keys: [], finer: undefined, counts: new WeakMap() };
}

/** A grouping derived from a finer one; the rows' group ids are mapped from the finer ones only when a KPI reads them. */
function derived(table: FactTable, groupBy: readonly Dimension[], finer: Grouped): Grouped {
  const coarser = coarsenGroups(table, groupBy, finer);
  let groupOf: GroupIds | undefined;
  return {
    groupCount: coarser.groupCount,
    firstRows: coarser.firstRows,
    groupOf: () => (groupOf ??= coarseGroupOf(finer.groupOf(), coarser)),
    keys: [],
    finer: { groups: finer, fineToCoarse: coarser.fineToCoarse },
    counts: new WeakMap(),
  };
}

/** The rows of one table a batch keeps (window and filters), with what the KPIs on them share. */
export interface Selection {
  readonly table: FactTable;
  readonly rows: Int32Array;
  readonly context: EvaluationContext;
  /** Per cut, the populations grouped on it, by their rows array (KPIs returning the same array share it). */
  readonly cuts: Map<string, { readonly groupBy: readonly Dimension[]; readonly byRows: WeakMap<Int32Array, Grouped> }>;
  /** Each population's first array with the same rows, and the arrays seen so far by length. */
  readonly canonical: WeakMap<Int32Array, Int32Array>;
  readonly byLength: Map<number, Int32Array[]>;
}

/** 1 when both hold the same rows (of the same length), 0 otherwise. */
function sameRows(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return 0;
  return 1;
}

/**
 * The first array seen with the same rows as this population: KPIs whose populations are written
 * differently but hold the same rows (cases with a resolution time, and with an SLA verdict) then
 * share their grouping.
 */
export function canonicalRows(selection: Selection, rows: Int32Array): Int32Array {
  const known = selection.canonical.get(rows);
  if (known !== undefined) return known;
  const sameLength = selection.byLength.get(rows.length) ?? [];
  const same = sameLength.find((other) => sameRows(other, rows) === 1) ?? rows;
  if (same === rows) selection.byLength.set(rows.length, [...sameLength, rows]);
  selection.canonical.set(rows, same);
  return same;
}

/** The rows grouped on a cut: derived from a grouping of the same rows on more dimensions when there is one, computed otherwise. */
export function grouped(selection: Selection, groupBy: readonly Dimension[], rows: Int32Array): Grouped {
  const cutKey = groupBy.join('\u0000');
  let cut = selection.cuts.get(cutKey);
  if (cut === undefined) {
    cut = { groupBy, byRows: new WeakMap() };
    selection.cuts.set(cutKey, cut);
  }
  let groups = cut.byRows.get(rows);
  if (groups === undefined) {
    let finer: Grouped | undefined;
    for (const other of selection.cuts.values()) {
      if (other.groupBy.length > groupBy.length && groupBy.every((dimension) => other.groupBy.includes(dimension))) finer ??= other.byRows.get(rows);
    }
    groups = finer === undefined ? computed(cutRows(selection.table, groupBy, rows)) : derived(selection.table, groupBy, finer);
    cut.byRows.set(rows, groups);
  }
  return groups;
}

function addUp(fine: Float64Array, fineToCoarse: Int32Array, coarse: Float64Array): void {
  for (let group = 0; group < fine.length; group += 1) {
    const to = fineToCoarse[group] ?? 0;
    coarse[to] = (coarse[to] ?? 0) + (fine[group] ?? 0);
  }
}

/**
 * A counted KPI's counts on a grouping: added up from the counts on the finer grouping it was
 * derived from when the batch has them (whole numbers: exact in any order), counted otherwise.
 */
export function countsOn(counted: CountedEvaluation, groups: Grouped, count: () => readonly Float64Array[]): readonly Float64Array[] {
  let counts = groups.counts.get(counted);
  if (counts === undefined) {
    const fine = groups.finer === undefined ? undefined : groups.finer.groups.counts.get(counted);
    const fineToCoarse = groups.finer?.fineToCoarse;
    counts =
      fine === undefined || fineToCoarse === undefined
        ? count()
        : fine.map((perGroup) => {
            const coarse = new Float64Array(groups.groupCount);
            addUp(perGroup, fineToCoarse, coarse);
            return coarse;
          });
    groups.counts.set(counted, counts);
  }
  return counts;
}

export function newSelection(table: FactTable, rows: Int32Array, tables: FactTables, window: TimeWindow | undefined): Selection {
  const work = new Map<string, unknown>();
  const shared = <T>(key: string, compute: () => T): T => {
    if (!work.has(key)) work.set(key, compute());
    return work.get(key) as T;
  };
  return { table, rows, context: { tables, window, shared }, cuts: new Map(), canonical: new WeakMap(), byLength: new Map() };
}
