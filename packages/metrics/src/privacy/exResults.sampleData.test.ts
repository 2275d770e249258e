import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { aggregatePulses } from './aggregatePulses';
import { differencingExposures } from './differencingExposures';
import { exResults, perTeamGroups, type ExGroupRequest, type ExGroupResult } from './exResults';
import { resolveTeams, teamProfiles, type TeamProfile } from './teamProfiles';

const quarter = '2026-Q3';
const year = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const organisations = new Map<string, CanonicalDataset>();

function organisation(seed: number, effects: 'planted' | 'none' = 'planted'): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const found = organisations.get(key) ?? generateOrganisation({ seed, accounts: 1000, effects });
  organisations.set(key, found);
  return found;
}

/** The whole company, each business unit, each team, and each unit's success teams by segment served. */
function quarterView(org: CanonicalDataset, teams: readonly TeamProfile[]): ExGroupRequest[] {
  const periods = [quarter];
  return [
    { id: 'company', teams: {}, periods },
    ...org.businessUnits.map((unit) => ({ id: unit.id, teams: { businessUnitIds: [unit.id] }, periods })),
    ...perTeamGroups(teams, {}, periods),
    ...org.businessUnits.flatMap((unit) =>
      org.segments.map((segment) => ({
        id: `${unit.id}×${segment.id}`,
        teams: { businessUnitIds: [unit.id], departments: ['success' as const], servingSegmentIds: [segment.id] },
        periods,
      })),
    ),
  ];
}

/** Each unit and each team over the year and in each of its quarters. */
function yearView(org: CanonicalDataset, teams: readonly TeamProfile[]): ExGroupRequest[] {
  return [year, ...year.map((q) => [q])].flatMap((periods) => [
    ...org.businessUnits.map((unit) => ({ id: `${unit.id}/${periods.join('+')}`, teams: { businessUnitIds: [unit.id] }, periods })),
    ...perTeamGroups(teams, {}, periods).map((group) => ({ ...group, id: `${group.id}/${periods.join('+')}` })),
  ]);
}

function tally(results: readonly ExGroupResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.status === 'suppressed' ? result.rule : result.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each([1, 2])('employee results on generated data (1,000 accounts, seed %i)', (seed) => {
  it('a quarter by unit and by team: small teams hidden, units shown, nobody isolated', () => {
    const org = organisation(seed);
    const teams = teamProfiles(org.teams, org.accounts);
    const groups = quarterView(org, teams);
    const results = exResults({ teams, pulses: org.employeePulses }, { groups });
    const byId = new Map(results.map((result) => [result.id, result]));
    const unprotected = groups.map((group) => ({ ...group, teamIds: resolveTeams(teams, group.teams) }));
    const raw = new Map(aggregatePulses(org.employeePulses, unprotected).map((aggregate) => [aggregate.id, aggregate]));

    const small = teams.filter((team) => (raw.get(team.id)?.respondents ?? 0) < 5);
    const large = teams.filter((team) => (raw.get(team.id)?.respondents ?? 0) >= 5);
    expect(small.length).toBeGreaterThanOrEqual(15); // "≈ 1 in 3" pulses below 5 (sample-data README)
    for (const team of small) expect(byId.get(team.id)).toMatchObject({ status: 'suppressed', rule: 'cell' });
    for (const unit of [...org.businessUnits, { id: 'company' }]) expect(byId.get(unit.id)?.status).toBe('shown');
    for (const unit of org.businessUnits) expect(byId.get(unit.id)).toMatchObject({ respondents: raw.get(unit.id)?.respondents });
    const largeShown = large.filter((team) => byId.get(team.id)?.status === 'shown');
    expect(largeShown.length / large.length).toBeGreaterThanOrEqual(0.9); // secondary suppression stays rare
    for (const team of largeShown) expect(byId.get(team.id)).toMatchObject({ engagement: raw.get(team.id)?.engagement });
    expect(differencingExposures(results, org.employeePulses, 5)).toEqual([]);
    expect(tally(results).cell).toBeGreaterThanOrEqual(small.length);
  }, 30_000);

  it('a year and its quarters per unit and team: small team-quarters hidden, no period isolated', () => {
    const org = organisation(seed);
    const teams = teamProfiles(org.teams, org.accounts);
    const groups = yearView(org, teams);
    const results = exResults({ teams, pulses: org.employeePulses }, { groups });
    const teamQuarters = results.filter((result, index) => {
      const group = groups[index];
      return group?.teams.teamIds !== undefined && group.periods.length === 1;
    });
    const hidden = teamQuarters.filter((result) => result.status === 'suppressed');
    expect(hidden.length).toBeGreaterThanOrEqual(teamQuarters.length / 5);
    expect(results.filter((result) => result.id.startsWith('bu-') && result.status !== 'shown')).toEqual([]);
    expect(tally(results).sibling).toBeGreaterThan(0); // e.g. year − three shown quarters would isolate the fourth
    expect(differencingExposures(results, org.employeePulses, 5)).toEqual([]);
  }, 30_000);
});

describe('control organisation (effects: none)', () => {
  it('has the same pulses, so the same employee results', () => {
    const planted = organisation(1);
    const control = organisation(1, 'none');
    const teams = teamProfiles(planted.teams, planted.accounts);
    const request = { groups: quarterView(planted, teams) };
    expect(exResults({ teams, pulses: control.employeePulses }, request)).toEqual(
      exResults({ teams, pulses: planted.employeePulses }, request),
    );
  }, 30_000);
});
