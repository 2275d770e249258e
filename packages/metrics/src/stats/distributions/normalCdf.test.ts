import stdlibNormalCdf from '@stdlib/stats-base-dists-normal-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from './normalCdf';
import { argumentGrid, misses, relativeError } from './testing/accuracy';

describe('normalCdf', () => {
  it('agrees with stdlib to 1e-12 relative from x = −40 to 40, lower tail included', () => {
    // Below 1e-300 stdlib's value is subnormal and carries few digits: compared absolutely there.
    expect(misses(argumentGrid, (x) => normalCdf(x, 0, 1), (x) => stdlibNormalCdf(x, 0, 1), { relative: 1e-12, floor: 1e-300 })).toEqual([]);
  });

  it('agrees with stdlib for any mean and standard deviation', () => {
    const cases = [
      [3, 1, 2],
      [-12, 40, 9.5],
      [100.25, 100, 0.001],
      [0, -5, 3],
    ] as const;
    for (const [x, mean, sd] of cases) expect(relativeError(normalCdf(x, mean, sd), stdlibNormalCdf(x, mean, sd))).toBeLessThan(1e-13);
  });

  it('reproduces published values: Φ(1.96) = 0.9750021048517795, Φ(−1) = 0.15865525393145705, Φ(−10) = 7.619853024160527e-24', () => {
    expect(relativeError(normalCdf(1.96, 0, 1), 0.9750021048517795)).toBeLessThan(1e-15);
    expect(relativeError(normalCdf(-1, 0, 1), 0.15865525393145705)).toBeLessThan(1e-15);
    expect(relativeError(normalCdf(-10, 0, 1), 7.619853024160527e-24)).toBeLessThan(1e-14);
    expect(relativeError(normalCdf(-37.5, 0, 1), 4.605353009581955e-308)).toBeLessThan(1e-12);
  });

  it('answers edge cases as stdlib does: NaN for NaN or a negative sd, a step at the mean for sd = 0, 0 and 1 at the infinities', () => {
    const edges = [
      [Number.NaN, 0, 1],
      [0, Number.NaN, 1],
      [0, 0, Number.NaN],
      [1, 0, -1],
      [-1, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [Infinity, 0, 1],
      [-Infinity, 0, 1],
      [1, 0, Infinity],
    ] as const;
    for (const [x, mean, sd] of edges) expect(normalCdf(x, mean, sd)).toStrictEqual(stdlibNormalCdf(x, mean, sd));
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expect(normalCdf(x, 0, 1) + normalCdf(-x, 0, 1)).toBeCloseTo(1, 15);
      }),
    );
  });
});
