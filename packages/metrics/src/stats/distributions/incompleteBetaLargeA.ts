import { scaledErfc } from './erfc';
import { logBeta } from './logBeta';

/** Terms of the expansion; it is asymptotic in 1/a and needs far fewer for a ≥ 15. */
const MAX_TERMS = 30;
const SQRT_PI = 1.772453850905516;

/**
 * I_x(a, ½) for large a (a ≥ 15) and x close to 1, by the asymptotic expansion of A. R. DiDonato
 * and A. H. Morris, "Algorithm 708: Significant digit computation of the incomplete beta function
 * ratios", ACM TOMS 18 (1992), §9 (their BGRAT, after N. M. Temme): with T = a − ¼ and
 * u = −T·ln x, I_x(a, b) = M·Σ pₙ·Jₙ(b, u), where J₀ = Q(b, u)/r, M and r are closed-form
 * prefactors and Jₙ follows by recurrence. For b = ½ the incomplete gamma ratio is
 * Q(½, u) = erfc(√u), so the expansion needs only Cody's erfc. This is the Student-t tail for many
 * degrees of freedom, where the continued fraction needs of the order of √a terms and loses digits.
 * `y` is 1 − x.
 */
export function incompleteBetaHalfLargeA(x: number, y: number, a: number): number {
  const b = 0.5;
  const shifted = a + (b - 1) / 2;
  const logX = y < 0.375 ? Math.log1p(-y) : Math.log(x);
  const u = -shifted * logX;
  // M = u^b·e^(−u)/(B(a, b)·T^b); J₀ = Q(b, u)/r with r = u^b·e^(−u)/Γ(b), here √π·erfcx(√u)/√u.
  const logPrefactor = b * Math.log(u) - u - logBeta(a, b) - b * Math.log(shifted);
  const rootU = Math.sqrt(u);
  let j = (SQRT_PI * scaledErfc(rootU)) / rootU;
  let sum = j;
  const inverseFourTSquared = 0.25 / (shifted * shifted);
  const quarterLogXSquared = 0.25 * logX * logX;
  let power = 1;
  let cn = 1;
  let twoN = 0;
  const c: number[] = [];
  const d: number[] = [];
  for (let n = 1; n <= MAX_TERMS; n += 1) {
    const bPlusTwoN = b + twoN;
    j = (bPlusTwoN * (bPlusTwoN + 1) * j + (u + bPlusTwoN + 1) * power) * inverseFourTSquared;
    twoN += 2;
    power *= quarterLogXSquared;
    cn /= twoN * (twoN + 1);
    c.push(cn);
    let convolution = 0;
    for (let i = 1; i < n; i += 1) convolution += (i * b - n) * (c[i - 1] ?? 0) * (d[n - 1 - i] ?? 0);
    const dn = (b - 1) * cn + convolution / n;
    d.push(dn);
    const term = dn * j;
    sum += term;
    if (Math.abs(term) <= Number.EPSILON * sum) break;
  }
  return Math.exp(logPrefactor) * sum;
}
