/** Entries smaller than this are zero: the matrices here hold 0/1 incidences, so values stay tame. */
export const tolerance = 1e-9;

function entry(row: readonly number[] | undefined, column: number): number {
  return row?.[column] ?? 0;
}

function swap(rows: number[][], a: number, b: number): void {
  const first = rows[a];
  const second = rows[b];
  if (first === undefined || second === undefined) return;
  rows[a] = second;
  rows[b] = first;
}

function pivotRowFor(rows: readonly number[][], column: number, from: number): number | undefined {
  let best: number | undefined;
  let bestSize = tolerance;
  for (let i = from; i < rows.length; i += 1) {
    const size = Math.abs(entry(rows[i], column));
    if (size > bestSize) {
      best = i;
      bestSize = size;
    }
  }
  return best;
}

function eliminate(rows: number[][], pivotIndex: number, column: number): void {
  const pivot = rows[pivotIndex];
  if (pivot === undefined) return;
  const scale = entry(pivot, column);
  for (let j = 0; j < pivot.length; j += 1) pivot[j] = entry(pivot, j) / scale;
  rows.forEach((row, i) => {
    const factor = entry(row, column);
    if (i === pivotIndex || Math.abs(factor) <= tolerance) return;
    for (let j = 0; j < row.length; j += 1) {
      const value = entry(row, j) - factor * entry(pivot, j);
      row[j] = Math.abs(value) <= tolerance ? 0 : value;
    }
  });
}

/**
 * Coordinates of every column in a basis of the matrix's null space {z : Mz = 0}: one vector of
 * length d (the nullity) per column. A 0/1 vector x is in the row space of M exactly when
 * Σ x_c · z_c = 0, so a set of columns is revealed by sums and differences of the rows exactly
 * when its columns' coordinates sum to zero. Gauss–Jordan elimination with partial pivoting.
 */
export function nullSpaceCoordinates(matrix: readonly (readonly number[])[], columns: number): number[][] {
  const rows = matrix.map((row) => Array.from({ length: columns }, (_, j) => entry(row, j)));
  const pivotOf = new Map<number, number>();
  let next = 0;
  for (let column = 0; column < columns && next < rows.length; column += 1) {
    const found = pivotRowFor(rows, column, next);
    if (found === undefined) continue;
    swap(rows, next, found);
    eliminate(rows, next, column);
    pivotOf.set(column, next);
    next += 1;
  }
  const free: number[] = [];
  for (let column = 0; column < columns; column += 1) if (!pivotOf.has(column)) free.push(column);
  return Array.from({ length: columns }, (_, column) => {
    const row = pivotOf.get(column);
    if (row === undefined) return free.map((f) => (f === column ? 1 : 0));
    return free.map((f) => -entry(rows[row], f));
  });
}
