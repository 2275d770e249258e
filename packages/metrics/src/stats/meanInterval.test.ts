import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval, summarise } from './meanInterval';

describe('meanInterval', () => {
  it('gives the Student-t interval: CES answers 3…7 → mean 5, 5 ± 2.776·0.707', () => {
    const result = meanInterval([3, 4, 5, 6, 7]);
    expect(result.mean).toBe(5);
    expect(result.standardDeviation).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(result.standardError).toBeCloseTo(0.70711, 5);
    expect(result.interval?.low).toBeCloseTo(3.0368, 4);
    expect(result.interval?.high).toBeCloseTo(6.9632, 4);
    expect(result.warnings).toEqual([{ code: 'small_sample', detail: { n: 5, minimum: 10, consequence: 'not_ranked' } }]);
  });

  it('gives the same answer from a { n, sum, sumSq } summary as from the values', () => {
    const values = [62, 71, 68, 80, 55, 74, 69, 66, 73, 70, 58, 77];
    const fromValues = meanInterval(values, 0.9);
    const fromSummary = meanInterval(summarise(values), 0.9);
    expect(fromSummary.mean).toBeCloseTo(fromValues.mean ?? Number.NaN, 12);
    expect(fromSummary.interval?.low).toBeCloseTo(fromValues.interval?.low ?? Number.NaN, 10);
    expect(fromSummary.interval?.high).toBeCloseTo(fromValues.interval?.high ?? Number.NaN, 10);
    expect(fromValues.warnings).toEqual([]);
  });

  it('has no interval below two values, and no mean without values', () => {
    expect(meanInterval([4])).toMatchObject({ mean: 4, interval: null, standardDeviation: null });
    expect(meanInterval([])).toMatchObject({ mean: null, interval: null, warnings: [{ code: 'no_data' }] });
    expect(meanInterval({ n: 0, sum: 0, sumSq: 0 }).mean).toBeNull();
  });

  it('never rounds below zero variance when every answer is the same', () => {
    // 0.03 − 0.3 · 0.1 is −3.5e-18 in floating point: without the clamp √ would give NaN.
    const result = meanInterval(summarise([0.1, 0.1, 0.1]));
    expect(result.standardDeviation).toBe(0);
    expect(result.interval?.low).toBeCloseTo(0.1, 12);
  });

  const sample = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 60 });

  it('property: the interval contains the mean, and repeating the sample narrows it', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const once = meanInterval(values);
        const twice = meanInterval([...values, ...values]);
        const width = (r: typeof once): number => (r.interval ? r.interval.high - r.interval.low : Number.NaN);
        const mean = once.mean ?? Number.NaN;
        const contains = once.interval !== null && once.interval.low <= mean && mean <= once.interval.high;
        return contains && (width(once) === 0 ? width(twice) === 0 : width(twice) < width(once));
      }),
    );
  });
});
