import { findRevealedPopulation, revealsAtoms } from './linearAudit';
import type { SuppressionRule } from './privacyPolicy';
import { containsSet, disjointSets, respondentDistance, type RespondentSet } from './respondentSet';

/** One result in play: a requested group, or one the user was shown before (from the ledger). */
export interface Candidate {
  readonly set: RespondentSet;
  readonly respondents: number;
  /** Already shown (ledger): it constrains the others but cannot be withdrawn. */
  readonly frozen: boolean;
}

interface Violation {
  readonly victim: number;
  readonly rule: SuppressionRule;
}

interface State {
  readonly candidates: readonly Candidate[];
  readonly k: number;
  readonly shown: boolean[];
  /** distance[i][j] = |set_i Δ set_j|; contains[i][j] = set_i ⊇ set_j; disjoint[i][j]. */
  readonly distance: readonly (readonly number[])[];
  readonly contains: readonly (readonly boolean[])[];
  readonly disjoint: readonly (readonly boolean[])[];
}

const at = <T>(table: readonly (readonly T[])[], i: number, j: number, fallback: T): T => table[i]?.[j] ?? fallback;

function relations(candidates: readonly Candidate[]) {
  const table = <T>(f: (a: RespondentSet, b: RespondentSet) => T) =>
    candidates.map((a) => candidates.map((b) => f(a.set, b.set)));
  return { distance: table(respondentDistance), contains: table(containsSet), disjoint: table(disjointSets) };
}

function respondentsOf(state: State, index: number): number {
  return state.candidates[index]?.respondents ?? 0;
}

function isFrozen(state: State, index: number): boolean {
  return state.candidates[index]?.frozen ?? false;
}

/** Smaller first; among equals the later one, so the earlier-requested result survives. */
function bySmallerThenLater(state: State): (a: number, b: number) => number {
  return (a, b) => respondentsOf(state, a) - respondentsOf(state, b) || b - a;
}

/** Pairwise rule: two shown results must differ by 0 or at least k respondents. */
function pairViolation(state: State): Violation | undefined {
  const { shown, k } = state;
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) {
      const distance = at(state.distance, i, j, 0);
      if (!shown[i] || !shown[j] || distance < 1 || distance >= k) continue;
      const victim = [i, j].sort(bySmallerThenLater(state)).find((index) => !isFrozen(state, index));
      if (victim === undefined) continue;
      const nested = at(state.contains, i, j, false) || at(state.contains, j, i, false);
      const rule = isFrozen(state, i) || isFrozen(state, j) ? 'history' : nested ? 'complement' : 'overlap';
      return { victim, rule };
    }
  }
  return undefined;
}

/** The shown results strictly inside `parent` that no other such result strictly contains. */
function maximalChildren(state: State, parent: number, shown: readonly boolean[]): number[] {
  const strictlyInside = (outer: number, inner: number) =>
    outer !== inner && at(state.contains, outer, inner, false) && at(state.distance, outer, inner, 0) > 0;
  const children = shown.flatMap((isShown, j) => (isShown && strictlyInside(parent, j) ? [j] : []));
  const maximal = children.filter((child) => !children.some((other) => strictlyInside(other, child)));
  return maximal.filter((child, position) =>
    maximal.slice(0, position).every((earlier) => at(state.distance, earlier, child, 0) > 0),
  );
}

/**
 * The parent's respondents not covered by its shown subgroups, when those subgroups are disjoint
 * (a hierarchy); `undefined` when they overlap (the linear audit covers that case).
 */
function remainderOf(state: State, parent: number, shown: readonly boolean[]): number | undefined {
  if (!shown[parent]) return undefined;
  const children = maximalChildren(state, parent, shown);
  for (const [position, a] of children.entries()) {
    for (const b of children.slice(position + 1)) if (!at(state.disjoint, a, b, false)) return undefined;
  }
  return children.reduce((left, child) => left - respondentsOf(state, child), respondentsOf(state, parent));
}

const exposes = (remainder: number | undefined, k: number) => remainder !== undefined && remainder >= 1 && remainder < k;

/**
 * Sibling rule (remainder rule): a shown parent minus its shown subgroups must leave 0 or at least
 * k respondents. Otherwise hide the smallest subgroup whose hiding fixes it (PeopleCues' "next
 * smallest sibling"), else the parent.
 */
function remainderViolation(state: State): Violation | undefined {
  const { shown, k } = state;
  for (let parent = 0; parent < shown.length; parent += 1) {
    if (!exposes(remainderOf(state, parent, shown), k)) continue;
    const children = maximalChildren(state, parent, shown);
    const options = [...children.sort(bySmallerThenLater(state)), parent].filter((index) => !isFrozen(state, index));
    const fixes = (index: number) => !exposes(remainderOf(state, parent, shown.map((s, j) => s && j !== index)), k);
    const victim = options.find(fixes) ?? options[0];
    if (victim === undefined) continue;
    const history = [parent, ...children].some((index) => isFrozen(state, index));
    return { victim, rule: history ? 'history' : 'sibling' };
  }
  return undefined;
}

/** General rule: no integer combination of shown results may reveal a population of 1…k−1. */
function linearViolation(state: State): Violation | undefined {
  const shownIndices = state.shown.flatMap((isShown, index) => (isShown ? [index] : []));
  const setsOf = (indices: readonly number[]) => indices.flatMap((index) => state.candidates[index]?.set ?? []);
  const frozenRows = setsOf(shownIndices.filter((index) => isFrozen(state, index)));
  const audit = findRevealedPopulation(setsOf(shownIndices), state.k, {
    // A population the earlier results already revealed on their own cannot be taken back.
    accept: (population) => frozenRows.length === 0 || !revealsAtoms(frozenRows, population.atoms),
  });
  if (audit.kind === 'safe') return undefined;
  const options = shownIndices.filter((index) => !isFrozen(state, index)).sort(bySmallerThenLater(state));
  if (audit.kind === 'undetermined') {
    const victim = options[0];
    return victim === undefined ? undefined : { victim, rule: 'linear' };
  }
  const atoms = audit.population.atoms;
  const without = (index: number) => setsOf(shownIndices.filter((other) => other !== index));
  const victim = options.find((index) => !revealsAtoms(without(index), atoms)) ?? options[0];
  if (victim === undefined) return undefined;
  const freshOnly = revealsAtoms(setsOf(options), atoms);
  return { victim, rule: freshOnly ? 'linear' : 'history' };
}

/**
 * Secondary suppression to a fixed point. Starting from the primary suppressions (`initial`),
 * hides one more result at a time — the first violation of the pairwise, sibling and linear rules,
 * in that order — until none is left. Hiding never creates a new way to compute something, so the
 * loop only moves towards safety and ends after at most one step per result.
 */
export function settleSuppression(
  candidates: readonly Candidate[],
  initial: ReadonlyMap<number, SuppressionRule>,
  k: number,
): Map<number, SuppressionRule> {
  const suppressed = new Map(initial);
  const state: State = {
    candidates,
    k,
    shown: candidates.map((candidate, index) => candidate.frozen || !suppressed.has(index)),
    ...relations(candidates),
  };
  for (;;) {
    const violation = pairViolation(state) ?? remainderViolation(state) ?? linearViolation(state);
    if (violation === undefined) return suppressed;
    suppressed.set(violation.victim, violation.rule);
    state.shown[violation.victim] = false;
  }
}
