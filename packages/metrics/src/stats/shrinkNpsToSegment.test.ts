import { describe, expect, it } from 'vitest';
import { shrinkNpsToSegment } from './shrinkNpsToSegment';

describe('shrinkNpsToSegment', () => {
  it('reproduces the worked example (m = 8, segment NPS 30): 2·100 → 44, 5·−20 → 11, 20·−20 → −6, 60·−20 → −14', () => {
    const units = [
      { id: 'n2', counts: { promoters: 2, passives: 0, detractors: 0 } },
      { id: 'n5', counts: { promoters: 1, passives: 2, detractors: 2 } },
      { id: 'n20', counts: { promoters: 4, passives: 8, detractors: 8 } },
      { id: 'n60', counts: { promoters: 12, passives: 24, detractors: 24 } },
    ];
    const result = shrinkNpsToSegment(units, { segment: { promoters: 5, passives: 3, detractors: 2 }, priorStrength: 8 });
    expect(result.segmentNps).toBe(30);
    expect(result.units.map((u) => u.nps)).toEqual([100, -20, -20, -20]);
    expect(result.units.map((u) => Math.round(u.shrunkNps ?? NaN))).toEqual([44, 11, -6, -14]);
    expect(result.units[0]?.weight).toBeCloseTo(0.2, 12);
    expect(result.warnings).toEqual([]);
  });

  it('estimates m = v̄/τ² by the method of moments (hand-worked, four accounts of 10)', () => {
    // NPS .8, −.3, .5, −.4: Var = 1.05/3 = 0.35. Within: Σ nⱼvⱼ = 1.6 + 6.1 + 2.5 + 4.4 = 14.6 over Σ(nⱼ − 1) = 36 → v̄ = 0.40556.
    // τ² = 0.35 − v̄/10 = 0.30944 → m = 1.3106. Segment 16/14/10 → 15. Account A: (800 + 1.3106·15)/11.3106 = 72.47.
    const units = [
      { id: 'A', counts: { promoters: 8, passives: 2, detractors: 0 } },
      { id: 'B', counts: { promoters: 2, passives: 3, detractors: 5 } },
      { id: 'C', counts: { promoters: 5, passives: 5, detractors: 0 } },
      { id: 'D', counts: { promoters: 1, passives: 4, detractors: 5 } },
    ];
    const result = shrinkNpsToSegment(units);
    expect(result.segmentNps).toBeCloseTo(15, 12);
    expect(result.withinVariance).toBeCloseTo(4055.56, 1);
    expect(result.betweenVariance).toBeCloseTo(3094.44, 1);
    expect(result.priorStrength).toBeCloseTo(1.31059, 4);
    expect(result.units[0]?.shrunkNps).toBeCloseTo(72.468, 2);
    expect(result.warnings).toEqual([{ code: 'small_sample', detail: { n: 4, minimum: 5, consequence: 'prior_from_few_units' } }]);
  });

  it('pools fully when accounts differ no more than chance allows (τ² = 0)', () => {
    const units = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, counts: { promoters: 5, passives: 3, detractors: 2 } }));
    units.push({ id: 'tiny', counts: { promoters: 1, passives: 0, detractors: 0 } });
    const result = shrinkNpsToSegment(units);
    expect(result.priorStrength).toBeNull();
    const tiny = result.units.find((u) => u.id === 'tiny');
    expect(tiny).toMatchObject({ nps: 100, weight: 0 });
    expect(tiny?.shrunkNps).toBeCloseTo(result.segmentNps ?? NaN, 10);
    // Its uncertainty is the segment's, not zero.
    expect(tiny?.standardError).toBeGreaterThan(5);
  });

  it('gives a posterior interval that is narrower for well-measured accounts and contains the shrunk value', () => {
    const result = shrinkNpsToSegment(
      [
        { id: 'small', counts: { promoters: 1, passives: 1, detractors: 1 } },
        { id: 'large', counts: { promoters: 20, passives: 20, detractors: 20 } },
      ],
      { segment: { promoters: 50, passives: 30, detractors: 20 }, priorStrength: 8 },
    );
    const [small, large] = result.units;
    const width = (u: typeof small): number => (u?.interval ? u.interval.high - u.interval.low : NaN);
    expect(width(large)).toBeLessThan(width(small));
    for (const u of result.units) {
      expect(u.interval?.low ?? NaN).toBeLessThanOrEqual(u.shrunkNps ?? NaN);
      expect(u.interval?.high ?? NaN).toBeGreaterThanOrEqual(u.shrunkNps ?? NaN);
    }
  });

  it('does not invent a value for an account without answers', () => {
    const result = shrinkNpsToSegment([
      { id: 'silent', counts: { promoters: 0, passives: 0, detractors: 0 } },
      { id: 'x', counts: { promoters: 3, passives: 1, detractors: 1 } },
    ]);
    expect(result.units[0]).toMatchObject({ nps: null, shrunkNps: null, warnings: [{ code: 'no_data' }] });
    expect(() => shrinkNpsToSegment([], { priorStrength: -1 })).toThrow(RangeError);
  });
});
