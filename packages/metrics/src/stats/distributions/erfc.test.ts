import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc, scaledErfc } from './erfc';
import { relativeError } from './testing/accuracy';

// Reference values of erfc and e^(x²)·erfc(x), computed in 30-digit arithmetic (mpmath 1.3) and
// written as their nearest doubles.
const erfcValues: readonly (readonly [number, number])[] = [
  [0, 1],
  [0.25, 0.7236736098317631],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [-1, 1.842700792949715],
  [2, 0.004677734981047266],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
];
const scaledValues: readonly (readonly [number, number])[] = [
  [0.3, 0.7345993345676551],
  [3, 0.17900115118138996],
  [30, 0.01879588886141675],
  [1e5, 5.6418958351954685e-6],
];

describe('erfc (Cody)', () => {
  it.each(erfcValues)('erfc(%s) = %s to 1e-15, deep in the tail as in the middle', (x, expected) => {
    expect(relativeError(erfc(x), expected)).toBeLessThan(1e-15);
  });

  it.each(scaledValues)('e^(x²)·erfc(x) at %s = %s to 1e-15, where erfc itself would underflow', (x, expected) => {
    expect(relativeError(scaledErfc(x), expected)).toBeLessThan(1e-15);
  });

  it('is 0 past the underflow, 2 at −∞, and NaN for NaN', () => {
    expect(erfc(27)).toBe(0);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it('satisfies erfc(x) + erfc(−x) = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 15);
      }),
    );
  });
});
