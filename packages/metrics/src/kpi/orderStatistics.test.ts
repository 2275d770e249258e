import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics } from './orderStatistics';
import { quantileRanks, quantileResult } from './kpiResults';

/** Values as a full sort orders them (the reference the selection must match exactly). */
const sorted = (values: readonly number[]) => Float64Array.from(values).sort();

/** A pseudo-random sequence in [0, 1) (arrays of thousands of values, cheaply, from a seed). */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const kinds = {
  // Few distinct values (durations rounded to minutes, scores): many ties.
  ties: (n: number, next: () => number) => Array.from({ length: n }, () => Math.floor(next() * 40)),
  // Continuous values, negative ones included.
  continuous: (n: number, next: () => number) => Array.from({ length: n }, () => (next() - 0.3) * 1e6),
  // Mostly one value with a long tail.
  skewed: (n: number, next: () => number) => Array.from({ length: n }, () => (next() < 0.9 ? 5 : next() * 1e4)),
  // Already ordered, either way (median-of-three pivots, sample bounds at the ends).
  ascending: (n: number) => Array.from({ length: n }, (_, i) => i),
  descending: (n: number) => Array.from({ length: n }, (_, i) => n - i),
} as const;

// Lengths on both sides of the size from which a sample narrows the values first (4096).
const valuesArbitrary = fc
  .tuple(fc.constantFrom(...(Object.keys(kinds) as Array<keyof typeof kinds>)), fc.integer({ min: 1, max: 30_000 }), fc.integer())
  .map(([kind, n, seed]) => kinds[kind](n, random(seed)));

describe('order statistics without sorting', () => {
  it('equal the sorted values at any ranks, for small arrays and large ones narrowed by a sample', () => {
    fc.assert(
      fc.property(valuesArbitrary, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), (values, at) => {
        const ranks = at.map((share) => Math.floor(share * (values.length - 1)));
        expect(orderStatistics(Float64Array.from(values), ranks)).toEqual(ranks.map((rank) => sorted(values)[rank]));
      }),
      { numRuns: 150 },
    );
  });

  it('give the type-7 quantile and its distribution-free interval at the ranks a quantile needs', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    for (const p of [0.5, 0.9]) {
      const reference = sorted(values);
      const n = values.length;
      const position = (n - 1) * p;
      const low = reference[Math.floor(position)] ?? Number.NaN;
      const high = reference[Math.ceil(position)] ?? Number.NaN;
      const result = quantileResult(n, p, orderStatistics(Float64Array.from(values), quantileRanks(n, p)));
      expect(result.value).toBe(low + (high - low) * (position - Math.floor(position)));
      const spread = 1.959963984540054 * Math.sqrt(n * p * (1 - p));
      expect(result.interval?.low).toBe(reference[Math.floor(n * p - spread) - 1]);
      expect(result.interval?.high).toBe(reference[Math.ceil(n * p + spread) - 1]);
    }
  });
});
