import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normalQuantile';
import { tCdf } from './tCdf';
import { tQuantile } from './tQuantile';
import { centralTProbability, dfGrid, misses, probabilityGrid, relativeError } from './testing/accuracy';

describe('tQuantile', () => {
  it('reproduces published values: t(0.975, 10) = 2.228138851986274, t(0.975, 1) = 12.7062047361747, t(0.975, 2) = 4.302652729749462, t(0.95, 5) = 2.015048373333024, t(0.995, 30) = 2.749995653567225', () => {
    expect(relativeError(tQuantile(0.975, 10), 2.228138851986274)).toBeLessThan(1e-15);
    expect(relativeError(tQuantile(0.975, 1), 12.7062047361747)).toBeLessThan(1e-14);
    expect(relativeError(tQuantile(0.975, 2), 4.302652729749462)).toBeLessThan(1e-15);
    expect(relativeError(tQuantile(0.95, 5), 2.015048373333024)).toBeLessThan(1e-15);
    expect(relativeError(tQuantile(0.995, 30), 2.749995653567225)).toBeLessThan(1e-15);
  });

  it.each(dfGrid)('agrees with stdlib to 1e-12 relative for p from 1e-12 to 1 − 1e-12, df = %s', (df) => {
    expect(misses(probabilityGrid, (p) => tQuantile(p, df), (p) => stdlibTQuantile(p, df), { relative: 1e-12 })).toEqual([]);
  });

  it('agrees with stdlib for df below 1 as well', () => {
    for (const df of [0.5, 0.75]) {
      expect(misses(probabilityGrid, (p) => tQuantile(p, df), (p) => stdlibTQuantile(p, df), { relative: 1e-12, label: `df ${df}, p` })).toEqual([]);
    }
  });

  it('keeps its relative accuracy next to p = ½, where stdlib returns 0 (closed forms of integer df)', () => {
    // stdlib answers 0, or loses most digits, for |p − ½| ≤ 1e-9 (df ≤ 3) … 1e-5 (df = 1e7).
    // p − ½ is exact here, and P(|T| ≤ t) = 2p − 1 is checked with Abramowitz & Stegun's finite sums.
    const near = [1e-12, 1e-10, 1e-8, 1e-6, 1e-4].flatMap((h) => [0.5 - h, 0.5 + h]);
    for (const df of [1, 2, 3, 5, 10, 30, 100]) {
      expect(misses(near, (p) => Math.sign(tQuantile(p, df)) * centralTProbability(tQuantile(p, df), df), (p) => 2 * p - 1, { relative: 1e-13, label: `df ${df}, p` })).toEqual([]);
    }
  });

  it('keeps its relative accuracy next to p = ½ for non-integer and large df (reference values from 50-digit arithmetic, mpmath)', () => {
    const references = [
      [1.5, 0.5 - 1e-6, -2.934832215329161e-6],
      [1.5, 0.5 + 1e-10, 2.9348324582297686e-10],
      [29.5, 0.5 - 1e-6, -2.5279570556618473e-6],
      [29.5, 0.5 + 1e-10, 2.527957264890805e-10],
      [1e4, 0.5 - 1e-6, -2.506690941056647e-6],
      [1e4, 0.5 + 1e-10, 2.506691148525628e-10],
      [1e7, 0.5 - 1e-6, -2.506628337232267e-6],
      [1e7, 0.5 + 1e-10, 2.5066285446960666e-10],
    ] as const;
    for (const [df, p, expected] of references) expect(relativeError(tQuantile(p, df), expected)).toBeLessThan(1e-13);
  });

  it('has the closed forms of df = 1 and df = 2 far into the tails', () => {
    const tails = [1e-300, 1e-100, 1e-20, 1e-5, 0.2];
    expect(misses(tails, (p) => tQuantile(p, 1), (p) => -1 / Math.tan(Math.PI * p), { relative: 1e-15 })).toEqual([]);
    expect(misses(tails, (p) => tQuantile(p, 2), (p) => -(1 - 2 * p) / Math.sqrt(2 * p * (1 - p)), { relative: 1e-15 })).toEqual([]);
  });

  it('finds quantiles far beyond the grid: p = 1e-300 at df = 3, 1.5 and 1e7', () => {
    for (const df of [3, 1.5, 1e7]) expect(relativeError(tCdf(tQuantile(1e-300, df), df), 1e-300)).toBeLessThan(1e-12);
  });

  it('is the standard normal quantile for df = ∞ (stdlib answers NaN there)', () => {
    for (const p of [1e-9, 0.025, 0.5, 0.975]) expect(tQuantile(p, Infinity)).toBe(normalQuantile(p, 0, 1));
  });

  it('answers edge cases as stdlib does: ±∞ at 0 and 1, 0 at ½, NaN outside [0, 1], for NaN or df ≤ 0', () => {
    const edges = [
      [0, 3],
      [1, 3],
      [0.5, 3],
      [0.5, 1e7],
      [-0.1, 3],
      [1.1, 3],
      [Number.NaN, 3],
      [0.3, Number.NaN],
      [0.3, 0],
      [0.3, -1],
    ] as const;
    for (const [p, df] of edges) expect(tQuantile(p, df)).toStrictEqual(stdlibTQuantile(p, df));
  });

  it('inverts tCdf: tQuantile(tCdf(t)) = t in the lower half, for any df', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 0, noNaN: true }), fc.double({ min: 0.5, max: 1e7, noNaN: true }), (t, df) => {
        // Below 1e-300 the probability is (nearly) subnormal and no longer pins t down.
        fc.pre(tCdf(t, df) > 1e-300);
        expect(Math.abs(tQuantile(tCdf(t, df), df) - t)).toBeLessThanOrEqual(1e-11 * Math.abs(t) + 1e-14);
      }),
    );
  });
});
