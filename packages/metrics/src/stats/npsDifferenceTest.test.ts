import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NpsCounts } from '../nps';
import { npsDifferenceTest } from './npsDifferenceTest';

describe('npsDifferenceTest', () => {
  it('is the adjusted-Wald z-test: 50/30/20 vs 30/30/40 → difference 40 points, z ≈ 3.46, p ≈ 0.0005', () => {
    // Adjusted: a n=103, p=50.75/103, d=20.75/103 → NPS 29.13, v/n = 0.005916;
    //           b n=103, p=30.75/103, d=40.75/103 → NPS −9.71, v/n = 0.006648; SE = 0.11209.
    const result = npsDifferenceTest({ promoters: 50, passives: 30, detractors: 20 }, { promoters: 30, passives: 30, detractors: 40 });
    expect(result.difference).toBeCloseTo(40, 10);
    expect(result.standardError).toBeCloseTo(11.209, 3);
    expect(result.z).toBeCloseTo(3.4646, 4);
    expect(result.p).toBeCloseTo(0.000531, 6);
    expect(result.interval?.low).toBeCloseTo(16.866, 3);
    expect(result.interval?.high).toBeCloseTo(60.804, 3);
    expect(result.warnings).toEqual([]);
  });

  it('shows the honest B2B message: a 30-point gap between groups of 10 is not significant', () => {
    const result = npsDifferenceTest({ promoters: 5, passives: 3, detractors: 2 }, { promoters: 2, passives: 6, detractors: 2 });
    expect(result.difference).toBe(30);
    expect(result.p).toBeGreaterThan(0.2);
  });

  it('widens with a design effect (clustered answers count for less)', () => {
    const a = { promoters: 50, passives: 30, detractors: 20 };
    const b = { promoters: 35, passives: 35, detractors: 30 };
    const plain = npsDifferenceTest(a, b);
    const clustered = npsDifferenceTest(a, b, { designEffect: 2 });
    expect(clustered.difference).toBe(plain.difference);
    expect(clustered.p ?? 0).toBeGreaterThan(plain.p ?? 1);
    expect(() => npsDifferenceTest(a, b, { designEffect: 0 })).toThrow(RangeError);
  });

  it('does not test an empty group and says which one', () => {
    const result = npsDifferenceTest({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 });
    expect(result).toMatchObject({ difference: null, z: null, p: null, interval: null });
    expect(result.warnings).toEqual([{ code: 'no_data', detail: { group: 'a' } }]);
  });

  const counts: fc.Arbitrary<NpsCounts> = fc.record({
    promoters: fc.integer({ min: 0, max: 300 }),
    passives: fc.integer({ min: 0, max: 300 }),
    detractors: fc.integer({ min: 0, max: 300 }),
  }).filter((c) => c.promoters + c.passives + c.detractors > 0);

  it('property: swapping the groups flips the sign and keeps p; the interval excludes 0 exactly when p < 0.05', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const ab = npsDifferenceTest(a, b);
        const ba = npsDifferenceTest(b, a);
        const excludesZero = (ab.interval?.low ?? 0) > 0 || (ab.interval?.high ?? 0) < 0;
        return (
          Math.abs((ab.z ?? 0) + (ba.z ?? 0)) < 1e-9 &&
          Math.abs((ab.p ?? 0) - (ba.p ?? 1)) < 1e-12 &&
          (Math.abs((ab.p ?? 0) - 0.05) < 1e-9 || excludesZero === (ab.p ?? 1) < 0.05)
        );
      }),
    );
  });
});
