import type { KpiWarning } from '../warnings';

/**
 * The minimum-n policy of the metrics core (analytics.md 1.3). No source gives a universal
 * minimum for NPS; these thresholds follow from the interval widths there (n = 10 already
 * gives about ±45 NPS points):
 *
 * - `indicative` (5): below it a value is shown only as *indicative*, and a highlight test is
 *   not run at all;
 * - `rankOrColour` (10): below it, never rank or colour on a raw value — rank on the shrunk
 *   value (empirical Bayes) and colour only through a BH-adjusted test.
 */
export interface MinimumSamplePolicy {
  readonly indicative: number;
  readonly rankOrColour: number;
}

export const minimumSample: MinimumSamplePolicy = { indicative: 5, rankOrColour: 10 };

/** What a value with this many responses may be used for. */
export type SampleTier = 'empty' | 'indicative' | 'unranked' | 'adequate';

function checkPolicy(policy: MinimumSamplePolicy): void {
  if (!(policy.indicative >= 1 && policy.rankOrColour >= policy.indicative)) {
    throw new RangeError(`minimum-n policy needs 1 ≤ indicative ≤ rankOrColour (got ${policy.indicative}, ${policy.rankOrColour})`);
  }
}

/** The tier of a sample of size `n` (`n` may be an effective, non-integer size). */
export function sampleTier(n: number, policy: MinimumSamplePolicy = minimumSample): SampleTier {
  checkPolicy(policy);
  if (!(n > 0)) return 'empty';
  if (n < policy.indicative) return 'indicative';
  if (n < policy.rankOrColour) return 'unranked';
  return 'adequate';
}

/** True when a raw value with `n` responses may be ranked or coloured. */
export function canRankOrColour(n: number, policy: MinimumSamplePolicy = minimumSample): boolean {
  return sampleTier(n, policy) === 'adequate';
}

/** A `small_sample` warning; `n` is rounded to one decimal so effective sizes read well. */
export function smallSampleWarning(n: number, minimum: number, consequence: string): KpiWarning {
  return { code: 'small_sample', detail: { n: Math.round(n * 10) / 10, minimum, consequence } };
}

/**
 * Coded warnings for a sample of size `n`: `no_data` when empty; `small_sample` with
 * `{ n, minimum, consequence }` where consequence is `'indicative'` (below `indicative`) or
 * `'not_ranked'` (below `rankOrColour`); none otherwise.
 */
export function sampleSizeWarnings(n: number, policy: MinimumSamplePolicy = minimumSample): KpiWarning[] {
  const tier = sampleTier(n, policy);
  if (tier === 'empty') return [{ code: 'no_data' }];
  if (tier === 'indicative') return [smallSampleWarning(n, policy.indicative, 'indicative')];
  if (tier === 'unranked') return [smallSampleWarning(n, policy.rankOrColour, 'not_ranked')];
  return [];
}
