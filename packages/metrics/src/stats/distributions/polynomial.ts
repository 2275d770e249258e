/**
 * Value of a polynomial by Horner's rule, coefficients from the highest power down:
 * `polynomial([2, 0, 1], x)` is 2x² + 1.
 */
export function polynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);
}
