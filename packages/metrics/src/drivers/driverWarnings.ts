import type { KpiWarning } from '../warnings';

/**
 * Warning codes specific to key-driver analysis (the shared {@link KpiWarning} codes — `no_data`,
 * `small_sample` — are used as well). Like every warning they travel with the result; nothing throws.
 */
export type DriverWarningCode =
  /** Rows lacking the outcome or any driver item were left out (listwise deletion). */
  | 'incomplete_rows'
  /** A driver item has the same value in every usable row; it was left out of the analysis. */
  | 'constant_item'
  /** The outcome has the same value in every usable row: there is nothing to explain. */
  | 'constant_outcome'
  /** The driver items are (almost) perfectly collinear; weights cannot be computed. */
  | 'collinear_items'
  /** No driver's weight is reliably larger than a pure-noise variable's: treat none as a key driver. */
  | 'no_reliable_drivers'
  /** Many bootstrap resamples were degenerate (e.g. a constant item); intervals are less trustworthy. */
  | 'unstable_bootstrap';

export interface DriverWarning {
  readonly code: DriverWarningCode;
  readonly detail?: Readonly<Record<string, number | string>>;
}

export type KeyDriverWarning = KpiWarning | DriverWarning;
