import type { KpiWarningCode } from '../warnings';

/**
 * Warning codes of the health score: the core's codes plus two of its own.
 * - `thin_basis`: the score rests on too little (coverage or number of measures below the minimum).
 * - `not_a_customer`: the account was not a customer at that time (before `customerSince` or after churn).
 * `no_data` and `small_sample` carry `detail.measure` when they concern one measure.
 */
export type HealthWarningCode = KpiWarningCode | 'thin_basis' | 'not_a_customer';

export interface HealthWarning {
  readonly code: HealthWarningCode;
  readonly detail?: Readonly<Record<string, number | string>>;
}
