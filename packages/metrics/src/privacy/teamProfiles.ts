import type { Account, Department, Team } from '@kizuna/model';

/** What a team filter can select on: the team's unit and department, and whom it serves. */
export interface TeamProfile {
  readonly id: string;
  readonly businessUnitId: string;
  readonly department: Department;
  /** Segments of the accounts this team serves (`account.servingTeamId`), sorted. */
  readonly servingSegmentIds: readonly string[];
}

/**
 * Which teams a group covers. Every criterion given must hold; within one criterion any listed
 * value matches. `{}` selects every team. Groupings may overlap (a team serving two segments is
 * in both segments' groups); the privacy rules work on respondents, not on a hierarchy.
 */
export interface TeamFilter {
  readonly teamIds?: readonly string[];
  readonly businessUnitIds?: readonly string[];
  readonly departments?: readonly Department[];
  /** Teams serving at least one account in any of these segments. */
  readonly servingSegmentIds?: readonly string[];
}

/** Team profiles from the canonical teams and accounts (churned accounts count: they were served). */
export function teamProfiles(teams: readonly Team[], accounts: readonly Account[]): TeamProfile[] {
  const segments = new Map<string, Set<string>>();
  for (const account of accounts) {
    const set = segments.get(account.servingTeamId) ?? new Set<string>();
    set.add(account.segmentId);
    segments.set(account.servingTeamId, set);
  }
  return teams.map((team) => ({
    id: team.id,
    businessUnitId: team.businessUnitId,
    department: team.department,
    servingSegmentIds: [...(segments.get(team.id) ?? [])].sort(),
  }));
}

function matches(listed: readonly string[] | undefined, values: readonly string[]): boolean {
  return listed === undefined || values.some((value) => listed.includes(value));
}

/** The ids of the teams a filter selects, in directory order. */
export function resolveTeams(profiles: readonly TeamProfile[], filter: TeamFilter): string[] {
  return profiles
    .filter(
      (team) =>
        matches(filter.teamIds, [team.id]) &&
        matches(filter.businessUnitIds, [team.businessUnitId]) &&
        matches(filter.departments, [team.department]) &&
        matches(filter.servingSegmentIds, team.servingSegmentIds),
    )
    .map((team) => team.id);
}
