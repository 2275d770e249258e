import { logGamma } from './logGamma';

/** From here on Stirling's series is used, the sum of Lanczos log-gammas would cancel. */
const STIRLING_FROM = 10;
const HALF_LOG_TWO_PI = 0.9189385332046728;

/**
 * δ(x) = ln Γ(x) − [(x − ½)·ln x − x + ½·ln 2π], by Stirling's series
 * Σ B₂ₖ / (2k(2k − 1)·x²ᵏ⁻¹) to the x⁻¹³ term: below 1e-16 absolutely for x ≥ 10.
 */
function stirlingCorrection(x: number): number {
  const inverseSquare = 1 / (x * x);
  const series = [1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];
  return series.reduce((sum, coefficient) => sum * inverseSquare + coefficient, 0) / x;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. Below 10 from Lanczos log-gammas;
 * from 10 on the large log-gammas are written as Stirling's series and combined term by term
 * (with log1p), so that ln B keeps its absolute accuracy when a or b is large (a = 5e6, b = ½ in a
 * Student t with 1e7 degrees of freedom), where ln Γ(a) − ln Γ(a + b) would lose nine digits.
 * NaN unless both are positive.
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large === Infinity) return -Infinity;
  const sum = small + large;
  if (large < STIRLING_FROM) return logGamma(small) + logGamma(large) - logGamma(sum);
  const correction = stirlingCorrection(large) - stirlingCorrection(sum);
  if (small < STIRLING_FROM) {
    // ln Γ(large) − ln Γ(large + small) = −(large − ½)·ln(1 + small/large) − small·ln(sum) + small + δ…
    return logGamma(small) - (large - 0.5) * Math.log1p(small / large) - small * Math.log(sum) + small + correction;
  }
  // (a − ½)·ln(a/(a + b)) + (b − ½)·ln(b/(a + b)) − ½·ln(a + b) + ½·ln 2π + δ(a) + δ(b) − δ(a + b)
  return (
    HALF_LOG_TWO_PI -
    0.5 * Math.log(sum) -
    (large - 0.5) * Math.log1p(small / large) +
    (small - 0.5) * Math.log(small / sum) +
    stirlingCorrection(small) +
    correction
  );
}
