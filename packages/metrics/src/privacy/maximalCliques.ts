/**
 * Every maximal clique of a small undirected graph on vertices 0…size−1 (Bron–Kerbosch with
 * pivoting). Throws when there are more than `limit`: it is meant for audits of a few dozen
 * results, where the count stays small.
 */
export function maximalCliques(
  size: number,
  adjacent: (a: number, b: number) => boolean,
  limit = 20_000,
): number[][] {
  const cliques: number[][] = [];
  const expand = (clique: number[], candidates: number[], excluded: number[]): void => {
    if (candidates.length === 0 && excluded.length === 0) {
      cliques.push(clique);
      if (cliques.length > limit) throw new RangeError(`more than ${limit} maximal families to check`);
      return;
    }
    const pool = [...candidates, ...excluded];
    const degree = (u: number) => candidates.filter((v) => v !== u && adjacent(u, v)).length;
    const pivot = pool.reduce((best, u) => (degree(u) > degree(best) ? u : best), pool[0] ?? 0);
    let open = [...candidates];
    let closed = [...excluded];
    for (const v of candidates.filter((u) => u === pivot || !adjacent(pivot, u))) {
      const neighbours = (list: readonly number[]) => list.filter((u) => u !== v && adjacent(v, u));
      expand([...clique, v], neighbours(open), neighbours(closed));
      open = open.filter((u) => u !== v);
      closed = [...closed, v];
    }
  };
  expand(
    [],
    Array.from({ length: size }, (_, index) => index),
    [],
  );
  return cliques;
}
