import stdlibTCdf from '@stdlib/stats-base-dists-t-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from './incompleteBeta';
import { incompleteBetaHalfLargeA } from './incompleteBetaLargeA';
import { relativeError } from './testing/accuracy';

describe('regularizedIncompleteBeta', () => {
  it('has the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    for (const x of [1e-8, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      for (const exponent of [0.5, 1, 2.5, 40]) {
        expect(relativeError(regularizedIncompleteBeta(x, exponent, 1), x ** exponent)).toBeLessThan(1e-13);
        expect(relativeError(regularizedIncompleteBeta(x, 1, exponent), -Math.expm1(exponent * Math.log1p(-x)))).toBeLessThan(1e-13);
      }
    }
  });

  it('is ½ at x = ½ when a = b', () => {
    for (const a of [0.5, 1, 7.25, 300]) expect(regularizedIncompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 14);
  });

  it('satisfies I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        (x, a, b) => {
          expect(regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a, x)).toBeCloseTo(1, 13);
        },
      ),
    );
  });

  it('is 0 at x = 0, 1 at x = 1, NaN outside its domain', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(-0.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(1.1, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 2, -1)).toBeNaN();
    expect(regularizedIncompleteBeta(Number.NaN, 2, 3)).toBeNaN();
  });
});

describe('incompleteBetaHalfLargeA (DiDonato & Morris BGRAT)', () => {
  it('matches stdlib’s Student-t tail, I_{ν/(ν+t²)}(ν/2, ½) = 2·P(T ≤ −t), for a = ν/2 from 15 to 5e6', () => {
    for (const a of [15, 50, 500, 5e3, 5e6]) {
      for (const t of [1, 1.7, 2.5, 4, 8]) {
        const df = 2 * a;
        const square = (t * t) / df;
        const expansion = incompleteBetaHalfLargeA(1 / (1 + square), square / (1 + square), a);
        expect(relativeError(expansion, 2 * stdlibTCdf(-t, df))).toBeLessThan(1e-13);
      }
    }
  });

  it('agrees with the continued fraction where both converge (a = 15, 1 − x just inside the expansion’s region)', () => {
    // a·(1 − x) = 0.5: the expansion; 0.48: the continued fraction. I is continuous across the switch.
    const a = 15;
    const inside = regularizedIncompleteBeta(1 - 0.5 / a, a, 0.5, 0.5 / a);
    const outside = regularizedIncompleteBeta(1 - 0.48 / a, a, 0.5, 0.48 / a);
    expect(inside).toBeLessThan(outside);
    expect(relativeError(incompleteBetaHalfLargeA(1 - 0.48 / a, 0.48 / a, a), outside)).toBeLessThan(1e-13);
  });
});
