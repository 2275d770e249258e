import type { Action } from '@kizuna/model';
import type { Candidate } from './candidate';
import { describeEvidence, type Evidence } from './evidence';
import { actionIdFor } from './idempotencyKey';
import type { PlaybookId } from './playbookConfig';
import { explainPriority, type PriorityExplanation } from './priority';
import { valueEvidence, type ValueAtStake } from './valueAtStake';

/** A next best action ready to show or write back, with everything needed to explain it. */
export interface ProposedAction {
  /** The model's Action (status `proposed`); `reasons` are the English fallbacks of `evidence`. */
  readonly action: Action;
  readonly playbookId: PlaybookId;
  /** Evidence as codes + parameters for the UI, most important first; the value at stake last. */
  readonly evidence: readonly Evidence[];
  readonly priority: PriorityExplanation;
  /** 1 = do first. */
  readonly rank: number;
  /** Set when an action with the same key was already proposed: this refreshes it (same id). */
  readonly refreshes?: string;
}

export interface ProposalInput {
  readonly candidate: Candidate;
  readonly accountId: string;
  readonly key: string;
  readonly value: ValueAtStake;
  readonly createdAt: string;
  /** An existing proposed action with the same key: its id, creation time and CRM task are kept. */
  readonly existing?: Action;
}

/** Builds the model's Action and its explanation from a playbook candidate (rank is set by ranking). */
export function toProposal({ candidate, accountId, key, value, createdAt, existing }: ProposalInput): ProposedAction {
  const evidence = [...candidate.evidence, valueEvidence(value)];
  const action: Action = {
    id: existing?.id ?? actionIdFor(key),
    accountId,
    ...(candidate.contactId === undefined ? {} : { contactId: candidate.contactId }),
    playbookId: candidate.playbookId,
    title: candidate.title.slice(0, 255),
    reasons: evidence.map(describeEvidence),
    valueAtStake: value.amount,
    expectedEffect: candidate.expectedEffect,
    urgency: candidate.urgency.value,
    status: 'proposed',
    idempotencyKey: key,
    createdAt: existing?.createdAt ?? createdAt,
    ...(candidate.dueAt === undefined ? {} : { dueAt: candidate.dueAt }),
    ...(existing?.crmTaskId === undefined ? {} : { crmTaskId: existing.crmTaskId }),
  };
  return {
    action,
    playbookId: candidate.playbookId,
    evidence,
    priority: explainPriority(value, candidate.expectedEffect, candidate.urgency),
    rank: 0,
    ...(existing === undefined ? {} : { refreshes: existing.id }),
  };
}
