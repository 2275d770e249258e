import { describe, expect, it } from 'vitest';
import { defaultFilterState, filtersFromParams, filtersToParams, periodWindow, quartersIn, recentQuarters } from './filterState';

describe('filter state and URL parameters', () => {
  it('round-trips through URL parameters and keeps the host page’s own parameters', () => {
    const state = { period: '2026-Q2', businessUnitId: 'bu-1', segmentId: 'seg-ent' } as const;
    const params = filtersToParams(state, new URLSearchParams('lang=ja'));
    expect(params.toString()).toBe('lang=ja&kz_period=2026-Q2&kz_bu=bu-1&kz_segment=seg-ent');
    expect(filtersFromParams(params)).toEqual({ state, issues: [] });
  });

  it('leaves defaults out of the URL', () => {
    expect(filtersToParams(defaultFilterState).toString()).toBe('');
    expect(filtersFromParams(new URLSearchParams('')).state).toEqual(defaultFilterState);
  });

  it('reports and drops what is not valid instead of failing', () => {
    const parsed = filtersFromParams(new URLSearchParams('kz_period=2026-Q5&kz_bu=<script>&kz_segment=seg-1'));
    expect(parsed.state).toEqual({ period: 'last_year', segmentId: 'seg-1' });
    expect(parsed.issues.map((issue) => issue.parameter)).toEqual(['kz_period', 'kz_bu']);
    expect(parsed.issues[1]?.message).toBe('must be a record id');
  });

  it('refuses to write an invalid state', () => {
    expect(() => filtersToParams({ period: 'yesterday' })).toThrow();
  });
});

describe('periods', () => {
  const asOf = '2026-10-01T00:00:00.000Z';
  it('turns presets into trailing windows ending at the host’s now, and quarters into their bounds', () => {
    expect(periodWindow('last_year', asOf)).toEqual({ from: '2025-10-01T00:00:00.000Z', to: asOf });
    expect(periodWindow('last_quarter', asOf)).toEqual({ from: '2026-07-01T00:00:00.000Z', to: asOf });
    expect(periodWindow('2026-Q4', asOf)).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });

  it('lists the quarters a window touches and the recent completed quarters', () => {
    expect(quartersIn(periodWindow('last_year', asOf))).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quartersIn({ from: '2026-02-15T00:00:00Z', to: '2026-04-02T00:00:00Z' })).toEqual(['2026-Q1', '2026-Q2']);
    expect(recentQuarters(asOf, 3)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
  });
});
