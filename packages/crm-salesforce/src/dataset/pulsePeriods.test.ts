import { describe, expect, it } from 'vitest';
import { pulsePeriodInWindow, pulsePeriodsStartingIn, pulsePeriodStart } from './pulsePeriods';

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('pulse periods', () => {
  it('dates a period by its first day (quarters and months), and nothing else', () => {
    expect(pulsePeriodStart('2026-Q2')).toBe(Date.UTC(2026, 3, 1));
    expect(pulsePeriodStart('2026-11')).toBe(Date.UTC(2026, 10, 1));
    expect(pulsePeriodStart('2026-Q5')).toBeNull();
    expect(pulsePeriodStart('2026-13')).toBeNull();
    expect(pulsePeriodStart("2026-01' OR Name != '")).toBeNull();
  });

  it('takes a period into the half-open window by its start, not by its end', () => {
    const from = utc('2026-04-01');
    const to = utc('2026-07-01');
    expect(pulsePeriodInWindow('2026-Q2', from, to)).toBe(true);
    expect(pulsePeriodInWindow('2026-06', from, to)).toBe(true);
    // Q1 ends inside the window, Q3 starts at its (excluded) end
    expect(pulsePeriodInWindow('2026-Q1', from, to)).toBe(false);
    expect(pulsePeriodInWindow('2026-Q3', from, to)).toBe(false);
  });

  it('lists the months and quarters that start in a window', () => {
    expect(pulsePeriodsStartingIn(utc('2026-03-15'), utc('2026-07-01'))).toEqual(['2026-04', '2026-Q2', '2026-05', '2026-06']);
    expect(pulsePeriodsStartingIn(utc('2025-12-01'), utc('2026-02-01'))).toEqual(['2025-12', '2026-01', '2026-Q1']);
    expect(pulsePeriodsStartingIn(utc('2026-01-05'), utc('2026-01-20'))).toEqual([]);
    expect(pulsePeriodsStartingIn(utc('2025-10-01'), utc('2026-10-01'))).toHaveLength(16);
  });

  it('gives up listing past the limit (the read then keeps the window in memory)', () => {
    expect(pulsePeriodsStartingIn(utc('2000-01-01'), utc('2100-01-01'))).toBeNull();
    expect(pulsePeriodsStartingIn(utc('2026-01-01'), utc('2027-01-01'), 15)).toBeNull();
    expect(pulsePeriodsStartingIn(utc('2026-01-01'), utc('2027-01-01'), 16)).toHaveLength(16);
  });
});
