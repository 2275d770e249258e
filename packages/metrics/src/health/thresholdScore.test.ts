import { describe, expect, it } from 'vitest';
import { thresholdScore } from './thresholdScore';

describe('thresholdScore', () => {
  const nps = [
    { value: -100, score: 0 },
    { value: 0, score: 45 },
    { value: 30, score: 70 },
  ];

  it('interpolates linearly between neighbouring points', () => {
    expect(thresholdScore(-50, nps)).toBeCloseTo(22.5, 10);
    expect(thresholdScore(15, nps)).toBeCloseTo(57.5, 10);
    expect(thresholdScore(0, nps)).toBe(45);
  });

  it('is flat beyond the first and the last point', () => {
    expect(thresholdScore(-500, nps)).toBe(0);
    expect(thresholdScore(80, nps)).toBe(70);
  });

  it('falls as well as rises (days since contact: more is worse)', () => {
    const recency = [{ value: 45, score: 100 }, { value: 90, score: 60 }];
    expect(thresholdScore(10, recency)).toBe(100);
    expect(thresholdScore(67.5, recency)).toBeCloseTo(80, 10);
  });

  it('makes a step where two points share a value; the later point wins at the step', () => {
    const step = [{ value: 0, score: 100 }, { value: 1, score: 100 }, { value: 1, score: 30 }, { value: 2, score: 30 }];
    expect(thresholdScore(0.99, step)).toBe(100);
    expect(thresholdScore(1, step)).toBe(30);
    expect(thresholdScore(1.5, step)).toBe(30);
  });
});
