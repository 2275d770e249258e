import { describe, expect, it } from 'vitest';
import { summarise } from './meanInterval';
import { shrinkMeansToSegment } from './shrinkMeansToSegment';
import { shrinkNpsToSegment } from './shrinkNpsToSegment';

describe('shrinkMeansToSegment (James–Stein for mean-type KPIs)', () => {
  it('reproduces a hand-worked example: CSAT means 4.5 (n 2), 2.5 (n 2), 4.5 (n 4)', () => {
    // σ² = (0.5 + 0.5 + 1)/(1 + 1 + 3) = 0.4; Var(means) = 4/3; τ² = 4/3 − 0.4·(1/2 + 1/2 + 1/4)/3 = 7/6; μ = 32/8 = 4.
    // B = τ²/(τ² + σ²/n): 0.85366 (n 2), 0.92105 (n 4) → 4.4268, 2.7195, 4.4605.
    const result = shrinkMeansToSegment([
      { id: 'u1', summary: summarise([4, 5]) },
      { id: 'u2', summary: summarise([2, 3]) },
      { id: 'u3', summary: summarise([4, 4, 5, 5]) },
    ]);
    expect(result.segmentMean).toBe(4);
    expect(result.withinVariance).toBeCloseTo(0.4, 12);
    expect(result.betweenVariance).toBeCloseTo(7 / 6, 12);
    expect(result.units.map((u) => u.shrinkage)).toEqual([expect.closeTo(0.85366, 5), expect.closeTo(0.85366, 5), expect.closeTo(0.92105, 5)]);
    expect(result.units.map((u) => u.shrunkMean)).toEqual([expect.closeTo(4.42683, 5), expect.closeTo(2.71951, 5), expect.closeTo(4.46053, 5)]);
  });

  it('pulls small units harder than large ones, toward a given segment mean', () => {
    const result = shrinkMeansToSegment(
      [
        { id: 'small', summary: summarise([7, 7]) },
        { id: 'large', summary: summarise([7, 6, 7, 7, 6, 7, 7, 6, 7, 7]) },
      ],
      { segmentMean: 5, betweenVariance: 0.25 },
    );
    const [small, large] = result.units;
    expect(small?.shrinkage ?? 1).toBeLessThan(large?.shrinkage ?? 0);
    expect(Math.abs((small?.shrunkMean ?? 0) - 5)).toBeLessThan(Math.abs((small?.mean ?? 0) - 5));
  });

  it('is the NPS estimator on the −1/0/+1 coding', () => {
    const counts = [
      { promoters: 8, passives: 2, detractors: 0 },
      { promoters: 2, passives: 3, detractors: 5 },
      { promoters: 5, passives: 5, detractors: 0 },
      { promoters: 1, passives: 4, detractors: 5 },
      { promoters: 3, passives: 0, detractors: 1 },
    ];
    const coded = counts.map((c, i) => ({
      id: String(i),
      summary: summarise([...Array<number>(c.promoters).fill(1), ...Array<number>(c.passives).fill(0), ...Array<number>(c.detractors).fill(-1)]),
    }));
    const means = shrinkMeansToSegment(coded);
    const nps = shrinkNpsToSegment(counts.map((c, i) => ({ id: String(i), counts: c })));
    means.units.forEach((unit, i) => expect(100 * (unit.shrunkMean ?? NaN)).toBeCloseTo(nps.units[i]?.shrunkNps ?? NaN, 10));
  });

  it('keeps the raw means when it cannot pool (τ² fixed very large) and reports empty units as no_data', () => {
    const result = shrinkMeansToSegment(
      [
        { id: 'a', summary: summarise([1, 2]) },
        { id: 'b', summary: { n: 0, sum: 0, sumSq: 0 } },
      ],
      { betweenVariance: 1e12 },
    );
    expect(result.units[0]?.shrunkMean).toBeCloseTo(1.5, 9);
    expect(result.units[1]).toMatchObject({ shrunkMean: null, warnings: [{ code: 'no_data' }] });
  });
});
