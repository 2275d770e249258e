import { logBeta } from './logBeta';

const LOG_SQRT_TWO_PI = 0.9189385332046728;

/** ln(1 + s²) without overflow for large s. */
function logOnePlusSquare(s: number): number {
  return s < 1e150 ? Math.log1p(s * s) : 2 * Math.log(s);
}

/**
 * Natural logarithm of the density of Student's t distribution with `df` degrees of freedom:
 * −((ν + 1)/2)·ln(1 + t²/ν) − ½·ln ν − ln B(ν/2, ½), with ln B from `logBeta` so that it stays
 * accurate for large ν, and finite far beyond where the density itself underflows.
 * df = ∞ is the standard normal; NaN for a NaN argument or df ≤ 0.
 */
export function tLogDensity(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (df === Infinity) return -0.5 * t * t - LOG_SQRT_TWO_PI;
  return -((df + 1) / 2) * logOnePlusSquare(Math.abs(t) / Math.sqrt(df)) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5);
}

/** Probability density of Student's t distribution with `df` degrees of freedom (see `tLogDensity`). */
export function tDensity(t: number, df: number): number {
  return Math.exp(tLogDensity(t, df));
}
