import { normalQuantile } from './stats/distributions';

/** Two-sided critical value of the standard normal for a confidence level, e.g. 0.95 → 1.95996. */
export function criticalZ(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}
