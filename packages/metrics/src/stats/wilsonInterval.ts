import type { Interval } from '../nps';
import { criticalZ } from '../normalQuantile';

export interface ProportionInterval extends Interval {
  /** The observed share successes / n, 0–1. */
  readonly estimate: number;
}

/**
 * Wilson score interval for a proportion (analytics.md 1.4), on the 0–1 scale. It stays inside
 * [0, 1] and keeps its coverage at small n: 8 satisfied of 10 → [0.490, 0.943].
 * `successes` may be fractional (e.g. counts divided by a design effect).
 * Throws `RangeError` for impossible input (n ≤ 0, successes outside 0…n): callers check for empty
 * groups first and report them as `no_data`.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`n must be positive (got ${n})`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes must be within 0…${n} (got ${successes})`);
  const z = criticalZ(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return {
    estimate: p,
    low: Math.max(0, Math.min(p, centre - half)),
    high: Math.min(1, Math.max(p, centre + half)),
    level,
  };
}
