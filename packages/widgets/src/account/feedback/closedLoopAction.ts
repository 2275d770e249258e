import { idempotencyKey } from '@kizuna/metrics';
import type { Account, Action, Feedback } from '@kizuna/model';

/** The closed loop's steps: thank the customer, say what happens next, escalate. */
export const loopSteps = ['thank', 'next_steps', 'escalate'] as const;
export type LoopStep = (typeof loopSteps)[number];

export interface LoopTaskText {
  readonly title: string;
  readonly reasons: readonly [string, ...string[]];
}

/** The idempotency key of one step on one piece of feedback. */
export function closedLoopKey(accountId: string, feedbackId: string, step: LoopStep): string {
  return idempotencyKey(`closed_loop_${step}`, accountId, [feedbackId]);
}

/**
 * The CRM task for one step of the closed loop on one piece of feedback. Its idempotency key is
 * the step and the feedback, so asking twice (or a retry) updates the one task.
 */
export function closedLoopAction(account: Account, answer: Feedback, step: LoopStep, text: LoopTaskText, asOf: string): Action {
  const key = closedLoopKey(account.id, answer.id, step);
  const dueAt = answer.followUp.dueAt !== undefined && answer.followUp.dueAt > asOf ? answer.followUp.dueAt : new Date(Date.parse(asOf) + 86_400_000).toISOString();
  return {
    id: `loop-${key.slice(-16)}`,
    accountId: account.id,
    ...(answer.contactId === undefined ? {} : { contactId: answer.contactId }),
    playbookId: `closed_loop_${step}`,
    title: text.title.slice(0, 255),
    reasons: [...text.reasons],
    valueAtStake: account.arr,
    expectedEffect: step === 'escalate' ? 0.2 : 0.1,
    urgency: step === 'escalate' ? 1 : 0.7,
    status: 'accepted',
    idempotencyKey: key,
    createdAt: asOf,
    dueAt,
  };
}
