import stdlibTCdf from '@stdlib/stats-base-dists-t-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from './normalCdf';
import { tCdf } from './tCdf';
import { argumentGrid, centralTProbability, dfGrid, misses, relativeError } from './testing/accuracy';

describe('tCdf', () => {
  it.each(dfGrid)('agrees with stdlib to 1e-12 relative from t = −40 to 40 and out to ±1e12, df = %s', (df) => {
    // Below 1e-300 values are subnormal or nearly so and carry few digits: compared absolutely there.
    expect(misses(argumentGrid, (t) => tCdf(t, df), (t) => stdlibTCdf(t, df), { relative: 1e-12, floor: 1e-300 })).toEqual([]);
  });

  it('agrees with stdlib for df below 1 as well', () => {
    for (const df of [0.1, 0.5, 0.75]) {
      expect(misses(argumentGrid, (t) => tCdf(t, df), (t) => stdlibTCdf(t, df), { relative: 1e-12, floor: 1e-300, label: `df ${df}, t` })).toEqual([]);
    }
  });

  it('has the closed forms of df = 1 (Cauchy) and df = 2, lower tail included', () => {
    // df = 1: F(−|t|) = atan(1/|t|)/π; df = 2: F(−|t|) = 1/(s(s + |t|)), s = √(2 + t²). Far out
    // the prefactor exp(a·ln x) carries the rounding of its argument (≈ 230 at t = 1e100): 1e-13.
    const magnitudes = [1e-8, 1e-4, 0.3, 1, 4, 250, 1e6, 1e100];
    expect(misses(magnitudes, (t) => tCdf(-t, 1), (t) => Math.atan(1 / t) / Math.PI, { relative: 1e-13 })).toEqual([]);
    const lowerTwo = (t: number): number => {
      const s = Math.sqrt(2 + t * t);
      return 1 / (s * (s + t));
    };
    expect(misses(magnitudes, (t) => tCdf(-t, 2), lowerTwo, { relative: 1e-13 })).toEqual([]);
  });

  it('matches the closed forms of integer df near the centre, where stdlib is off by up to 3e-9 for df = 1', () => {
    // stdlib's t-cdf gives 0.4999999952568131 at t = −1e-8, df = 1; the value is ½ − atan(1e-8)/π = 0.49999999681690114.
    for (const df of [1, 2, 3, 5, 10, 30, 100]) {
      for (const t of [1e-10, 1e-8, 1e-6, 0.01]) expect(tCdf(-t, df)).toBeCloseTo(0.5 - centralTProbability(t, df) / 2, 15);
    }
  });

  it('reproduces published values: P(T ≤ 2.228138851986274) = 0.975 at df = 10, P(T ≤ −12.7062047361747) = 0.025 at df = 1', () => {
    expect(tCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 15);
    expect(relativeError(tCdf(-12.7062047361747, 1), 0.025)).toBeLessThan(1e-14);
  });

  it('is the standard normal for df = ∞ (stdlib answers ½ there)', () => {
    for (const t of [-8, -1.96, 0, 0.5, 3]) expect(tCdf(t, Infinity)).toBe(normalCdf(t, 0, 1));
  });

  it('answers edge cases as stdlib does: NaN for NaN or df ≤ 0, ½ at 0, 0 and 1 at the infinities', () => {
    const edges = [
      [Number.NaN, 3],
      [1, Number.NaN],
      [1, 0],
      [1, -2],
      [0, 3],
      [-0, 3],
      [Infinity, 3],
      [-Infinity, 3],
      [-Infinity, 1e7],
    ] as const;
    for (const [t, df] of edges) expect(tCdf(t, df)).toStrictEqual(stdlibTCdf(t, df));
  });

  it('is symmetric, F(t) + F(−t) = 1, and increasing in t', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 1e6, noNaN: true }), (t, df) => {
        expect(tCdf(t, df) + tCdf(-t, df)).toBeCloseTo(1, 15);
        expect(tCdf(t + 0.01, df)).toBeGreaterThanOrEqual(tCdf(t, df));
      }),
    );
  });
});
