// Lanczos's approximation with P. Godfrey's coefficients for g = 607/128 and 15 terms, as in
// W. H. Press et al., Numerical Recipes, 3rd ed. (2007), §6.1 `gammln`; written as nearest doubles.
const SERIES_CONSTANT = 0.9999999999999971;
const SERIES = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5, 4.652362892704858e-5,
  -9.837447530487956e-5, 1.580887032249125e-4, -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4,
  8.441822398385275e-5, -2.6190838401581408e-5, 3.6899182659531625e-6,
];
/** g + ½. */
const SHIFT = 5.2421875;
/** √(2π) as the published routine rounds it. */
const SQRT_TWO_PI = 2.5066282746310007;

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (Godfrey's g = 607/128 coefficients, Numerical
 * Recipes 3rd ed. §6.1): absolute error a few units of 1e-15 near x = 1 and 2, relative error of
 * that order elsewhere. NaN for x ≤ 0 or NaN; +∞ at +∞.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Infinity) return Infinity;
  const base = x + SHIFT;
  const series = SERIES.reduce((sum, coefficient, index) => sum + coefficient / (x + index + 1), SERIES_CONSTANT);
  return (x + 0.5) * Math.log(base) - base + Math.log((SQRT_TWO_PI * series) / x);
}
