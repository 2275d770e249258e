import type { KpiWarning } from '../warnings';

/** Warning codes specific to linkage analyses, besides the shared {@link KpiWarning} codes. */
export type LinkageWarningCode =
  /**
   * So many accounts share a value that the "worst quartile" holds under 1/8 or over 3/8 of the
   * accounts (or none): its comparison with the rest is not a quartile comparison.
   */
  'tied_values';

export interface LinkageWarning {
  readonly code: LinkageWarningCode;
  readonly detail?: Readonly<Record<string, number | string>>;
}

export type OperationalWarning = KpiWarning | LinkageWarning;
