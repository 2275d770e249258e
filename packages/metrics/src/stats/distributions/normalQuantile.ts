import { polynomial } from './polynomial';

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied
// Statistics 37 (1988), 477–484: PPND16. Coefficients as published, written as their nearest
// doubles, highest power first.

/** |p − ½| ≤ 0.425: z = q·N(r)/D(r), r = 0.180625 − q², q = p − ½. */
const CENTRAL_NUMERATOR = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513,
  133.14166789178438, 3.3871328727963665,
];
const CENTRAL_DENOMINATOR = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579,
  42.31333070160091, 1,
];
/** r = √(−ln min(p, 1 − p)) ≤ 5: z = N(r − 1.6)/D(r − 1.6). */
const NEAR_NUMERATOR = [
  7.745450142783414e-4, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045, 5.769497221460691,
  4.630337846156546, 1.4234371107496835,
];
const NEAR_DENOMINATOR = [
  1.0507500716444169e-9, 5.475938084995345e-4, 0.015198666563616457, 0.14810397642748008, 0.6897673349851, 1.6763848301838038,
  2.053191626637759, 1,
];
/** r > 5 (min(p, 1 − p) < e⁻²⁵ ≈ 1.4e-11): z = N(r − 5)/D(r − 5). */
const FAR_NUMERATOR = [
  2.0103343992922881e-7, 2.7115555687434876e-5, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487, 1.7848265399172913,
  5.463784911164114, 6.657904643501103,
];
const FAR_DENOMINATOR = [
  2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 7.868691311456133e-4, 0.014875361290850615, 0.1369298809227358,
  0.599832206555888, 1,
];

/**
 * Quantile function of the normal distribution with the given mean and standard deviation, by
 * Wichura's Algorithm AS 241 (PPND16, Applied Statistics 37, 1988): relative error about 1e-16,
 * in both tails. −∞ at p = 0 and +∞ at p = 1; NaN for p outside [0, 1], a NaN argument or a
 * negative sd; sd = 0 gives the mean.
 */
export function normalQuantile(p: number, mean: number, sd: number): number {
  if (Number.isNaN(p) || Number.isNaN(mean) || Number.isNaN(sd) || sd < 0 || p < 0 || p > 1) return Number.NaN;
  if (sd === 0) return mean;
  return mean + sd * standardNormalQuantile(p);
}

function standardNormalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUMERATOR, r)) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  const r = Math.sqrt(-Math.log(tail));
  const z =
    r <= 5
      ? polynomial(NEAR_NUMERATOR, r - 1.6) / polynomial(NEAR_DENOMINATOR, r - 1.6)
      : polynomial(FAR_NUMERATOR, r - 5) / polynomial(FAR_DENOMINATOR, r - 5);
  return q < 0 ? -z : z;
}
