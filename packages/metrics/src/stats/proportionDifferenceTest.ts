import { criticalZ } from '../normalQuantile';
import { designEffectOf, untestable, type DifferenceTest, type DifferenceTestOptions } from './differenceTest';
import { twoSidedP } from './twoSidedP';
import { wilsonInterval } from './wilsonInterval';

/** Successes out of n, e.g. top-2-box CSAT answers out of all CSAT answers. */
export interface ProportionCounts {
  readonly successes: number;
  readonly n: number;
}

function check(group: ProportionCounts, name: string): void {
  if (!(group.n >= 0 && group.successes >= 0 && group.successes <= group.n)) {
    throw new RangeError(`group ${name} needs 0 ≤ successes ≤ n (got ${group.successes} of ${group.n})`);
  }
}

/**
 * Do two independent groups' shares differ (top-2-box CSAT, CES "% agree")? The p-value comes
 * from the pooled two-proportion z-test; the interval of the difference is Newcombe's hybrid
 * score interval built from the two Wilson intervals (analytics.md 1.4), which behaves well at
 * small n. Both are on the 0–1 scale. (At the margin the two can disagree slightly about
 * significance; the test is what `highlightCells` acts on.) When both groups are all successes
 * or all failures there is no evidence of a difference: z = 0, p = 1.
 */
export function proportionDifferenceTest(a: ProportionCounts, b: ProportionCounts, options: DifferenceTestOptions = {}): DifferenceTest {
  check(a, 'a');
  check(b, 'b');
  const deff = designEffectOf(options);
  const level = options.level ?? 0.95;
  criticalZ(level);
  if (a.n === 0 || b.n === 0) return untestable([...(a.n === 0 ? (['a'] as const) : []), ...(b.n === 0 ? (['b'] as const) : [])]);
  const [xA, nA, xB, nB] = [a.successes / deff, a.n / deff, b.successes / deff, b.n / deff];
  const pA = xA / nA;
  const pB = xB / nB;
  const pooled = (xA + xB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = se > 0 ? (pA - pB) / se : 0;
  const wA = wilsonInterval(xA, nA, level);
  const wB = wilsonInterval(xB, nB, level);
  const difference = pA - pB;
  return {
    difference,
    standardError: se,
    z,
    p: twoSidedP(z),
    interval: {
      low: Math.max(-1, difference - Math.hypot(pA - wA.low, wB.high - pB)),
      high: Math.min(1, difference + Math.hypot(wA.high - pA, pB - wB.low)),
      level,
    },
    warnings: [],
  };
}
