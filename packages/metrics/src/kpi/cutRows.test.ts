import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coarseGroupOf, coarsenGroups, cutRows } from './cutRows';
import type { Dimension } from './dimensions';
import type { FactTable } from './factTable';

/** A table whose dimensions have the given dictionary sizes (codes −1 = missing, now and then). */
function table(length: number, sizes: Readonly<Partial<Record<Dimension, number>>>, seed: number): FactTable {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const categorical = Object.fromEntries(
    Object.entries(sizes).map(([dimension, size = 1]) => [
      dimension,
      {
        codes: Int32Array.from({ length }, () => (next() < 0.05 ? -1 : Math.floor(next() * size))),
        dictionary: Array.from({ length: size }, (_, code) => `${dimension}-${code}`),
      },
    ]),
  );
  return { length, categorical, numeric: {} };
}

/** The grouping by definition: groups numbered in order of first appearance of their codes. */
function reference(facts: FactTable, groupBy: readonly Dimension[], rows: Int32Array): { groupOf: number[]; firstRows: number[] } {
  const index = new Map<string, number>();
  const firstRows: number[] = [];
  const groupOf = Array.from(rows, (row) => {
    const key = groupBy.map((dimension) => facts.categorical[dimension]?.codes[row] ?? -1).join('|');
    let group = index.get(key);
    if (group === undefined) {
      group = firstRows.length;
      index.set(key, group);
      firstRows.push(row);
    }
    return group;
  });
  return { groupOf, firstRows };
}

// Dictionary sizes that send a cut through each way of finding groups: a cached key column (small
// key space), keys with a lookup table (larger), a Map of numeric keys (too large for a table), and
// a Map of string keys (beyond exact doubles).
const layouts: ReadonlyArray<{ readonly name: string; readonly sizes: Partial<Record<Dimension, number>>; readonly groupBy: Dimension[] }> = [
  { name: 'key column', sizes: { businessUnitId: 6, segmentId: 5, period: 12 }, groupBy: ['businessUnitId', 'segmentId', 'period'] },
  { name: 'lookup table', sizes: { accountId: 2000, channel: 40 }, groupBy: ['accountId', 'channel'] },
  { name: 'Map, numeric keys', sizes: { accountId: 3000, teamId: 3000, channel: 40 }, groupBy: ['accountId', 'teamId', 'channel'] },
  {
    name: 'Map, string keys',
    sizes: { accountId: 10_000, teamId: 10_000, productLineId: 10_000, journeyStage: 10_000 },
    groupBy: ['accountId', 'teamId', 'productLineId', 'journeyStage'],
  },
];

describe('rows grouped on a cut', () => {
  for (const { name, sizes, groupBy } of layouts) {
    it(`number groups in order of first appearance (${name})`, () => {
      fc.assert(
        fc.property(fc.integer(), fc.double({ min: 0.6, max: 1, noNaN: true }), (seed, share) => {
          const facts = table(40_000, sizes, seed);
          const rows = Int32Array.from({ length: facts.length }, (_, row) => row).filter((row) => (row * 2654435761) % 1000 < share * 1000);
          const groups = cutRows(facts, groupBy, rows);
          const expected = reference(facts, groupBy, rows);
          expect(Array.from(groups.groupOf)).toEqual(expected.groupOf);
          expect(Array.from(groups.firstRows)).toEqual(expected.firstRows);
          // Fewer dimensions, derived from these groups, as if cut directly.
          const fewer = groupBy.slice(1);
          const coarse = coarsenGroups(facts, fewer, groups);
          const direct = cutRows(facts, fewer, rows);
          expect(Array.from(coarseGroupOf(groups.groupOf, coarse))).toEqual(Array.from(direct.groupOf));
          expect(Array.from(coarse.firstRows)).toEqual(Array.from(direct.firstRows));
        }),
        { numRuns: 6 },
      );
    });
  }

  it('puts every row in one group without a cut', () => {
    const facts = table(10, { businessUnitId: 3 }, 1);
    expect(cutRows(facts, [], Int32Array.of(2, 5, 7))).toMatchObject({ groupCount: 1, firstRows: Int32Array.of(2) });
    expect(cutRows(facts, [], new Int32Array(0)).groupCount).toBe(0);
  });
});
