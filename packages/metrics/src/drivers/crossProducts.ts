/**
 * Running sums from which means, variances and covariances of a few columns follow: n, Σv and
 * Σvvᵀ. Summing them per cluster once lets a bootstrap resample clusters by adding a handful of
 * small arrays instead of revisiting every row.
 */
export interface CrossProducts {
  readonly width: number;
  n: number;
  readonly sums: Float64Array;
  /** Row-major width × width. */
  readonly products: Float64Array;
}

export function emptyCrossProducts(width: number): CrossProducts {
  return { width, n: 0, sums: new Float64Array(width), products: new Float64Array(width * width) };
}

/** Adds one row (length `width`). Centre columns beforehand to keep the sums well conditioned. */
export function addRow(target: CrossProducts, row: ArrayLike<number>): void {
  const { width, sums, products } = target;
  target.n += 1;
  for (let i = 0; i < width; i += 1) {
    const a = row[i] ?? 0;
    sums[i] = (sums[i] ?? 0) + a;
    for (let j = 0; j < width; j += 1) products[i * width + j] = (products[i * width + j] ?? 0) + a * (row[j] ?? 0);
  }
}

/** target += source (same width). */
export function addCrossProducts(target: CrossProducts, source: CrossProducts): void {
  target.n += source.n;
  for (let i = 0; i < target.sums.length; i += 1) target.sums[i] = (target.sums[i] ?? 0) + (source.sums[i] ?? 0);
  for (let i = 0; i < target.products.length; i += 1) {
    target.products[i] = (target.products[i] ?? 0) + (source.products[i] ?? 0);
  }
}

/** Sample covariance matrix (divisor n − 1) of the columns listed in `columns` (all by default). */
export function covarianceMatrix(cp: CrossProducts, columns?: readonly number[]): number[][] {
  const picked = columns ?? Array.from({ length: cp.width }, (_, i) => i);
  const { n, width, sums, products } = cp;
  return picked.map((i) =>
    picked.map((j) => {
      const centred = (products[i * width + j] ?? 0) - ((sums[i] ?? 0) * (sums[j] ?? 0)) / n;
      return centred / (n - 1);
    }),
  );
}

/** Correlation matrix from a covariance matrix; `null` when a column has no variance. */
export function correlationFromCovariance(covariance: readonly (readonly number[])[]): number[][] | null {
  const sd = covariance.map((row, i) => Math.sqrt(row[i] ?? 0));
  if (sd.some((value) => !(value > 0))) return null;
  return covariance.map((row, i) => row.map((value, j) => value / ((sd[i] ?? 1) * (sd[j] ?? 1))));
}
