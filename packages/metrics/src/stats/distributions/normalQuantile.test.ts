import stdlibNormalCdf from '@stdlib/stats-base-dists-normal-cdf';
import stdlibNormalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from './normalCdf';
import { normalQuantile } from './normalQuantile';
import { misses, probabilityGrid, relativeError } from './testing/accuracy';

describe('normalQuantile (AS 241)', () => {
  it('reproduces published values: Φ⁻¹(0.75) = 0.6744897501960817, Φ⁻¹(0.9) = 1.2815515655446006, Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.995) = 2.5758293035489004, Φ⁻¹(1e-10) = −6.361340902404056', () => {
    expect(relativeError(normalQuantile(0.75, 0, 1), 0.6744897501960817)).toBeLessThan(1e-15);
    expect(relativeError(normalQuantile(0.9, 0, 1), 1.2815515655446006)).toBeLessThan(1e-15);
    expect(relativeError(normalQuantile(0.975, 0, 1), 1.959963984540054)).toBeLessThan(1e-15);
    expect(relativeError(normalQuantile(0.995, 0, 1), 2.5758293035489004)).toBeLessThan(1e-15);
    expect(relativeError(normalQuantile(1e-10, 0, 1), -6.361340902404056)).toBeLessThan(1e-15);
  });

  it('agrees with stdlib to 1e-12 relative from ½ to 1 − 1e-12', () => {
    const upper = probabilityGrid.filter((p) => p >= 0.5);
    expect(misses(upper, (p) => normalQuantile(p, 0, 1), (p) => stdlibNormalQuantile(p, 0, 1), { relative: 1e-12, floor: 1e-300 })).toEqual([]);
  });

  it('agrees with stdlib in the lower tail, through the symmetry at p = 2⁻ᵏ where 1 − p is exact', () => {
    // stdlib inverts erf at 2p − 1, which rounds for small p (relative error 4e-7 at p = 1e-12):
    // at p = 2⁻ᵏ, −Φ⁻¹(1 − p) is an exact reference.
    const dyadic = Array.from({ length: 45 }, (_, k) => 2 ** -(k + 1));
    expect(misses(dyadic, (p) => normalQuantile(p, 0, 1), (p) => -stdlibNormalQuantile(1 - p, 0, 1), { relative: 1e-12 })).toEqual([]);
  });

  it('inverts stdlib’s normal cdf over the whole grid and far into the tail (1e-300)', () => {
    const deep = [...probabilityGrid, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300];
    expect(misses(deep, (p) => stdlibNormalCdf(normalQuantile(p, 0, 1), 0, 1), (p) => p, { relative: 1e-12 })).toEqual([]);
  });

  it('scales by the mean and standard deviation', () => {
    expect(normalQuantile(0.975, 10, 2)).toBeCloseTo(10 + 2 * 1.959963984540054, 13);
    expect(relativeError(normalQuantile(0.2, -3, 0.5), stdlibNormalQuantile(0.2, -3, 0.5))).toBeLessThan(1e-14);
  });

  it('answers edge cases as stdlib does: ±∞ at 0 and 1, 0 at ½, NaN outside [0, 1], the mean for sd = 0', () => {
    const edges = [
      [0, 0, 1],
      [1, 0, 1],
      [0.5, 0, 1],
      [-0.1, 0, 1],
      [1.1, 0, 1],
      [Number.NaN, 0, 1],
      [0.3, Number.NaN, 1],
      [0.3, 0, Number.NaN],
      [0.3, 0, -1],
      [0.3, 2, 0],
    ] as const;
    for (const [p, mean, sd] of edges) expect(normalQuantile(p, mean, sd)).toStrictEqual(stdlibNormalQuantile(p, mean, sd));
  });

  it('inverts normalCdf: Φ⁻¹(Φ(x)) = x in the lower half', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 0, noNaN: true }), (x) => {
        expect(Math.abs(normalQuantile(normalCdf(x, 0, 1), 0, 1) - x)).toBeLessThanOrEqual(1e-13 * Math.abs(x) + 1e-15);
      }),
    );
  });
});
