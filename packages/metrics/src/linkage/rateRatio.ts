import { criticalZ } from '../normalQuantile';
import type { Interval } from '../nps';

export interface RateRatio {
  /** Rate in the exposed group over the rate in the comparison group. */
  readonly ratio: number;
  /** Log-method (Katz) interval; 0.5 is added to every cell when one has no events. */
  readonly interval: Interval;
  readonly exposed: { readonly n: number; readonly events: number };
  readonly comparison: { readonly n: number; readonly events: number };
}

/** Ratio of two event rates with its log-method confidence interval; `null` when a group is empty. */
export function rateRatio(
  exposed: { readonly n: number; readonly events: number },
  comparison: { readonly n: number; readonly events: number },
  level = 0.95,
): RateRatio | null {
  if (exposed.n === 0 || comparison.n === 0) return null;
  const correction = exposed.events === 0 || comparison.events === 0 ? 0.5 : 0;
  const [a, n1] = [exposed.events + correction, exposed.n + 2 * correction];
  const [c, n2] = [comparison.events + correction, comparison.n + 2 * correction];
  const ratio = a / n1 / (c / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  const margin = criticalZ(level) * se;
  return {
    ratio,
    interval: { low: ratio * Math.exp(-margin), high: ratio * Math.exp(margin), level },
    exposed,
    comparison,
  };
}
