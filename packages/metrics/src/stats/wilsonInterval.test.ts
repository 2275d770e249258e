import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilsonInterval';

describe('wilsonInterval', () => {
  it('reproduces the reference: 8 satisfied of 10 → [49 %, 94 %]', () => {
    const interval = wilsonInterval(8, 10);
    expect(interval.estimate).toBe(0.8);
    expect(interval.low).toBeCloseTo(0.49, 2);
    expect(interval.high).toBeCloseTo(0.943, 3);
    expect(interval.level).toBe(0.95);
  });

  it.each([
    [4, 5, 0.376, 0.964],
    [5, 5, 0.566, 1],
    [80, 100, 0.711, 0.867],
  ])('matches the measured table: %i of %i → [%f, %f]', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval.low).toBeCloseTo(low, 3);
    expect(interval.high).toBeCloseTo(high, 3);
  });

  it('does not collapse at 0 % or 100 %, unlike the Wald interval', () => {
    expect(wilsonInterval(0, 3).low).toBe(0);
    expect(wilsonInterval(0, 3).high).toBeGreaterThan(0.5);
    expect(wilsonInterval(3, 3).high).toBe(1);
    expect(wilsonInterval(3, 3).low).toBeLessThan(0.5);
  });

  it('rejects impossible counts: the caller reports empty groups as no_data', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 5, 1)).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 1, max: 2_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('property: contains the estimate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([successes, n], level) => {
        const interval = wilsonInterval(successes, n, level);
        return interval.low >= 0 && interval.high <= 1 && interval.low <= interval.estimate && interval.estimate <= interval.high;
      }),
    );
  });

  it('property: narrows as n grows at the same share, and widens with the confidence level', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 10 }), ([successes, n], factor) => {
        const small = wilsonInterval(successes, n);
        const large = wilsonInterval(successes * factor, n * factor);
        const wider = wilsonInterval(successes, n, 0.99);
        return large.high - large.low < small.high - small.low && wider.high - wider.low > small.high - small.low;
      }),
    );
  });
});
