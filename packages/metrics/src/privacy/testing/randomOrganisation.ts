import type { EmployeePulse } from '@kizuna/model';
import fc from 'fast-check';
import type { ExGroupRequest } from '../exResults';
import type { TeamFilter, TeamProfile } from '../teamProfiles';
import { pulse } from './pulseFixtures';

/** A random organisation for property tests: units → teams, teams serving overlapping segments. */
export interface RandomOrganisation {
  readonly units: readonly string[];
  readonly segments: readonly string[];
  readonly periods: readonly string[];
  readonly teams: readonly TeamProfile[];
  readonly pulses: readonly EmployeePulse[];
}

const allPeriods = ['2026-Q1', '2026-Q2', '2026-Q3'];
const allSegments = ['enterprise', 'mid', 'smb'];

/** Respondents per team and period: many below 5, some zero, some pulses missing (null). */
const respondentsArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 5, arbitrary: fc.integer({ min: 5, max: 14 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const teamArbitrary = fc.record({
  department: fc.constantFrom('success' as const, 'support' as const),
  serving: fc.subarray(allSegments),
});

export const organisationArbitrary: fc.Arbitrary<RandomOrganisation> = fc
  .record({
    unitSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    periodCount: fc.integer({ min: 1, max: allPeriods.length }),
  })
  .chain(({ unitSizes, periodCount }) => {
    const teamCount = unitSizes.reduce((a, b) => a + b, 0);
    const periods = allPeriods.slice(0, periodCount);
    return fc
      .record({
        teams: fc.array(teamArbitrary, { minLength: teamCount, maxLength: teamCount }),
        respondents: fc.array(respondentsArbitrary, { minLength: teamCount * periodCount, maxLength: teamCount * periodCount }),
      })
      .map(({ teams, respondents }) => {
        const unitOf = unitSizes.flatMap((size, unit) => new Array<string>(size).fill(`bu-${unit}`));
        const profiles: TeamProfile[] = teams.map((team, index) => ({
          id: `t${index}`,
          businessUnitId: unitOf[index] ?? 'bu-0',
          department: team.department,
          servingSegmentIds: team.serving,
        }));
        const pulses = profiles.flatMap((team, t) =>
          periods.flatMap((period, p) => {
            const n = respondents[t * periodCount + p];
            return n === null || n === undefined ? [] : [pulse(team.id, period, n)];
          }),
        );
        return { units: unitSizes.map((_, unit) => `bu-${unit}`), segments: allSegments, periods, teams: profiles, pulses };
      });
  });

function filterArbitrary(org: RandomOrganisation): fc.Arbitrary<TeamFilter> {
  const teamIds = org.teams.map((team) => team.id);
  return fc.oneof(
    fc.constant({}),
    fc.constantFrom(...org.units).map((unit) => ({ businessUnitIds: [unit] })),
    fc.constantFrom(...teamIds).map((id) => ({ teamIds: [id] })),
    fc.constantFrom(...org.segments).map((segment) => ({ servingSegmentIds: [segment] })),
    fc.tuple(fc.constantFrom(...org.units), fc.constantFrom(...org.segments)).map(([unit, segment]) => ({
      businessUnitIds: [unit],
      servingSegmentIds: [segment],
    })),
    fc.subarray(teamIds, { minLength: 1 }).map((ids) => ({ teamIds: ids })),
    fc.constantFrom('success' as const, 'support' as const).map((department) => ({ departments: [department] })),
  );
}

/** The whole organisation, each unit and each team, over the same periods. */
function hierarchy(org: RandomOrganisation, periods: readonly string[], tag: string): ExGroupRequest[] {
  return [
    { id: `org${tag}`, teams: {}, periods },
    ...org.units.map((unit) => ({ id: `${unit}${tag}`, teams: { businessUnitIds: [unit] }, periods })),
    ...org.teams.map((team) => ({ id: `${team.id}${tag}`, teams: { teamIds: [team.id] }, periods })),
  ];
}

/** Random requests: free filters and periods, an org hierarchy (pooled and per period), or both. */
export function requestArbitrary(org: RandomOrganisation): fc.Arbitrary<ExGroupRequest[]> {
  const free = fc
    .array(fc.record({ teams: filterArbitrary(org), periods: fc.subarray([...org.periods], { minLength: 1 }) }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((groups) => groups.map((group, index) => ({ id: `g${index}`, ...group })));
  const tree = fc.subarray([...org.periods], { minLength: 1 }).map((periods) => [
    ...hierarchy(org, periods, ''),
    ...(periods.length > 1 ? periods.flatMap((period) => hierarchy(org, [period], `@${period}`)) : []),
  ]);
  return fc.oneof(free, tree, fc.tuple(tree, free).map(([a, b]) => [...a, ...b]));
}
