import type { RespondentSet } from '../respondentSet';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Exact rank of an integer matrix (fraction-free elimination in BigInt, rows kept primitive). */
export function exactRank(matrix: readonly (readonly number[])[]): number {
  const rows = matrix.map((row) => row.map(BigInt));
  const columns = rows[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < columns && rank < rows.length; c += 1) {
    const found = rows.findIndex((row, i) => i >= rank && (row[c] ?? 0n) !== 0n);
    if (found < 0) continue;
    const pivot = rows[found] ?? [];
    rows[found] = rows[rank] ?? [];
    rows[rank] = pivot;
    for (let i = rank + 1; i < rows.length; i += 1) {
      const row = rows[i] ?? [];
      const factor = row[c] ?? 0n;
      if (factor === 0n) continue;
      const next = row.map((value, j) => value * (pivot[c] ?? 0n) - factor * (pivot[j] ?? 0n));
      const divisor = next.reduce((g, value) => gcd(g, value), 0n);
      rows[i] = divisor > 1n ? next.map((value) => value / divisor) : next;
    }
    rank += 1;
  }
  return rank;
}

/**
 * Independent oracle for the linear audit: every union of indistinguishable atom classes with
 * 1…k−1 respondents whose indicator lies in the row space (rank test in exact arithmetic).
 */
export function exactlyRevealedSmallPopulations(rows: readonly RespondentSet[], k: number): string[][] {
  const classes = new Map<string, { atoms: string[]; n: number }>();
  const atoms = new Set(rows.flatMap((row) => [...row.keys()]));
  for (const atom of atoms) {
    const signature = rows.map((row) => (row.has(atom) ? '1' : '0')).join('');
    const entry = classes.get(signature) ?? { atoms: [], n: 0 };
    entry.atoms.push(atom);
    entry.n += Math.max(...rows.map((row) => row.get(atom) ?? 0));
    classes.set(signature, entry);
  }
  const list = [...classes.entries()];
  const matrix = rows.map((_, r) => list.map(([signature]) => (signature[r] === '1' ? 1 : 0)));
  const base = exactRank(matrix);
  const small = list.map(([, entry], index) => ({ index, ...entry })).filter((entry) => entry.n < k);
  const found: string[][] = [];
  const visit = (start: number, chosen: readonly number[], total: number): void => {
    for (let i = start; i < small.length; i += 1) {
      const entry = small[i];
      if (entry === undefined || total + entry.n >= k) continue;
      const next = [...chosen, entry.index];
      const indicator = list.map((_, c) => (next.includes(c) ? 1 : 0));
      if (exactRank([...matrix, indicator]) === base) found.push(next.flatMap((c) => list[c]?.[1].atoms ?? []));
      visit(i + 1, next, total + entry.n);
    }
  };
  visit(0, [], 0);
  return found;
}
