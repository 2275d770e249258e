import type { AccountContext } from '@kizuna/model';
import { DAY_MS, dateMs } from './timeline';

/** The account's next renewal as seen at one point in time. */
export interface NextRenewal {
  /** UTC midnight of the renewal (close) date, epoch ms. May lie before `asOf` for an overdue open renewal. */
  readonly dateMs: number;
  /** The calendar date `YYYY-MM-DD`. */
  readonly date: string;
  /** Revenue up for renewal: the opportunity's `renewingAmount` (else its amount), or the account's ARR. */
  readonly amount: number;
  readonly source: 'opportunity' | 'account';
  readonly opportunityId?: string;
}

/**
 * The next renewal at `asOfMs`: the earliest renewal opportunity that is open (or was still open
 * then, i.e. closes after `asOfMs`), else `account.renewalDate` if it has not passed. Undefined
 * when neither is known.
 */
export function nextRenewal(context: AccountContext, asOfMs: number): NextRenewal | undefined {
  let best: NextRenewal | undefined;
  for (const opportunity of context.opportunities) {
    if (opportunity.type !== 'renewal') continue;
    const closeMs = dateMs(opportunity.closeDate);
    const openThen = opportunity.status === 'open' || closeMs > asOfMs;
    if (!openThen || (best !== undefined && best.dateMs <= closeMs)) continue;
    best = {
      dateMs: closeMs,
      date: opportunity.closeDate,
      amount: opportunity.renewingAmount ?? opportunity.amount,
      source: 'opportunity',
      opportunityId: opportunity.id,
    };
  }
  if (best !== undefined) return best;
  const renewalDate = context.account.renewalDate;
  if (renewalDate === undefined || dateMs(renewalDate) + DAY_MS <= asOfMs) return undefined;
  return { dateMs: dateMs(renewalDate), date: renewalDate, amount: context.account.arr, source: 'account' };
}
