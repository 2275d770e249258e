import type { EmployeePulse } from '@kizuna/model';
import type { KpiWarning } from '../warnings';
import { aggregatePulses, type PulseAggregate } from './aggregatePulses';
import type { PrivacyLedger } from './privacyLedger';
import { privacyPolicy, type PrivacyPolicy, type SuppressionRule } from './privacyPolicy';
import { respondentSetOf, type RespondentSet } from './respondentSet';
import { settleSuppression, type Candidate } from './settleSuppression';
import { resolveTeams, type TeamFilter, type TeamProfile } from './teamProfiles';

/** One group to show: the teams a filter selects, pooled over the listed periods. */
export interface ExGroupRequest {
  /** The caller's key for the group, unique within the request. */
  readonly id: string;
  readonly teams: TeamFilter;
  /** Periods pooled into the group, e.g. `['2026-Q3']`, or four quarters for a year. */
  readonly periods: readonly string[];
}

/** Everything one view shows at once: units, teams, a unit with its teams, filters, periods … */
export interface ExRequest {
  readonly groups: readonly ExGroupRequest[];
}

export interface ExData {
  readonly pulses: readonly EmployeePulse[];
  /** The team directory the filters select from (`teamProfiles(teams, accounts)`). */
  readonly teams: readonly TeamProfile[];
}

/** A result that may be shown: every figure rests on at least k respondents. */
export interface ShownExResult extends PulseAggregate {
  readonly status: 'shown';
  readonly warnings: readonly KpiWarning[];
}

/** Hidden to protect anonymity. It carries no figure at all — not even how many responded. */
export interface SuppressedExResult {
  readonly id: string;
  readonly status: 'suppressed';
  readonly rule: SuppressionRule;
  readonly warnings: readonly KpiWarning[];
}

/** No pulse exists for these teams and periods (nobody was surveyed). */
export interface NoDataExResult {
  readonly id: string;
  readonly status: 'no_data';
  readonly warnings: readonly KpiWarning[];
}

export type ExGroupResult = ShownExResult | SuppressedExResult | NoDataExResult;

function checkRequest(request: ExRequest, policy: PrivacyPolicy, ledger: PrivacyLedger | undefined): void {
  const ids = new Set<string>();
  for (const group of request.groups) {
    if (ids.has(group.id)) throw new RangeError(`group ids must be unique (repeated: ${group.id})`);
    ids.add(group.id);
  }
  if (ledger !== undefined && ledger.k !== policy.k) {
    throw new RangeError(`the ledger's k (${ledger.k}) differs from the policy's k (${policy.k})`);
  }
}

function setOfMembers(members: readonly string[], atoms: RespondentSet): RespondentSet {
  const set = new Map<string, number>();
  for (const member of members) {
    const respondents = atoms.get(member);
    if (respondents !== undefined) set.set(member, respondents);
  }
  return set;
}

function present(aggregate: PulseAggregate, rule: SuppressionRule | undefined): ExGroupResult {
  const { id } = aggregate;
  if (aggregate.members.length === 0) return { id, status: 'no_data', warnings: [{ code: 'no_data' }] };
  if (rule !== undefined) return { id, status: 'suppressed', rule, warnings: [{ code: 'suppressed', detail: { rule } }] };
  return { ...aggregate, status: 'shown', warnings: [] };
}

/**
 * Employee-pulse results for a set of groups, with anonymity protection (see the folder README):
 * the cell rule (fewer than k respondents), the pairwise rule (two shown results — nested,
 * overlapping, or the same teams over a year and a quarter — differ by 0 or at least k), the
 * sibling rule (a shown parent minus its shown subgroups leaves 0 or at least k), and a linear
 * audit (no sum-and-difference of shown results isolates 1…k−1 respondents), applied together to
 * a fixed point. With a `ledger`, the user's recent results take part as already shown, and the
 * results shown now are recorded in it. Results come back in request order.
 */
export function exResults(
  data: ExData,
  request: ExRequest,
  policyInput: Partial<PrivacyPolicy> = {},
  ledger?: PrivacyLedger,
): ExGroupResult[] {
  const policy = privacyPolicy(policyInput);
  checkRequest(request, policy, ledger);
  const groups = request.groups.map((group) => ({
    id: group.id,
    teamIds: resolveTeams(data.teams, group.teams),
    periods: group.periods,
  }));
  const aggregates = aggregatePulses(data.pulses, groups);
  const atoms = respondentSetOf(data.pulses);
  const history: Candidate[] = (ledger?.recent() ?? []).map((set) => ({
    set,
    respondents: [...set.values()].reduce((total, n) => total + n, 0),
    frozen: true,
  }));
  const fresh: Candidate[] = aggregates.map((aggregate) => ({
    set: setOfMembers(aggregate.members, atoms),
    respondents: aggregate.respondents,
    frozen: false,
  }));
  const initial = new Map<number, SuppressionRule>();
  fresh.forEach((candidate, index) => {
    if (candidate.respondents < policy.k) initial.set(history.length + index, 'cell');
  });
  const suppressed = settleSuppression([...history, ...fresh], initial, policy.k);
  const results = aggregates.map((aggregate, index) => present(aggregate, suppressed.get(history.length + index)));
  ledger?.remember(fresh.filter((_, index) => results[index]?.status === 'shown').map((candidate) => candidate.set));
  return results;
}

/** One request group per team a filter selects (id = team id), pooled over `periods`. */
export function perTeamGroups(
  profiles: readonly TeamProfile[],
  filter: TeamFilter,
  periods: readonly string[],
): ExGroupRequest[] {
  return resolveTeams(profiles, filter).map((teamId) => ({ id: teamId, teams: { teamIds: [teamId] }, periods }));
}
