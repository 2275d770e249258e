import type { Interval } from '../nps';
import type { KpiWarning } from '../warnings';
import { minimumSample, sampleSizeWarnings, type MinimumSamplePolicy } from './minimumSample';
import { wilsonInterval } from './wilsonInterval';

/** A share-type KPI (top-2-box CSAT, CES "% agree") with its Wilson interval. */
export interface ProportionResult {
  /** Share 0–1, or `null` when nobody answered. */
  readonly share: number | null;
  readonly successes: number;
  readonly n: number;
  /** Wilson score interval on the 0–1 scale, or `null` when nobody answered. */
  readonly interval: Interval | null;
  readonly warnings: readonly KpiWarning[];
}

export interface ProportionOptions {
  /** Confidence level; default 0.95. */
  readonly level?: number;
  /** Minimum-n policy for the warnings; default `minimumSample`. */
  readonly policy?: MinimumSamplePolicy;
}

/** A share with its Wilson interval and minimum-n warnings, from counts. */
export function proportionFromCounts(successes: number, n: number, options: ProportionOptions = {}): ProportionResult {
  const warnings = sampleSizeWarnings(n, options.policy ?? minimumSample);
  if (n === 0) return { share: null, successes, n, interval: null, warnings };
  const { estimate, low, high, level } = wilsonInterval(successes, n, options.level);
  return { share: estimate, successes, n, interval: { low, high, level }, warnings };
}

/** Share of `scores` at or above `threshold` (the "top box" of a scale), with its Wilson interval. */
export function topBoxShare(scores: Iterable<number>, threshold: number, options: ProportionOptions = {}): ProportionResult {
  let successes = 0;
  let n = 0;
  for (const score of scores) {
    n += 1;
    if (score >= threshold) successes += 1;
  }
  return proportionFromCounts(successes, n, options);
}

/** CSAT top-2-box: share answering 4 or 5 on the 1–5 scale (`csat_1_5`). */
export function csatTopTwoBox(scores: Iterable<number>, options: ProportionOptions = {}): ProportionResult {
  return topBoxShare(scores, 4, options);
}

/**
 * CES 2.0 "% agree": share answering 5–7 on the 1–7 agreement scale (`ces2_1_7`). Pass CES 2.0
 * answers only — CES 1.0 (1–5 effort, lower is better) is a different measure.
 */
export function cesAgreement(scores: Iterable<number>, options: ProportionOptions = {}): ProportionResult {
  return topBoxShare(scores, 5, options);
}
