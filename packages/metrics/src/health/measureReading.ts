/** What a measure found in an account's data at one point in time. */
export type MeasureReading =
  | {
      readonly status: 'value';
      /** The raw value in the measure's own unit (NPS points, share 0–1, days, count). */
      readonly value: number;
      /** How many observations it rests on (responses, cases, contacts …). */
      readonly n: number;
      /** Figures behind the value, e.g. `{ nEffective: 4.2 }` or `{ lastTouchpointId: 'tp-9' }`. */
      readonly detail?: Readonly<Record<string, number | string>>;
    }
  /** The measure applies but there is nothing to compute it from: excluded, weights renormalised, warned. */
  | { readonly status: 'no_data' }
  /** The measure does not apply to the account now (e.g. onboarding is finished): excluded quietly. */
  | { readonly status: 'not_applicable' };

export const noData: MeasureReading = { status: 'no_data' };
export const notApplicable: MeasureReading = { status: 'not_applicable' };

/** A share of `n` observations, or no data when there are none. */
export function shareReading(hits: number, n: number, detail?: Readonly<Record<string, number | string>>): MeasureReading {
  if (n === 0) return noData;
  return { status: 'value', value: hits / n, n, ...(detail === undefined ? {} : { detail }) };
}
