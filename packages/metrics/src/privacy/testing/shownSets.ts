import type { EmployeePulse } from '@kizuna/model';
import { aggregatePulses } from '../aggregatePulses';
import type { ExGroupRequest, ExGroupResult } from '../exResults';
import { respondentSetOf, type RespondentSet } from '../respondentSet';
import { resolveTeams, type TeamProfile } from '../teamProfiles';

export interface PulseData {
  readonly teams: readonly TeamProfile[];
  readonly pulses: readonly EmployeePulse[];
}

const atomsOf = new WeakMap<readonly EmployeePulse[], RespondentSet>();

/**
 * Who stands behind each requested group, recomputed from scratch — hidden results carry no
 * members, so tests derive them from the request.
 */
export function rawSets(data: PulseData, groups: readonly ExGroupRequest[]): RespondentSet[] {
  const atoms = atomsOf.get(data.pulses) ?? respondentSetOf(data.pulses);
  atomsOf.set(data.pulses, atoms);
  const resolved = groups.map((group) => ({ ...group, teamIds: resolveTeams(data.teams, group.teams) }));
  return aggregatePulses(data.pulses, resolved).map(
    (aggregate) => new Map(aggregate.members.flatMap((m) => (atoms.has(m) ? [[m, atoms.get(m) ?? 0] as const] : []))),
  );
}

/** The respondent sets of the groups that came back shown. */
export function shownSets(
  data: PulseData,
  groups: readonly ExGroupRequest[],
  results: readonly ExGroupResult[],
): RespondentSet[] {
  return rawSets(data, groups).filter((_, index) => results[index]?.status === 'shown');
}
