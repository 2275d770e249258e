import { normalQuantile } from './normalQuantile';

/**
 * G. W. Hill, "Algorithm 396: Student's t-quantiles", Communications of the ACM 13 (1970),
 * 619–620: the |t| whose two-sided tail is `twoSided` (0 < twoSided ≤ 1) for df ≥ 1, from an
 * expansion about the normal quantile or, deep in the tail, a series in the probability itself.
 * Within a few per cent for df below 2, about 1e-5 relative from df = 3, 1e-7 at df = 30 and better
 * beyond: a starting value for Newton's method.
 */
export function hillTQuantile(twoSided: number, df: number): number {
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  const logY = (2 / df) * Math.log(d * twoSided);
  const y = Math.exp(logY);
  if (y > 0.05 + a) {
    const x = normalQuantile(0.5 * twoSided, 0, 1);
    const square = x * x;
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    const z = (((((0.4 * square + 6.3) * square + 36) * square + 94.5) / c - square - 3) / b + 1) * x;
    return Math.sqrt(df * Math.expm1(a * z * z));
  }
  // Far in the tail (y below the rounding unit) the series is 1/y: |t| = √(df/y), taken in logs
  // so that y may underflow.
  if (y < Number.EPSILON) return Math.sqrt(df) * Math.exp(-logY / 2);
  const w = ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) * ((df + 1) / (df + 2)) + 1 / y;
  return Math.sqrt(df * w);
}
