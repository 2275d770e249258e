import { describe, expect, it } from 'vitest';
import { canRankOrColour, minimumSample, sampleSizeWarnings, sampleTier } from './minimumSample';

describe('minimum-n policy', () => {
  it('documents its thresholds: indicative below 5, never ranked or coloured on raw values below 10', () => {
    expect(minimumSample).toEqual({ indicative: 5, rankOrColour: 10 });
  });

  it.each([
    [0, 'empty'],
    [4, 'indicative'],
    [4.9, 'indicative'],
    [5, 'unranked'],
    [9, 'unranked'],
    [10, 'adequate'],
  ] as const)('n = %f is %s', (n, tier) => {
    expect(sampleTier(n)).toBe(tier);
  });

  it('turns the tier into coded warnings the UI can word', () => {
    expect(sampleSizeWarnings(0)).toEqual([{ code: 'no_data' }]);
    expect(sampleSizeWarnings(3)).toEqual([{ code: 'small_sample', detail: { n: 3, minimum: 5, consequence: 'indicative' } }]);
    expect(sampleSizeWarnings(8.1666)).toEqual([{ code: 'small_sample', detail: { n: 8.2, minimum: 10, consequence: 'not_ranked' } }]);
    expect(sampleSizeWarnings(10)).toEqual([]);
  });

  it('allows a stricter policy and refuses an inconsistent one', () => {
    const strict = { indicative: 10, rankOrColour: 30 };
    expect(canRankOrColour(20, strict)).toBe(false);
    expect(canRankOrColour(20)).toBe(true);
    expect(() => sampleTier(3, { indicative: 10, rankOrColour: 5 })).toThrow(RangeError);
  });
});
