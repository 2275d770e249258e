import { describe, expect, it } from 'vitest';
import { cesAgreement, csatTopTwoBox, proportionFromCounts, topBoxShare } from './topBoxShare';

describe('top-box shares', () => {
  it('CSAT top-2-box counts 4s and 5s on the 1–5 scale, with the Wilson interval', () => {
    const result = csatTopTwoBox([5, 5, 4, 4, 4, 5, 4, 5, 2, 3]);
    expect(result).toMatchObject({ share: 0.8, successes: 8, n: 10, warnings: [] });
    expect(result.interval?.low).toBeCloseTo(0.49, 2);
    expect(result.interval?.high).toBeCloseTo(0.943, 3);
  });

  it('CES 2.0 "% agree" counts 5–7 on the 1–7 agreement scale', () => {
    const result = cesAgreement([7, 6, 5, 4, 3, 1]);
    expect(result.share).toBe(0.5);
    expect(result.successes).toBe(3);
  });

  it('takes any threshold (top box only: 5 of 5)', () => {
    expect(topBoxShare([5, 5, 4, 3], 5).share).toBe(0.5);
  });

  it('carries the minimum-n policy as warnings, and says nothing is known when nobody answered', () => {
    expect(proportionFromCounts(3, 4).warnings).toEqual([
      { code: 'small_sample', detail: { n: 4, minimum: 5, consequence: 'indicative' } },
    ]);
    expect(proportionFromCounts(6, 8).warnings).toEqual([
      { code: 'small_sample', detail: { n: 8, minimum: 10, consequence: 'not_ranked' } },
    ]);
    expect(csatTopTwoBox([])).toEqual({ share: null, successes: 0, n: 0, interval: null, warnings: [{ code: 'no_data' }] });
  });
});
