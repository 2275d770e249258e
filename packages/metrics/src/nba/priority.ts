import type { UrgencyBasis } from './candidate';
import { formatMoney } from './formatMoney';
import type { ValueAtStake } from './valueAtStake';

/**
 * Priority = value at stake × expected effect × urgency — an expected-value score in the account's
 * currency (Pega's P·V·L arbitration without a propensity model, analytics.md §4.3):
 * - value: the renewal amount when a renewal is open, else ARR (what the action protects);
 * - expected effect: 0–1, the playbook's configured share of that value the action is expected to save;
 * - urgency: 0–1 from the playbook's clock (deadline near or overdue → 1).
 * Ties are broken by urgency, then by idempotency key, so the order is deterministic.
 */
export interface PriorityExplanation {
  readonly priority: number;
  readonly value: ValueAtStake;
  readonly expectedEffect: number;
  readonly urgency: UrgencyBasis;
  /** Plain English, e.g. "JPY 14,000,000 at stake (renewal on 2026-11-21) × 0.35 expected effect × 0.84 urgency (96 hours since the response) = JPY 4,116,000". */
  readonly text: string;
}

function urgencyText(urgency: UrgencyBasis): string {
  const { clock } = urgency;
  switch (urgency.reason) {
    case 'follow_up_overdue':
      return `${clock} hours since the response`;
    case 'renewal_deadline':
      return clock < 0 ? `renewal ${-clock} days overdue` : `renewal in ${clock} days`;
    case 'onboarding_overrun':
      return `${clock} days in onboarding`;
    case 'qbr_deadline':
      return `QBR in ${clock} days`;
    case 'qbr_overdue':
      return `${clock} days without an executive meeting`;
    case 'escalation_open':
      return `${clock} escalated case${clock === 1 ? '' : 's'} open`;
    case 'backlog_size':
      return `${clock} cases open`;
    case 'champion_silence':
      return `${clock} days of silence`;
  }
}

/** Multiplies the three factors and says how. */
export function explainPriority(value: ValueAtStake, expectedEffect: number, urgency: UrgencyBasis): PriorityExplanation {
  const priority = value.amount * expectedEffect * urgency.value;
  const basis = value.basis === 'renewal' && value.renewalDate !== undefined ? `renewal on ${value.renewalDate}` : 'ARR';
  const text =
    `${formatMoney(value.amount, value.currency)} at stake (${basis}) × ${expectedEffect.toFixed(2)} expected effect` +
    ` × ${urgency.value.toFixed(2)} urgency (${urgencyText(urgency)}) = ${formatMoney(priority, value.currency)}`;
  return { priority, value, expectedEffect, urgency, text };
}
