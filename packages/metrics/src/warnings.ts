/**
 * Data-quality problems travel with results as coded warnings; the metrics core never throws
 * for them. The UI turns each code into words in the user's language.
 */
export type KpiWarningCode =
  /** No responses at all: the value is absent, not zero. */
  | 'no_data'
  /** Fewer responses than the minimum for a stable value: show it, but as indicative. */
  | 'small_sample'
  /** Hidden to protect anonymity (employee pulse below its threshold). */
  | 'suppressed'
  /** The newest data is older than expected. */
  | 'stale'
  /** A field the KPI needs is not mapped in this CRM. */
  | 'unmapped'
  /** The KPI has no such cut (e.g. journey stage for renewals): that cut was left out. */
  | 'unsupported_cut';

export interface KpiWarning {
  readonly code: KpiWarningCode;
  /** Figures the message needs, e.g. `{ n: 4, minimum: 10 }`. */
  readonly detail?: Readonly<Record<string, number | string>>;
}
