import { incompleteBetaHalfLargeA } from './incompleteBetaLargeA';
import { logBeta } from './logBeta';

/** Smallest magnitude a partial denominator may take (keeps the Lentz recurrence away from 0/0). */
const TINY = 1e-300;
const EPSILON = Number.EPSILON;
/**
 * Cap on the fraction's terms. Near its switch point it needs of the order of √max(a, b) terms;
 * the Student-t case with a large a is handed to the large-a expansion before it gets there.
 */
const MAX_TERMS = 200_000;

/**
 * The continued fraction for I_x(a, b)·a·B(a, b)/(xᵃ·(1 − x)ᵇ), evaluated by the modified Lentz
 * method (Numerical Recipes 3rd ed. §6.4 `betacf`; Lentz 1976, Thompson & Barnett 1986).
 * It converges quickly for x < (a + 1)/(a + b + 2).
 */
function continuedFraction(x: number, a: number, b: number): number {
  const guard = (value: number): number => (Math.abs(value) < TINY ? TINY : value);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let fraction = d;
  for (let m = 1; m <= MAX_TERMS; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) <= EPSILON) return fraction;
  }
  return fraction;
}

/**
 * Whether I_x(a, ½) is better taken from the large-a expansion than from the continued fraction:
 * a ≥ 15 and 1 − x between 0.49/a and 0.29 (the region where DiDonato and Morris's BRATIO uses it),
 * around the fraction's switch point 1 − 1.5/a, where the fraction converges slowly.
 */
function nearSwitchForLargeA(a: number, complement: number): boolean {
  return a >= 15 && complement < 0.29 && a * complement > 0.49;
}

/**
 * The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1 and a, b > 0, by its
 * continued fraction (Numerical Recipes 3rd ed. §6.4 `betai`): the fraction is evaluated for
 * I_x(a, b) when x < (a + 1)/(a + b + 2), and for 1 − I_{1−x}(b, a) otherwise. With b = ½ and a large
 * (a Student t with many degrees of freedom) near that switch point, DiDonato and Morris's large-a
 * expansion is used instead (`incompleteBetaHalfLargeA`), and likewise with a and b exchanged. The prefactor
 * xᵃ(1 − x)ᵇ/B(a, b) is taken in logarithms with `logBeta`. `y` is 1 − x: pass it when it is known
 * more accurately than 1 − x can be computed (x close to 1), as the Student-t tail does.
 * NaN for an argument outside its domain.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !(a > 0 && b > 0) || x < 0 || x > 1) return Number.NaN;
  if (x === 0) return 0;
  if (y <= 0) return 1;
  if (b === 0.5 && nearSwitchForLargeA(a, y)) return incompleteBetaHalfLargeA(x, y, a);
  if (a === 0.5 && nearSwitchForLargeA(b, x)) return 1 - incompleteBetaHalfLargeA(y, x, b);
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(y, b, a)) / b;
}
