import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tCdf } from './tCdf';
import { tDensity, tLogDensity } from './tDensity';
import { relativeError } from './testing/accuracy';

describe('tDensity', () => {
  it('has the closed forms at 0: 1/π (df = 1), 1/(2√2) (df = 2), 2/(π√3) (df = 3), 1/√(2π) (df = ∞)', () => {
    expect(relativeError(tDensity(0, 1), 1 / Math.PI)).toBeLessThan(4e-15);
    expect(relativeError(tDensity(0, 2), 1 / (2 * Math.SQRT2))).toBeLessThan(4e-15);
    expect(relativeError(tDensity(0, 3), 2 / (Math.PI * Math.sqrt(3)))).toBeLessThan(4e-15);
    expect(relativeError(tDensity(0, Infinity), 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(4e-15);
    expect(relativeError(tDensity(0, 1e7), 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(1e-7);
  });

  it('is the slope of tCdf', () => {
    fc.assert(
      // Central differences of the lower tail, where tCdf keeps its relative accuracy.
      fc.property(fc.double({ min: -6, max: 0, noNaN: true }), fc.double({ min: 0.5, max: 1e5, noNaN: true }), (t, df) => {
        const h = 1e-5;
        const slope = (tCdf(t + h, df) - tCdf(t - h, df)) / (2 * h);
        expect(relativeError(tDensity(t, df), slope)).toBeLessThan(1e-7);
      }),
    );
  });

  it('stays finite in logarithms where the density underflows, and is NaN for NaN or df ≤ 0', () => {
    expect(tDensity(1e200, 3)).toBe(0);
    // df = 3: f(t) = f(0)·(1 + t²/3)⁻² → f(0)·9/t⁴ for large t.
    expect(tLogDensity(1e200, 3)).toBeCloseTo(Math.log(2 / (Math.PI * Math.sqrt(3))) + 2 * Math.log(3) - 4 * Math.log(1e200), 9);
    expect(tDensity(1, 0)).toBeNaN();
    expect(tDensity(Number.NaN, 3)).toBeNaN();
  });
});
