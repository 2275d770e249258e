/** The rule that hid a result. */
export type SuppressionRule =
  /** Fewer than k respondents (primary suppression). */
  | 'cell'
  /** Nested with another shown result and differing from it by 1…k−1 respondents. */
  | 'complement'
  /** Overlapping another shown result (neither contains the other) with a symmetric difference of 1…k−1. */
  | 'overlap'
  /** Showing it would leave a shown parent's remainder (parent minus its shown subgroups) at 1…k−1. */
  | 'sibling'
  /** A combination of shown results (sums and differences) would reveal a population of 1…k−1. */
  | 'linear'
  /** Any of the above against a result the same user was shown recently (privacy ledger). */
  | 'history';

/** How strictly employee-pulse results are protected. */
export interface PrivacyPolicy {
  /** Minimum respondents behind any number shown, and behind any difference of shown numbers. */
  readonly k: number;
}

/** Vendors' common default (Qualtrics, Glint, Culture Amp, Lattice, Quantum Workplace, Betterworks). */
export const defaultMinimumRespondents = 5;

/** The floor: no vendor in the reference goes lower (PeopleCues, Humaans, Lattice's range start at 3). */
export const lowestMinimumRespondents = 3;

/**
 * The policy with defaults filled in. `k` must be a whole number of at least 3: a lower value is a
 * configuration error, so this throws instead of silently raising it.
 */
export function privacyPolicy(input: Partial<PrivacyPolicy> = {}): PrivacyPolicy {
  const k = input.k ?? defaultMinimumRespondents;
  if (!Number.isInteger(k) || k < lowestMinimumRespondents) {
    throw new RangeError(`k must be a whole number of at least ${lowestMinimumRespondents} (got ${k})`);
  }
  return { k };
}
