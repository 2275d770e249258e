import { polynomial } from './polynomial';

// W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
// Computation 23 (1969), 631–637, as programmed in his SPECFUN routine CALERF (Argonne, 1990).
// Coefficients as published, written as their nearest doubles, highest power first.

/** erf(x) = x·N(x²)/D(x²) for |x| ≤ 0.46875. */
const SMALL_NUMERATOR = [0.18577770618460315, 3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694];
const SMALL_DENOMINATOR = [1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
/** erfc(x) = exp(−x²)·N(x)/D(x) for 0.46875 < x ≤ 4. */
const MIDDLE_NUMERATOR = [
  2.1531153547440383e-8, 0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const MIDDLE_DENOMINATOR = [
  1, 15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
/** erfc(x) = exp(−x²)/x·(1/√π − N(1/x²)/(x²·D(1/x²))) for x > 4. */
const LARGE_NUMERATOR = [
  0.016315387137302097, 0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.587491615298378e-4,
];
const LARGE_DENOMINATOR = [1, 2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];

const SMALL_LIMIT = 0.46875;
const MIDDLE_LIMIT = 4;
/** Beyond this erfc(x) is below the smallest double. */
const UNDERFLOW = 26.543;
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/**
 * exp(−x²) without the rounding of x²: x is split at a multiple of 1/16, whose square is exact
 * (Cody's device, which keeps the relative error of erfc small far into the tail).
 */
function expMinusSquare(x: number): number {
  const head = Math.trunc(x * 16) / 16;
  return Math.exp(-head * head) * Math.exp(-(x - head) * (x + head));
}

/**
 * The scaled complementary error function e^(x²)·erfc(x) for x ≥ 0, from the same approximations
 * (Cody's ERFCX): about 1/(x√π) for large x, where erfc itself underflows.
 */
export function scaledErfc(x: number): number {
  if (x <= SMALL_LIMIT) {
    const square = x * x;
    return Math.exp(square) * (1 - (x * polynomial(SMALL_NUMERATOR, square)) / polynomial(SMALL_DENOMINATOR, square));
  }
  if (x <= MIDDLE_LIMIT) return polynomial(MIDDLE_NUMERATOR, x) / polynomial(MIDDLE_DENOMINATOR, x);
  const inverseSquare = 1 / (x * x);
  const correction = (inverseSquare * polynomial(LARGE_NUMERATOR, inverseSquare)) / polynomial(LARGE_DENOMINATOR, inverseSquare);
  return (ONE_OVER_SQRT_PI - correction) / x;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), by W. J. Cody's rational Chebyshev
 * approximations (Math. Comp. 23, 1969; SPECFUN's CALERF): relative error below 1e-15 over the
 * whole range, including the tail where 1 − erf(x) would cancel to nothing. NaN for NaN.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= SMALL_LIMIT) {
    const square = y * y;
    return 1 - (x * polynomial(SMALL_NUMERATOR, square)) / polynomial(SMALL_DENOMINATOR, square);
  }
  const upper = y >= UNDERFLOW ? 0 : expMinusSquare(y) * scaledErfc(y);
  return x < 0 ? 2 - upper : upper;
}
