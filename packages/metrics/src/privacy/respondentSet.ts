import type { EmployeePulse } from '@kizuna/model';

/**
 * Who stands behind a result: respondents per *atom*, one team's pulse in one period, keyed
 * `teamId@period`. Atoms without respondents are left out: they add nothing to any figure.
 * Treat it as a multiset of respondents; it is internal audit data and must never be displayed.
 */
export type RespondentSet = ReadonlyMap<string, number>;

/** The atom key of a team's pulse in a period. */
export function atomKey(teamId: string, period: string): string {
  return `${teamId}@${period}`;
}

/** The respondent set of some pulses; two pulses of the same team and period add up. */
export function respondentSetOf(pulses: Iterable<EmployeePulse>): RespondentSet {
  const set = new Map<string, number>();
  for (const pulse of pulses) {
    if (pulse.respondents <= 0) continue;
    const key = atomKey(pulse.teamId, pulse.period);
    set.set(key, (set.get(key) ?? 0) + pulse.respondents);
  }
  return set;
}

export function respondentTotal(set: RespondentSet): number {
  let total = 0;
  for (const count of set.values()) total += count;
  return total;
}

/** Size of the symmetric difference of two multisets: Σ over atoms of |a − b|. */
export function respondentDistance(a: RespondentSet, b: RespondentSet): number {
  let distance = 0;
  for (const [key, count] of a) distance += Math.abs(count - (b.get(key) ?? 0));
  for (const [key, count] of b) if (!a.has(key)) distance += count;
  return distance;
}

/** Whether `outer` holds every respondent of `inner` (multiset containment). */
export function containsSet(outer: RespondentSet, inner: RespondentSet): boolean {
  for (const [key, count] of inner) if ((outer.get(key) ?? 0) < count) return false;
  return true;
}

/** Whether two sets share no atom. */
export function disjointSets(a: RespondentSet, b: RespondentSet): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small.keys()) if (large.has(key)) return false;
  return true;
}
