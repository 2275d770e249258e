import { nullSpaceCoordinates } from './nullSpaceCoordinates';
import type { RespondentSet } from './respondentSet';

/** A population an observer can compute exactly from the shown results. Audit data: never display. */
export interface RevealedPopulation {
  /** Atom keys (`teamId@period`), sorted. */
  readonly atoms: readonly string[];
  readonly respondents: number;
}

export type LinearAudit =
  | { readonly kind: 'safe' }
  | { readonly kind: 'revealed'; readonly population: RevealedPopulation }
  /** The search hit its budget before finishing: treat as unsafe. */
  | { readonly kind: 'undetermined' };

export interface LinearAuditOptions {
  /** Called for each revealed population found; return false to keep searching. Default: accept. */
  readonly accept?: (population: RevealedPopulation) => boolean;
  /** Subsets examined before giving up; default 200,000. */
  readonly budget?: number;
}

interface AtomClass {
  readonly atoms: string[];
  respondents: number;
  readonly rows: ReadonlySet<number>;
}

/**
 * Atoms in exactly the same shown results can never be told apart, so they form one class; the
 * incidence matrix has one row per result and one column per class.
 */
function atomClasses(rows: readonly RespondentSet[]): { classes: AtomClass[]; matrix: number[][] } {
  const membership = new Map<string, { rows: number[]; respondents: number }>();
  rows.forEach((row, index) => {
    for (const [atom, respondents] of row) {
      const entry = membership.get(atom) ?? { rows: [], respondents: 0 };
      entry.rows.push(index);
      entry.respondents = Math.max(entry.respondents, respondents);
      membership.set(atom, entry);
    }
  });
  const bySignature = new Map<string, AtomClass>();
  for (const [atom, entry] of membership) {
    const signature = entry.rows.join(',');
    const found = bySignature.get(signature);
    if (found) {
      found.atoms.push(atom);
      found.respondents += entry.respondents;
    } else {
      bySignature.set(signature, { atoms: [atom], respondents: entry.respondents, rows: new Set(entry.rows) });
    }
  }
  const classes = [...bySignature.values()];
  const matrix = rows.map((_, index) => classes.map((atomClass) => (atomClass.rows.has(index) ? 1 : 0)));
  return { classes, matrix };
}

const zeroTolerance = 1e-7;

function isZero(vector: readonly number[]): boolean {
  return vector.every((value) => Math.abs(value) < zeroTolerance);
}

function addInto(sum: readonly number[], add: readonly number[] | undefined): number[] {
  return sum.map((value, j) => value + (add?.[j] ?? 0));
}

function populationOf(classes: readonly AtomClass[], chosen: readonly number[]): RevealedPopulation {
  const picked = chosen.flatMap((index) => classes[index] ?? []);
  return {
    atoms: picked.flatMap((atomClass) => atomClass.atoms).sort(),
    respondents: picked.reduce((total, atomClass) => total + atomClass.respondents, 0),
  };
}

/**
 * Searches for a population of 1…k−1 respondents whose figures follow from the shown results by
 * sums and differences (any integer combination: a parent minus its shown children, a year minus
 * three quarters, three overlapping segment groups A + B − C …). Exact over the rationals up to
 * floating-point tolerance; depth-first over classes smaller than k, cheapest first.
 */
export function findRevealedPopulation(
  rows: readonly RespondentSet[],
  k: number,
  options: LinearAuditOptions = {},
): LinearAudit {
  const { classes, matrix } = atomClasses(rows);
  const coordinates = nullSpaceCoordinates(matrix, classes.length);
  const small = classes
    .map((atomClass, index) => ({ index, respondents: atomClass.respondents }))
    .filter((entry) => entry.respondents < k)
    .sort((a, b) => a.respondents - b.respondents);
  const accept = options.accept ?? (() => true);
  const budget = options.budget ?? 200_000;
  const nullity = coordinates[0]?.length ?? 0;
  const chosen: number[] = [];
  let visited = 0;
  const search = (start: number, sum: readonly number[], total: number): LinearAudit | undefined => {
    for (let i = start; i < small.length; i += 1) {
      const candidate = small[i];
      if (candidate === undefined || total + candidate.respondents >= k) break;
      visited += 1;
      if (visited > budget) return { kind: 'undetermined' };
      const next = addInto(sum, coordinates[candidate.index]);
      chosen.push(candidate.index);
      const population = isZero(next) ? populationOf(classes, chosen) : undefined;
      if (population && accept(population)) return { kind: 'revealed', population };
      const deeper = search(i + 1, next, total + candidate.respondents);
      if (deeper) return deeper;
      chosen.pop();
    }
    return undefined;
  };
  return search(0, new Array<number>(nullity).fill(0), 0) ?? { kind: 'safe' };
}

/** Whether these exact atoms' combined figures follow from the rows by sums and differences. */
export function revealsAtoms(rows: readonly RespondentSet[], atoms: readonly string[]): boolean {
  const target = new Set(atoms);
  if (target.size === 0) return true;
  const { classes, matrix } = atomClasses(rows);
  const coordinates = nullSpaceCoordinates(matrix, classes.length);
  let sum = new Array<number>(coordinates[0]?.length ?? 0).fill(0);
  let covered = 0;
  for (const [index, atomClass] of classes.entries()) {
    const inside = atomClass.atoms.filter((atom) => target.has(atom)).length;
    if (inside === 0) continue;
    if (inside < atomClass.atoms.length) return false;
    covered += inside;
    sum = addInto(sum, coordinates[index]);
  }
  return covered === target.size && isZero(sum);
}
