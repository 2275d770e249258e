import { erfc } from './erfc';

/**
 * Cumulative distribution function of the normal distribution with the given mean and standard
 * deviation: Φ((x − mean)/sd) = ½·erfc(−(x − mean)/(sd·√2)), with Cody's erfc, so that the lower
 * tail keeps its relative accuracy (Φ(−37) ≈ 5.7e-300). NaN for a NaN argument or a negative sd;
 * sd = 0 is the point mass at the mean (0 below it, 1 from it on).
 */
export function normalCdf(x: number, mean: number, sd: number): number {
  if (Number.isNaN(x) || Number.isNaN(mean) || Number.isNaN(sd) || sd < 0) return Number.NaN;
  if (sd === 0) return x < mean ? 0 : 1;
  return 0.5 * erfc(-(x - mean) / (sd * Math.SQRT2));
}
