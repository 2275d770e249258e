import { scaleBand } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { bandScale, linearScale, utcTicks } from './scales';

describe('account chart scales', () => {
  it('maps a domain linearly onto a range', () => {
    const x = linearScale([0, 100], [190, 450]);
    expect(x(0)).toBe(190);
    expect(x(100)).toBe(450);
    expect(x(25)).toBe(255);
  });

  it("lays bands out as d3's scaleBand with padding does", () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const ours = bandScale(keys, [10, 220], 0.2);
    const d3 = scaleBand<string>().domain(keys).range([10, 220]).padding(0.2);
    for (const key of keys) expect(ours.at(key)).toBeCloseTo(d3(key) ?? Number.NaN, 9);
    expect(ours.bandwidth).toBeCloseTo(d3.bandwidth(), 9);
    expect(ours.at('z')).toBeUndefined();
  });

  it('ticks a quarter at month starts and a year at quarter starts, within the span', () => {
    const quarter = utcTicks(new Date('2026-07-03T00:00:00Z'), new Date('2026-10-01T00:00:00Z'), 5).map((tick) => tick.toISOString().slice(0, 10));
    expect(quarter).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    const year = utcTicks(new Date('2025-10-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'), 5).map((tick) => tick.toISOString().slice(0, 10));
    expect(year).toEqual(['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
  });

  it('ticks short spans on Mondays, and nothing for an empty span', () => {
    const ticks = utcTicks(new Date('2026-09-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'), 5);
    expect(ticks.map((tick) => tick.getUTCDay())).toEqual([1, 1, 1, 1]);
    expect(utcTicks(new Date('2026-10-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'), 5)).toEqual([]);
  });
});
