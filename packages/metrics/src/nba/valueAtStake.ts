import type { AccountContext } from '@kizuna/model';
import { nextRenewal } from '../health';
import type { Evidence } from './evidence';

/** The revenue an action protects. */
export interface ValueAtStake {
  readonly amount: number;
  readonly currency: string;
  /** `renewal`: the open renewal opportunity's renewing amount; `arr`: the account's ARR. */
  readonly basis: 'renewal' | 'arr';
  readonly renewalDate?: string;
  readonly opportunityId?: string;
}

/** The renewal amount when a renewal opportunity is open, else the account's annual recurring revenue. */
export function valueAtStake(context: AccountContext, asOfMs: number): ValueAtStake {
  const { arr, currency } = context.account;
  const renewal = nextRenewal(context, asOfMs);
  if (renewal?.source !== 'opportunity') return { amount: arr, currency, basis: 'arr' };
  return {
    amount: renewal.amount,
    currency,
    basis: 'renewal',
    renewalDate: renewal.date,
    ...(renewal.opportunityId === undefined ? {} : { opportunityId: renewal.opportunityId }),
  };
}

/** The value as evidence, so the UI can say what is at stake. */
export function valueEvidence(value: ValueAtStake): Evidence {
  if (value.basis === 'renewal' && value.renewalDate !== undefined) {
    return { code: 'value_renewal', params: { amount: value.amount, currency: value.currency, renewalDate: value.renewalDate } };
  }
  return { code: 'value_arr', params: { amount: value.amount, currency: value.currency } };
}
