import { normalCdf } from './distributions';

/** Two-sided p-value of a standard-normal test statistic: 2·Φ(−|z|). */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('z must be a number');
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}
