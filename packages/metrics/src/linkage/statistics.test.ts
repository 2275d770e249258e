import { describe, expect, it } from 'vitest';
import { correlationEstimate, pearsonEstimate, ranks, spearmanEstimate } from './correlationEstimate';
import { quarterOf, shiftQuarter } from './quarters';
import { rateRatio } from './rateRatio';
import { wilsonIntervalOrNull as wilsonInterval } from './wilsonInterval';

describe('wilsonInterval', () => {
  it.each([
    [8, 10, 0.49, 0.943],
    [4, 5, 0.376, 0.964],
    [5, 5, 0.566, 1],
    [80, 100, 0.711, 0.867],
  ])('%i of %i → analytics.md §1.4 reference interval', (k, n, low, high) => {
    expect(wilsonInterval(k, n)?.low).toBeCloseTo(low, 3);
    expect(wilsonInterval(k, n)?.high).toBeCloseTo(high, 3);
  });
  it('has no interval without trials', () => expect(wilsonInterval(0, 0)).toBeNull());
});

describe('correlationEstimate', () => {
  it('gives the Fisher-z intervals of analytics.md §3.1 (r = .33 with 30 and 100 units)', () => {
    expect(correlationEstimate(0.33, 30)?.interval.low).toBeCloseTo(-0.034, 3);
    expect(correlationEstimate(0.33, 30)?.interval.high).toBeCloseTo(0.617, 3);
    expect(correlationEstimate(0.33, 100)?.interval.low).toBeCloseTo(0.143, 3);
    expect(correlationEstimate(0.33, 100)?.interval.high).toBeCloseTo(0.494, 3);
  });
  it('tests r = 0 with t on n − 2 degrees of freedom (r = .33, n = 30 → p ≈ .075)', () => {
    const estimate = correlationEstimate(0.33, 30);
    expect(estimate?.degreesOfFreedom).toBe(28);
    expect(estimate?.p).toBeCloseTo(0.0749, 3);
  });
  it('spends degrees of freedom on extra parameters (e.g. team means removed)', () => {
    expect(correlationEstimate(0.33, 30, { extraParameters: 9 })?.degreesOfFreedom).toBe(19);
    expect(correlationEstimate(0.5, 5, { extraParameters: 2 })).toBeNull();
  });
  it('computes Pearson and Spearman from pairs; undefined when one side is constant', () => {
    expect(pearsonEstimate([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])?.r).toBeCloseTo(1, 12);
    expect(spearmanEstimate([1, 2, 3, 4, 5], [1, 8, 27, 64, 125])?.r).toBeCloseTo(1, 12);
    expect(pearsonEstimate([1, 2, 3, 4, 5], [3, 3, 3, 3, 3])).toBeNull();
  });
  it('ranks ties by their average position', () => expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]));
});

describe('rateRatio', () => {
  it('uses the log method: 20/100 vs 10/100 → 2.0 [0.987, 4.054]', () => {
    const result = rateRatio({ n: 100, events: 20 }, { n: 100, events: 10 });
    expect(result?.ratio).toBe(2);
    expect(result?.interval.low).toBeCloseTo(0.9866, 4);
    expect(result?.interval.high).toBeCloseTo(4.0545, 4);
  });
  it('adds 0.5 to every cell when a group has no events, and has no ratio for an empty group', () => {
    const result = rateRatio({ n: 50, events: 0 }, { n: 100, events: 5 });
    expect(result?.ratio).toBeCloseTo(0.18, 3);
    expect(result?.interval.high).toBeCloseTo(3.1925, 3);
    expect(rateRatio({ n: 0, events: 0 }, { n: 10, events: 1 })).toBeNull();
  });
});

describe('quarters', () => {
  it('names the quarter of a date-time and steps across years', () => {
    expect(quarterOf('2025-03-31T23:59:59Z')).toBe('2025-Q1');
    expect(quarterOf('2025-10-01')).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q1', -1)).toBe('2024-Q4');
    expect(shiftQuarter('2024-Q4', 2)).toBe('2025-Q2');
    expect(shiftQuarter('2025-03', 1)).toBeNull();
  });
});
