import { describe, expect, it } from 'vitest';
import { rollUpAccountNps } from './rollUpAccountNps';

describe('rollUpAccountNps', () => {
  const accounts = [
    { accountId: 'a', nps: 50, arr: 60_000_000 },
    { accountId: 'b', nps: -20, arr: 2_400_000 },
    { accountId: 'c', nps: 10, arr: 12_000_000 },
    { accountId: 'd', nps: null, arr: 25_000_000 },
  ];

  it('reports both the equal-weighted ("average by customer") and the ARR-weighted NPS', () => {
    const result = rollUpAccountNps(accounts);
    expect(result.equalWeighted.nps).toBeCloseTo(40 / 3, 10);
    expect(result.equalWeighted.accounts).toBe(3);
    expect(result.arrWeighted.nps).toBeCloseTo((50 * 60 - 20 * 2.4 + 10 * 12) / 74.4, 10);
    expect(result.arrWeighted.effectiveAccounts).toBeCloseTo(74.4 ** 2 / (60 ** 2 + 2.4 ** 2 + 12 ** 2), 10);
  });

  it('uses accounts as the unit: with equal weights the standard error is s/√k and the interval is Student-t', () => {
    const { equalWeighted } = rollUpAccountNps([
      { accountId: 'a', nps: 30 },
      { accountId: 'b', nps: 10 },
      { accountId: 'c', nps: 20 },
    ]);
    // Mean 20, s = 10, SE = 10/√3; t(0.975, 2) = 4.302653: three accounts give a very wide interval.
    expect(equalWeighted.standardError).toBeCloseTo(10 / Math.sqrt(3), 10);
    expect(equalWeighted.interval?.low).toBeCloseTo(20 - 4.302653 * (10 / Math.sqrt(3)), 4);
    expect(equalWeighted.interval?.high).toBeCloseTo(20 + 4.302653 * (10 / Math.sqrt(3)), 4);
    expect(equalWeighted.warnings).toEqual([{ code: 'small_sample', detail: { n: 3, minimum: 5, consequence: 'indicative' } }]);
  });

  it('measures revenue coverage: the share of ARR with a score', () => {
    expect(rollUpAccountNps(accounts).revenueCoverage).toBeCloseTo(74.4 / 99.4, 10);
  });

  it('leaves accounts without ARR out of the revenue-weighted figure and says so', () => {
    const result = rollUpAccountNps([{ accountId: 'a', nps: 50, arr: 10 }, { accountId: 'b', nps: 0 }]);
    expect(result.arrWeighted.nps).toBe(50);
    expect(result.arrWeighted.warnings).toContainEqual({ code: 'unmapped', detail: { field: 'arr', accounts: 1 } });
    expect(result.equalWeighted.nps).toBe(25);
  });

  it('has nothing to say without scored accounts', () => {
    const result = rollUpAccountNps([{ accountId: 'a', nps: null }]);
    expect(result.equalWeighted).toMatchObject({ nps: null, standardError: null, warnings: [{ code: 'no_data' }] });
    expect(result.revenueCoverage).toBeNull();
  });
});
