import { describe, expect, it } from 'vitest';
import { proportionDifferenceTest } from './proportionDifferenceTest';

describe('proportionDifferenceTest', () => {
  it("reproduces Newcombe (1998)'s example: 56/70 vs 48/80 → difference 0.200, hybrid score interval 0.0524…0.3339", () => {
    const result = proportionDifferenceTest({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(result.difference).toBeCloseTo(0.2, 12);
    expect(result.interval?.low).toBeCloseTo(0.0524, 4);
    expect(result.interval?.high).toBeCloseTo(0.3339, 4);
    // Pooled z-test: p̄ = 104/150, SE = √(p̄(1 − p̄)(1/70 + 1/80)) = 0.07547.
    expect(result.standardError).toBeCloseTo(0.07547, 5);
    expect(result.z).toBeCloseTo(2.6502, 4);
    expect(result.p).toBeCloseTo(0.00805, 5);
  });

  it('finds no evidence when both groups are all successes', () => {
    expect(proportionDifferenceTest({ successes: 5, n: 5 }, { successes: 40, n: 40 })).toMatchObject({ difference: 0, z: 0, p: 1 });
  });

  it('a design effect shrinks the evidence but not the observed difference', () => {
    const plain = proportionDifferenceTest({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    const clustered = proportionDifferenceTest({ successes: 56, n: 70 }, { successes: 48, n: 80 }, { designEffect: 1.8 });
    expect(clustered.difference).toBeCloseTo(0.2, 12);
    expect(clustered.p ?? 0).toBeGreaterThan(plain.p ?? 1);
    expect((clustered.interval?.high ?? 0) - (clustered.interval?.low ?? 0)).toBeGreaterThan((plain.interval?.high ?? 0) - (plain.interval?.low ?? 0));
  });

  it('reports empty groups as no_data and rejects impossible ones', () => {
    expect(proportionDifferenceTest({ successes: 0, n: 0 }, { successes: 0, n: 0 }).warnings).toEqual([
      { code: 'no_data', detail: { group: 'a' } },
      { code: 'no_data', detail: { group: 'b' } },
    ]);
    expect(() => proportionDifferenceTest({ successes: 6, n: 5 }, { successes: 1, n: 5 })).toThrow(RangeError);
  });
});
