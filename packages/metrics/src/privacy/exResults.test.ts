import type { EmployeePulse } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { differencingExposures } from './differencingExposures';
import { exResults, perTeamGroups, type ExGroupRequest, type ExGroupResult } from './exResults';
import { createPrivacyLedger } from './privacyLedger';
import { pulse, team } from './testing/pulseFixtures';
import type { TeamProfile } from './teamProfiles';

const Q3 = '2026-Q3';

function statusOf(results: readonly ExGroupResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.id, r.status === 'suppressed' ? `suppressed:${r.rule}` : r.status]));
}

function unitWithTeams(teams: readonly TeamProfile[], periods = [Q3]): ExGroupRequest[] {
  return [{ id: 'unit', teams: { businessUnitIds: ['bu-1'] }, periods }, ...perTeamGroups(teams, {}, periods)];
}

function run(teams: readonly TeamProfile[], pulses: readonly EmployeePulse[], groups: readonly ExGroupRequest[], k = 5) {
  const results = exResults({ teams, pulses }, { groups }, { k });
  expect(differencingExposures(results, pulses, k)).toEqual([]);
  return results;
}

describe('exResults: the cell rule', () => {
  const teams = [team('a', 'bu-1'), team('b', 'bu-1')];
  const pulses = [pulse('a', Q3, 4), pulse('b', Q3, 9)];

  it('hides a team with fewer than 5 respondents, and the hidden result carries no figure at all', () => {
    const [a, b] = run(teams, pulses, perTeamGroups(teams, {}, [Q3]));
    expect(a).toEqual({ id: 'a', status: 'suppressed', rule: 'cell', warnings: [{ code: 'suppressed', detail: { rule: 'cell' } }] });
    expect(b).toMatchObject({ id: 'b', status: 'shown', respondents: 9 });
  });

  it('takes k from the policy: k = 3 shows the 4-person team; k below 3 is refused', () => {
    expect(statusOf(run(teams, pulses, perTeamGroups(teams, {}, [Q3]), 3))).toEqual({ a: 'shown', b: 'shown' });
    expect(() => exResults({ teams, pulses }, { groups: [] }, { k: 2 })).toThrow(RangeError);
  });

  it('hides a team whose pulse had no respondents, but reports no_data where no pulse exists', () => {
    const results = run([...teams, team('c', 'bu-1'), team('d', 'bu-1')], [...pulses, pulse('c', Q3, 0)], [
      { id: 'c', teams: { teamIds: ['c'] }, periods: [Q3] },
      { id: 'd', teams: { teamIds: ['d'] }, periods: [Q3] },
    ]);
    expect(statusOf(results)).toEqual({ c: 'suppressed:cell', d: 'no_data' });
  });
});

describe('exResults: the complement rule', () => {
  it('hides the smaller of two nested results that differ by 1…4 respondents (unit 9, team 6 → 3)', () => {
    const teams = [team('a', 'bu-1'), team('b', 'bu-1')];
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 3)];
    const groups = [{ id: 'unit', teams: { businessUnitIds: ['bu-1'] }, periods: [Q3] }, { id: 'a', teams: { teamIds: ['a'] }, periods: [Q3] }];
    expect(statusOf(run(teams, pulses, groups))).toEqual({ unit: 'shown', a: 'suppressed:complement' });
  });

  it('applies across time: a half-year and one of its quarters may not differ by a small quarter', () => {
    const teams = [team('a', 'bu-1')];
    const pulses = [pulse('a', '2026-Q2', 3), pulse('a', Q3, 6)];
    const groups = [
      { id: 'half', teams: {}, periods: ['2026-Q2', Q3] },
      { id: 'q3', teams: {}, periods: [Q3] },
    ];
    expect(statusOf(run(teams, pulses, groups))).toEqual({ half: 'shown', q3: 'suppressed:complement' });
  });
});

describe('exResults: sibling suppression', () => {
  it('hides the next-smallest sibling when exactly one is hidden and the remainder is below 5', () => {
    const teams = [team('a', 'bu-1'), team('b', 'bu-1'), team('c', 'bu-1')];
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 7), pulse('c', Q3, 3)];
    // Without it: unit 16 − a 6 − b 7 = c's 3 respondents.
    expect(statusOf(run(teams, pulses, unitWithTeams(teams)))).toEqual({
      unit: 'shown',
      a: 'suppressed:sibling',
      b: 'shown',
      c: 'suppressed:cell',
    });
  });

  it('hides nothing more when the hidden siblings together reach 5', () => {
    const teams = [team('a', 'bu-1'), team('b', 'bu-1'), team('c', 'bu-1'), team('d', 'bu-1')];
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 7), pulse('c', Q3, 3), pulse('d', Q3, 2)];
    expect(statusOf(run(teams, pulses, unitWithTeams(teams)))).toEqual({
      unit: 'shown',
      a: 'shown',
      b: 'shown',
      c: 'suppressed:cell',
      d: 'suppressed:cell',
    });
  });

  it('counts teams that were not asked for in the remainder too', () => {
    const teams = [team('a', 'bu-1'), team('b', 'bu-1'), team('c', 'bu-1')];
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 7), pulse('c', Q3, 8)];
    const groups = unitWithTeams(teams).filter((group) => group.id !== 'c');
    expect(statusOf(run(teams, pulses, groups))).toEqual({ unit: 'shown', a: 'shown', b: 'shown' });
  });

  it('works over time: a year minus three shown quarters must not isolate a small quarter', () => {
    const teams = [team('a', 'bu-1')];
    const quarters = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
    const pulses = [pulse('a', quarters[0] ?? '', 8), pulse('a', quarters[1] ?? '', 9), pulse('a', quarters[2] ?? '', 2), pulse('a', quarters[3] ?? '', 7)];
    const groups = [{ id: 'year', teams: {}, periods: quarters }, ...quarters.map((q) => ({ id: q, teams: {}, periods: [q] }))];
    expect(statusOf(run(teams, pulses, groups))).toEqual({
      year: 'shown',
      '2026-Q1': 'shown',
      '2026-Q2': 'shown',
      '2026-Q3': 'suppressed:cell',
      '2026-Q4': 'suppressed:sibling',
    });
  });
});

