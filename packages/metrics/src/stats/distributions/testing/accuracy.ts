/** |actual − expected| relative to |expected|; 0 when they are equal (both infinite included). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * The points of a grid where `actual` misses `expected` by more than `relative` (or, where the
 * expected value is below `floor` in magnitude, by more than `floor` absolutely), as readable
 * lines: an empty list means every point agrees.
 */
export function misses(
  points: readonly number[],
  actual: (point: number) => number,
  expected: (point: number) => number,
  { relative, floor = 0, label = 'at' }: { readonly relative: number; readonly floor?: number; readonly label?: string },
): string[] {
  return points.flatMap((point) => {
    const got = actual(point);
    const want = expected(point);
    const ok = Math.abs(want) < floor ? Math.abs(got - want) <= floor : relativeError(got, want) <= relative;
    return ok ? [] : [`${label} ${point}: ${got} ≠ ${want}`];
  });
}

/** Degrees of freedom every Student-t check runs over: small, non-integer, the t/normal switch of tables, huge. */
export const dfGrid: readonly number[] = [1, 1.5, 2, 3, 5, 10, 29.5, 30, 100, 1e4, 1e7];

/** Probabilities from 1e-12 to 1 − 1e-12: quarter decades in the tails, steps of 0.01 between 0.1 and 0.9. */
export const probabilityGrid: readonly number[] = (() => {
  const lower: number[] = [];
  for (let exponent = -12; exponent < -1; exponent += 0.25) lower.push(10 ** exponent);
  for (let step = 10; step < 50; step += 1) lower.push(step / 100);
  return [...lower, 0.5, ...lower.map((p) => 1 - p).reverse()];
})();

/** Arguments from −40 to 40 in steps of 0.0731, and ±10^k for k = −3 … 12 by half decades. */
export const argumentGrid: readonly number[] = (() => {
  const points: number[] = [];
  for (let step = -547; step <= 547; step += 1) points.push(step * 0.0731);
  for (let exponent = -3; exponent <= 12; exponent += 0.5) points.push(10 ** exponent, -(10 ** exponent));
  return points;
})();

/**
 * P(|T| ≤ t) for Student's t with an integer number of degrees of freedom, from the finite sums of
 * Abramowitz & Stegun 26.7.3 (odd ν) and 26.7.4 (even ν) in θ = atan(|t|/√ν): an independent
 * closed form, accurate in relative terms for small t.
 */
export function centralTProbability(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const cosSquared = Math.cos(theta) ** 2;
  let term = 1;
  let sum = 1;
  if (df % 2 === 0) {
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * cosSquared;
      sum += term;
    }
    return Math.sin(theta) * sum;
  }
  if (df === 1) return (2 * theta) / Math.PI;
  for (let k = 3; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * cosSquared;
    sum += term;
  }
  return (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum);
}
