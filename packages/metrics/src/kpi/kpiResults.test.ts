import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coarseGroupOf, coarsenGroups, cutRows } from './cutRows';
import type { FactTable } from './factTable';
import { quantileRanks, quantileResult, quantilesByGroup } from './kpiResults';

/** A table of `n` rows: hours (some long tails, some ties), a unit and a segment per row. */
function hoursTable(n: number, seed: number): FactTable {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const hours = Float64Array.from({ length: n }, () => (next() < 0.2 ? Math.floor(next() * 8) : next() ** 3 * 400));
  const unit = Int32Array.from({ length: n }, () => Math.floor(next() * 3));
  const segment = Int32Array.from({ length: n }, () => Math.floor(next() * 4));
  return {
    length: n,
    categorical: {
      businessUnitId: { codes: unit, dictionary: ['bu-a', 'bu-b', 'bu-c'] },
      segmentId: { codes: segment, dictionary: ['smb', 'mid', 'ent', 'pub'] },
    },
    numeric: { hours },
  };
}

/** The quantile of each group from a full sort (the reference). */
function sortedQuantiles(values: Float64Array, rows: Int32Array, groupOf: ArrayLike<number>, groupCount: number, p: number) {
  return Array.from({ length: groupCount }, (_, group) => {
    const ofGroup = Float64Array.from(rows.filter((_, i) => groupOf[i] === group), (row) => values[row] ?? Number.NaN).sort();
    return quantileResult(ofGroup.length, p, quantileRanks(ofGroup.length, p).map((rank) => ofGroup[rank] ?? Number.NaN));
  });
}

describe('quantiles of a column by group', () => {
  it('equal a full sort for the median and the p90, found together, on a cut and on a coarser cut assembled from it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 6_000 }), fc.integer(), (n, seed) => {
        const table = hoursTable(n, seed);
        const hours = table.numeric['hours'] ?? new Float64Array(0);
        const rows = Int32Array.from({ length: n }, (_, row) => row).filter((row) => row % 7 !== 3);
        const fine = cutRows(table, ['businessUnitId', 'segmentId'], rows);
        const coarser = coarsenGroups(table, ['businessUnitId'], fine);
        const coarse = coarseGroupOf(fine.groupOf, coarser);
        for (const [groupOf, groupCount] of [
          [fine.groupOf, fine.groupCount],
          [coarse, coarser.groupCount],
        ] as const) {
          // The median finds the p90's order statistics too; the p90 then takes them as found.
          const median = quantilesByGroup(hours, rows, groupOf, groupCount, 0.5, [0.5, 0.9]);
          const p90 = quantilesByGroup(hours, rows, groupOf, groupCount, 0.9, [0.5, 0.9]);
          expect(median).toEqual(sortedQuantiles(hours, rows, groupOf, groupCount, 0.5));
          expect(p90).toEqual(sortedQuantiles(hours, rows, groupOf, groupCount, 0.9));
        }
      }),
      { numRuns: 25 },
    );
  });
});
