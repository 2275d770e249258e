import { hillTQuantile } from './hillTQuantile';
import { logBeta } from './logBeta';
import { regularizedIncompleteBeta } from './incompleteBeta';
import { normalQuantile } from './normalQuantile';
import { twoSidedTail } from './tCdf';
import { tLogDensity } from './tDensity';

const MAX_STEPS = 100;
const TOLERANCE = 4 * Number.EPSILON;

/**
 * Start for df < 1, where Hill's expansion does not apply: the tail's leading term
 * P(T > t) ≈ ν^(ν/2 − 1)·t^(−ν)/B(ν/2, ½), solved for t.
 */
function tailAsymptote(upperTail: number, df: number): number {
  return Math.exp(((df / 2 - 1) * Math.log(df) - logBeta(df / 2, 0.5) - Math.log(upperTail)) / df);
}

/**
 * The t > 0 with P(T > t) = upperTail (0 < upperTail < ½), refined by Newton's method from Hill's
 * start inside a bracket that only shrinks (a step that leaves it bisects instead). Far out
 * (upperTail < ¼) the equation solved is ln I_x(ν/2, ½) = ln(2·upperTail), whose relative accuracy
 * does not fade in the tail; near the centre it is I_{1−x}(½, ν/2) = 1 − 2·upperTail, both sides
 * exact, so small quantiles keep their relative accuracy too.
 */
function refine(start: number, upperTail: number, df: number): number {
  const inTail = upperTail < 0.25;
  const target = inTail ? Math.log(2 * upperTail) : 1 - 2 * upperTail;
  let low = 0;
  let high = Infinity;
  let t = start;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const logDoubleDensity = Math.LN2 + tLogDensity(t, df);
    let miss: number;
    let slope: number;
    if (inTail) {
      const logArea = Math.log(twoSidedTail(t, df));
      miss = logArea - target;
      slope = -Math.exp(logDoubleDensity - logArea);
    } else {
      const scaled = t / Math.sqrt(df);
      const square = scaled * scaled;
      miss = regularizedIncompleteBeta(square / (1 + square), 0.5, df / 2, 1 / (1 + square)) - target;
      slope = Math.exp(logDoubleDensity);
    }
    if (miss === 0) return t;
    // miss increases with t near the centre, decreases with t in the tail.
    if ((miss > 0) === inTail) low = t;
    else high = t;
    const newton = t - miss / slope;
    if (Math.abs(newton - t) <= TOLERANCE * t) return newton;
    const next = newton > low && newton < high ? newton : Number.isFinite(high) ? (low + high) / 2 : 2 * t;
    if (Number.isFinite(high) && high - low <= TOLERANCE * high) return next;
    t = next;
  }
  return t;
}

/** The t > 0 with P(T > t) = upperTail (0 < upperTail < ½). */
function upperQuantile(upperTail: number, df: number): number {
  // ν = 1 (Cauchy): t = cot(π·tail), written as tan(π(½ − tail)) near the centre, where ½ − tail is exact.
  if (df === 1) return upperTail < 0.25 ? 1 / Math.tan(Math.PI * upperTail) : Math.tan(Math.PI * (0.5 - upperTail));
  // ν = 2: F(t) = ½ + t/(2√(2 + t²)) inverts to t = (1 − 2·tail)/√(2·tail·(1 − tail)).
  if (df === 2) return (1 - 2 * upperTail) / Math.sqrt(2 * upperTail * (1 - upperTail));
  const start = df >= 1 ? hillTQuantile(2 * upperTail, df) : tailAsymptote(upperTail, df);
  if (!Number.isFinite(start)) return start;
  return refine(start, upperTail, df);
}

/**
 * Quantile function of Student's t distribution with `df` degrees of freedom (any real df > 0):
 * closed forms for df = 1 and 2; otherwise G. W. Hill's Algorithm 396 (CACM 13, 1970) as a start,
 * refined by Newton's method on `tCdf`'s incomplete beta with the density from ln B, to the
 * rounding unit. −∞ at p = 0, +∞ at p = 1; df = ∞ is the standard normal (the limit); NaN for p
 * outside [0, 1], a NaN argument or df ≤ 0.
 */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p, 0, 1);
  return p < 0.5 ? -upperQuantile(p, df) : upperQuantile(1 - p, df);
}
