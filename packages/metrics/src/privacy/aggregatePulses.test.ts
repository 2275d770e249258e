import { describe, expect, it } from 'vitest';
import { aggregatePulses } from './aggregatePulses';
import { pulse } from './testing/pulseFixtures';

describe('aggregatePulses', () => {
  const pulses = [
    pulse('team-a', '2026-Q3', 4, {
      invited: 5,
      engagement: 60,
      enps: { promoters: 2, passives: 1, detractors: 1 },
      itemMeans: { growth: 3 },
    }),
    pulse('team-b', '2026-Q3', 6, {
      invited: 8,
      engagement: 80,
      enps: { promoters: 3, passives: 2, detractors: 1 },
      itemMeans: { growth: 4, wellbeing: 5 },
    }),
    pulse('team-b', '2026-Q2', 7, { engagement: 10 }),
  ];

  it('weights means by respondents and sums eNPS counts into one eNPS with its interval', () => {
    const [unit] = aggregatePulses(pulses, [{ id: 'unit', teamIds: ['team-a', 'team-b'], periods: ['2026-Q3'] }]);
    expect(unit?.respondents).toBe(10);
    expect(unit?.invited).toBe(13);
    expect(unit?.responseRate).toBeCloseTo(10 / 13, 10);
    expect(unit?.engagement).toBeCloseTo((4 * 60 + 6 * 80) / 10, 10); // 72, not the plain mean 70
    // 5 promoters, 3 passives, 2 detractors: the published worked example, NPS 30, about −19…65.
    expect(unit?.enps.nps).toBe(30);
    expect(unit?.enps.interval?.low).toBeCloseTo(-19, 0);
    expect(unit?.enps.interval?.high).toBeCloseTo(65, 0);
    expect(unit?.itemMeans).toEqual({ growth: (4 * 3 + 6 * 4) / 10, wellbeing: 5 });
    expect(unit?.members).toEqual(['team-a@2026-Q3', 'team-b@2026-Q3']);
  });

  it('pools the listed periods only, and lists each team once even if named twice', () => {
    const [year, quarter] = aggregatePulses(pulses, [
      { id: 'b-half', teamIds: ['team-b', 'team-b'], periods: ['2026-Q2', '2026-Q3'] },
      { id: 'b-q2', teamIds: ['team-b'], periods: ['2026-Q2'] },
    ]);
    expect(year?.respondents).toBe(13);
    expect(quarter?.respondents).toBe(7);
    expect(quarter?.engagement).toBe(10);
  });

  it('returns an empty aggregate (no engagement, eNPS no_data) when no pulse matches', () => {
    const [none] = aggregatePulses(pulses, [{ id: 'none', teamIds: ['team-z'], periods: ['2026-Q3'] }]);
    expect(none).toMatchObject({ respondents: 0, invited: 0, responseRate: null, engagement: null, members: [] });
    expect(none?.enps.warnings).toEqual([{ code: 'no_data' }]);
  });

  it('keeps a pulse without respondents in the invitations but out of the means', () => {
    const silent = pulse('team-c', '2026-Q3', 0, { invited: 4, engagement: 0, itemMeans: { growth: 1 } });
    const [group] = aggregatePulses([silent, ...pulses], [{ id: 'g', teamIds: ['team-a', 'team-c'], periods: ['2026-Q3'] }]);
    expect(group?.invited).toBe(9);
    expect(group?.engagement).toBe(60);
    expect(group?.itemMeans).toEqual({ growth: 3 });
  });
});
