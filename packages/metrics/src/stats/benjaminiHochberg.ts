export interface BenjaminiHochbergResult {
  /** BH-adjusted p-values ("q-values"), in the order of the input. */
  readonly adjusted: readonly number[];
  /** Whether each hypothesis is rejected at the false discovery rate `q`. */
  readonly rejected: readonly boolean[];
  readonly q: number;
}

/**
 * Benjamini–Hochberg step-up procedure (analytics.md 1.2): sort the m p-values, reject up to the
 * largest k with p₍ₖ₎ ≤ k·q/m. Adjusted p-values are p̃₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j),
 * so they are monotone in p, never below the raw p, and a hypothesis is rejected exactly when
 * its adjusted p is ≤ q. Controls the false discovery rate at q for independent or positively
 * dependent tests.
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): BenjaminiHochbergResult {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be between 0 and 1 (got ${q})`);
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value ${i} must be within 0…1 (got ${p})`);
  });
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const entry = order[rank - 1];
    if (entry === undefined) continue;
    running = Math.min(running, (m / rank) * entry.p);
    // Never below the raw p (guards floating-point rounding; keeps monotonicity since both are sorted).
    adjusted[entry.index] = Math.max(entry.p, running);
  }
  return { adjusted, rejected: adjusted.map((value) => value <= q), q };
}
