import type { Interval } from '../nps';
import { wilsonInterval as wilson } from '../stats/wilsonInterval';

/**
 * The Wilson interval of the stats module, or `null` when there is nothing to estimate (n = 0).
 * Fractional counts are allowed, so an effective sample size (n / design effect) can be passed.
 */
export function wilsonIntervalOrNull(successes: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0)) return null;
  const { low, high } = wilson(successes, n, level);
  return { low, high, level };
}
