import { regularizedIncompleteBeta } from './incompleteBeta';
import { logBeta } from './logBeta';
import { normalCdf } from './normalCdf';

/** Beyond this |t|/√ν, ν/(ν + t²) would underflow: the tail is taken from its leading term. */
const FAR_TAIL = 1e150;

/**
 * Twice the upper tail of Student's t beyond |t| (the two-sided p of t), I_x(ν/2, ½) with
 * x = ν/(ν + t²). x and 1 − x = t²/(ν + t²) are both formed from the smaller of t²/ν and ν/t², so
 * neither is a difference and neither overflows. Where x would underflow (|t|/√ν > 1e150) the
 * continued fraction is 1 to the last digit and I_x(a, ½) = xᵃ/(a·B(a, ½)), taken in logarithms.
 */
export function twoSidedTail(t: number, df: number): number {
  const scaled = Math.abs(t) / Math.sqrt(df);
  if (scaled > FAR_TAIL) {
    const a = df / 2;
    return Math.exp(-2 * a * Math.log(scaled) - Math.log(a) - logBeta(a, 0.5));
  }
  if (scaled > 1) {
    const inverseSquare = 1 / (scaled * scaled);
    return regularizedIncompleteBeta(inverseSquare / (1 + inverseSquare), df / 2, 0.5, 1 / (1 + inverseSquare));
  }
  const square = scaled * scaled;
  return regularizedIncompleteBeta(1 / (1 + square), df / 2, 0.5, square / (1 + square));
}

/**
 * Cumulative distribution function of Student's t distribution with `df` degrees of freedom
 * (any real df > 0), through the regularized incomplete beta function:
 * P(T ≤ −|t|) = ½·I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1, 26.5.27), evaluated by its
 * continued fraction (Numerical Recipes §6.4) with a Lanczos/Stirling ln B. The lower tail keeps
 * its relative accuracy; the upper tail is 1 minus it. df = ∞ is the standard normal (the limit);
 * NaN for a NaN argument or df ≤ 0.
 */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (df === Infinity) return normalCdf(t, 0, 1);
  if (t === 0) return 0.5;
  const lowerTail = twoSidedTail(t, df) / 2;
  return t < 0 ? lowerTail : 1 - lowerTail;
}
