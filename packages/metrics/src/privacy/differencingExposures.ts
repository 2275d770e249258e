import type { EmployeePulse } from '@kizuna/model';
import type { ExGroupResult } from './exResults';
import { findRevealedPopulation } from './linearAudit';
import { maximalCliques } from './maximalCliques';
import {
  containsSet,
  disjointSets,
  respondentDistance,
  respondentSetOf,
  respondentTotal,
  type RespondentSet,
} from './respondentSet';

/** A way to compute the figures of 1…k−1 respondents from shown results. Audit data: never display. */
export interface DifferencingExposure {
  /**
   * `cell`: a shown result itself; `containment`: A minus B, B inside A; `overlap`: A and B differ
   * by a few respondents on both sides; `remainder`: P minus disjoint shown groups inside P;
   * `linear`: any other sum-and-difference (`respondents` 0 when the search gave up).
   */
  readonly kind: 'cell' | 'containment' | 'overlap' | 'remainder' | 'linear';
  readonly groupIds: readonly string[];
  readonly respondents: number;
}

interface Shown {
  readonly id: string;
  readonly set: RespondentSet;
  readonly n: number;
}

function pairExposures(shown: readonly Shown[], k: number): DifferencingExposure[] {
  const found: DifferencingExposure[] = [];
  shown.forEach((a, i) => {
    for (const b of shown.slice(i + 1)) {
      const distance = respondentDistance(a.set, b.set);
      if (distance < 1 || distance >= k) continue;
      const nested = containsSet(a.set, b.set) || containsSet(b.set, a.set);
      found.push({ kind: nested ? 'containment' : 'overlap', groupIds: [a.id, b.id], respondents: distance });
    }
  });
  return found;
}

/** P minus every maximal family of pairwise-disjoint shown groups strictly inside P. */
function remainderExposures(shown: readonly Shown[], k: number): DifferencingExposure[] {
  const found: DifferencingExposure[] = [];
  for (const parent of shown) {
    const inside = shown.filter(
      (other, index) =>
        containsSet(parent.set, other.set) &&
        respondentDistance(parent.set, other.set) > 0 &&
        shown.findIndex((first) => respondentDistance(first.set, other.set) === 0) === index,
    );
    const adjacent = (a: number, b: number) => {
      const first = inside[a];
      const second = inside[b];
      return first !== undefined && second !== undefined && disjointSets(first.set, second.set);
    };
    for (const clique of maximalCliques(inside.length, adjacent)) {
      const family = clique.flatMap((index) => inside[index] ?? []);
      const remainder = family.reduce((left, member) => left - member.n, parent.n);
      if (remainder >= 1 && remainder < k) {
        found.push({ kind: 'remainder', groupIds: [parent.id, ...family.map((m) => m.id)], respondents: remainder });
      }
    }
  }
  return found;
}

function linearExposures(shown: readonly Shown[], k: number): DifferencingExposure[] {
  const audit = findRevealedPopulation(
    shown.map((result) => result.set),
    k,
  );
  if (audit.kind === 'safe') return [];
  if (audit.kind === 'undetermined') return [{ kind: 'linear', groupIds: [], respondents: 0 }];
  const atoms = new Set(audit.population.atoms);
  const touching = shown.filter((result) => [...result.set.keys()].some((atom) => atoms.has(atom)));
  return [{ kind: 'linear', groupIds: touching.map((r) => r.id), respondents: audit.population.respondents }];
}

/**
 * The invariant the privacy rules keep, checked from scratch: every way the shown results let
 * someone compute a population of 1…k−1 respondents. Empty means safe. Checks each shown result
 * (cell), every pair — one inside the other, or overlapping — (|A Δ B| must be 0 or ≥ k), every
 * shown parent minus every maximal family of disjoint shown groups inside it (covers siblings and
 * unions of disjoint groups), and finally any integer combination (linear audit).
 * Results from several requests may be passed together (e.g. everything one user saw).
 */
export function differencingExposures(
  results: readonly ExGroupResult[],
  pulses: readonly EmployeePulse[],
  k: number,
): DifferencingExposure[] {
  const atoms = respondentSetOf(pulses);
  const shown: Shown[] = results.flatMap((result) => {
    if (result.status !== 'shown') return [];
    const set = new Map(result.members.flatMap((member) => {
      const n = atoms.get(member);
      return n === undefined ? [] : [[member, n] as const];
    }));
    return [{ id: result.id, set, n: respondentTotal(set) }];
  });
  const cells: DifferencingExposure[] = shown
    .filter((result) => result.n < k)
    .map((result) => ({ kind: 'cell', groupIds: [result.id], respondents: result.n }));
  return [...cells, ...pairExposures(shown, k), ...remainderExposures(shown, k), ...linearExposures(shown, k)];
}
