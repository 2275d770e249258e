import { describe, expect, it } from 'vitest';
import { designEffect, npsSummary } from './designEffect';

describe('designEffect', () => {
  it('codes NPS counts as the −1/0/+1 summary', () => {
    expect(npsSummary({ promoters: 5, passives: 3, detractors: 2 })).toEqual({ n: 10, sum: 3, sumSq: 7 });
  });

  it('is about 1 + (m̄ − 1) when contacts of an account always agree (ρ = 1)', () => {
    const accounts = [
      { promoters: 4, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 4 },
      { promoters: 0, passives: 4, detractors: 0 },
      { promoters: 4, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 4 },
    ].map(npsSummary);
    const result = designEffect(accounts);
    expect(result.intraclassCorrelation).toBe(1);
    expect(result.meanClusterSize).toBe(4);
    expect(result.designEffect).toBe(4);
  });

  it('is 1 when accounts do not differ beyond chance (identical mixes: ρ clipped at 0)', () => {
    const accounts = Array.from({ length: 6 }, () => npsSummary({ promoters: 2, passives: 1, detractors: 1 }));
    expect(designEffect(accounts)).toMatchObject({ designEffect: 1, intraclassCorrelation: 0, clusters: 6 });
  });

  it('reproduces a hand-worked one-way ANOVA (two accounts of 2 answers: +1,+1 and +1,−1)', () => {
    // Means 1 and 0, grand mean 0.5: MSB = 2·0.25·2/1 = 1, MSW = (0 + 2)/2 = 1 → ρ = 0, deff = 1.
    // Add a third account −1,−1: grand mean 0, MSB = 2(1 + 0 + 1)/2 = 2, MSW = 2/3, n0 = 2 → ρ = (2 − ⅔)/(2 + ⅔) = 0.5.
    const result = designEffect([
      { n: 2, sum: 2, sumSq: 2 },
      { n: 2, sum: 0, sumSq: 2 },
      { n: 2, sum: -2, sumSq: 2 },
    ]);
    expect(result.intraclassCorrelation).toBeCloseTo(0.5, 12);
    expect(result.designEffect).toBeCloseTo(1.5, 12);
  });

  it('falls back to 1 when it cannot be estimated (one account, or single answers only)', () => {
    expect(designEffect([{ n: 5, sum: 1, sumSq: 3 }]).designEffect).toBe(1);
    expect(designEffect([{ n: 1, sum: 1, sumSq: 1 }, { n: 1, sum: -1, sumSq: 1 }]).designEffect).toBe(1);
    expect(designEffect([]).clusters).toBe(0);
  });
});
