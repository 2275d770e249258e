import { describe, expect, it } from 'vitest';
import { classifyNps, countNps, npsAdjustedWaldInterval, npsFromCounts } from './nps';

describe('classifyNps', () => {
  it('splits the 0–10 scale into detractors 0–6, passives 7–8, promoters 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(classifyNps)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
});

describe('npsFromCounts', () => {
  it('reproduces the published worked example: 5/3/2 → NPS 30, adjusted-Wald interval about −19…65', () => {
    const result = npsFromCounts({ promoters: 5, passives: 3, detractors: 2 });
    expect(result.nps).toBe(30);
    expect(result.n).toBe(10);
    expect(result.interval?.low).toBeCloseTo(-19, 0);
    expect(result.interval?.high).toBeCloseTo(65, 0);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [{ promoters: 2, passives: 2, detractors: 0 }, -19, 77],
    [{ promoters: 3, passives: 0, detractors: 0 }, -7, 100],
    [{ promoters: 50, passives: 30, detractors: 20 }, 14, 44],
  ])('matches the reference table for %o (published figures are whole points)', (counts, low, high) => {
    const interval = npsAdjustedWaldInterval(counts);
    expect(Math.abs(interval.low - low)).toBeLessThanOrEqual(0.6);
    expect(Math.abs(interval.high - high)).toBeLessThanOrEqual(0.6);
  });

  it('does not collapse when everyone is a promoter (the B2B "three 10s" case)', () => {
    const interval = npsAdjustedWaldInterval({ promoters: 3, passives: 0, detractors: 0 });
    expect(interval.high - interval.low).toBeGreaterThan(50);
  });

  it('narrows with a lower confidence level', () => {
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    const at95 = npsAdjustedWaldInterval(counts, 0.95);
    const at90 = npsAdjustedWaldInterval(counts, 0.9);
    expect(at90.high - at90.low).toBeLessThan(at95.high - at95.low);
  });

  it('flags small samples instead of throwing, and says nothing is known when nobody answered', () => {
    expect(npsFromCounts(countNps([10, 9, 3])).warnings).toEqual([
      { code: 'small_sample', detail: { n: 3, minimum: 10 } },
    ]);
    expect(npsFromCounts(countNps([]))).toMatchObject({ nps: null, interval: null, warnings: [{ code: 'no_data' }] });
  });
});