describe('exResults: overlapping groupings', () => {
  // a serves X and Z, b serves X and Y, c serves Y and Z.
  const teams = [team('a', 'bu-1', ['X', 'Z']), team('b', 'bu-1', ['X', 'Y']), team('c', 'bu-1', ['Y', 'Z'])];
  const bySegment = (segments: readonly string[]) =>
    segments.map((segment) => ({ id: segment, teams: { servingSegmentIds: [segment] }, periods: [Q3] }));

  it('hides one of two overlapping results whose symmetric difference is 1…4', () => {
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 2), pulse('c', Q3, 1)];
    // X = a + b (8), Z = a + c (7): X − Z = b − c, only 3 people behind it.
    expect(statusOf(run(teams, pulses, bySegment(['X', 'Z'])))).toEqual({ X: 'shown', Z: 'suppressed:overlap' });
  });

  it('catches what no pair shows: X + Y − Z isolates team b (the linear audit)', () => {
    const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 2), pulse('c', Q3, 6)];
    // X = 8, Y = 8, Z = 12; every pair differs by 8 or 12, yet (X + Y − Z) / 2 = b's 2 people.
    const results = run(teams, pulses, bySegment(['X', 'Y', 'Z']));
    expect(results.filter((r) => r.status === 'suppressed')).toEqual([
      expect.objectContaining({ status: 'suppressed', rule: 'linear' }),
    ]);
  });
});

describe('exResults with a privacy ledger (query history)', () => {
  const teams = [team('a', 'bu-1'), team('b', 'bu-1'), team('c', 'bu-1')];
  const pulses = [pulse('a', Q3, 6), pulse('b', Q3, 7), pulse('c', Q3, 3)];
  const one = (id: string, filter: ExGroupRequest['teams']): ExGroupRequest[] => [{ id, teams: filter, periods: [Q3] }];

  it('hides a new result that differs from a recently shown one by 1…4 respondents', () => {
    const ledger = createPrivacyLedger(5);
    const data = { teams, pulses };
    expect(statusOf(exResults(data, { groups: one('ab+c', { teamIds: ['a', 'c'] }) }, {}, ledger))).toEqual({ 'ab+c': 'shown' });
    expect(statusOf(exResults(data, { groups: one('a', { teamIds: ['a'] }) }, {}, ledger))).toEqual({ a: 'suppressed:history' });
    // Without the ledger the same request alone would be shown.
    expect(statusOf(exResults(data, { groups: one('a', { teamIds: ['a'] }) }))).toEqual({ a: 'shown' });
  });

  it('keeps the sibling rule across requests: unit today, its big teams tomorrow', () => {
    const ledger = createPrivacyLedger(5);
    const data = { teams, pulses };
    exResults(data, { groups: one('unit', { businessUnitIds: ['bu-1'] }) }, {}, ledger);
    const later = exResults(data, { groups: perTeamGroups(teams, { teamIds: ['a', 'b'] }, [Q3]) }, {}, ledger);
    expect(statusOf(later)).toEqual({ a: 'suppressed:history', b: 'shown' });
  });

  it('lets the same result be shown again (difference 0) and refuses a ledger with another k', () => {
    const ledger = createPrivacyLedger(5);
    const data = { teams, pulses };
    const groups = one('unit', { businessUnitIds: ['bu-1'] });
    exResults(data, { groups }, {}, ledger);
    expect(statusOf(exResults(data, { groups }, {}, ledger))).toEqual({ unit: 'shown' });
    expect(() => exResults(data, { groups }, { k: 7 }, ledger)).toThrow(RangeError);
  });

  it('notices late responses: the same team re-read with one more respondent is hidden', () => {
    const ledger = createPrivacyLedger(5);
    const groups = one('a', { teamIds: ['a'] });
    exResults({ teams, pulses }, { groups }, {}, ledger);
    const late = [pulse('a', Q3, 7), ...pulses.slice(1)];
    expect(statusOf(exResults({ teams, pulses: late }, { groups }, {}, ledger))).toEqual({ a: 'suppressed:history' });
  });
});

describe('exResults: request validation', () => {
  it('refuses two groups with the same id', () => {
    const groups = [{ id: 'x', teams: {}, periods: [Q3] }, { id: 'x', teams: {}, periods: [Q3] }];
    expect(() => exResults({ teams: [], pulses: [] }, { groups })).toThrow(/unique/);
  });
});
