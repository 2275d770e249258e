import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta } from './logBeta';
import { logGamma } from './logGamma';
import { relativeError } from './testing/accuracy';

const logFactorial = (n: number): number => Array.from({ length: n }, (_, k) => Math.log(k + 1)).reduce((sum, term) => sum + term, 0);

describe('logGamma (Lanczos)', () => {
  it('gives ln((n − 1)!) at the integers and ln √π at ½', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    for (const n of [3, 5, 11, 30, 101, 171]) expect(relativeError(logGamma(n), logFactorial(n - 1))).toBeLessThan(1e-14);
    expect(relativeError(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-15);
  });

  it('follows Γ(x + 1) = x·Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
        const expected = logGamma(x) + Math.log(x);
        expect(Math.abs(logGamma(x + 1) - expected)).toBeLessThan(1e-14 * Math.max(1, Math.abs(expected)));
      }),
    );
  });

  it('is NaN outside x > 0 and +∞ at +∞', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
  });
});

describe('logBeta', () => {
  it('gives B(a, 1) = 1/a, B(½, ½) = π and B(2, 3) = 1/12', () => {
    expect(logBeta(7.5, 1)).toBeCloseTo(-Math.log(7.5), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logBeta(2, 3)).toBeCloseTo(-Math.log(12), 14);
  });

  it('keeps its absolute accuracy for large arguments (reference values from 30-digit arithmetic, mpmath)', () => {
    // ln B(5e6, ½) is the constant of a Student t with 1e7 degrees of freedom.
    expect(logBeta(5e6, 0.5)).toBeCloseTo(-7.140109267274487, 13);
    expect(relativeError(logBeta(1e6, 1e6), -1386300.0033629211)).toBeLessThan(1e-15);
  });

  it('follows B(a + 1, b) = B(a, b)·a/(a + b), across the switch to Stirling’s series', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1e6, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true }), (a, b) => {
        const scale = Math.max(1, Math.abs(logBeta(a, b)));
        expect(Math.abs(logBeta(a + 1, b) - (logBeta(a, b) + Math.log(a / (a + b))))).toBeLessThan(1e-12 * scale);
      }),
    );
  });

  it('is symmetric, and NaN unless both arguments are positive', () => {
    expect(logBeta(3.5, 120)).toBe(logBeta(120, 3.5));
    expect(logBeta(0, 1)).toBeNaN();
    expect(logBeta(1, Number.NaN)).toBeNaN();
    expect(logBeta(2, Infinity)).toBe(-Infinity);
  });
});
