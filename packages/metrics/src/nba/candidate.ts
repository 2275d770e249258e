import type { AccountContext } from '@kizuna/model';
import type { AccountHealth } from '../health';
import type { Evidence } from './evidence';
import type { PlaybookId } from './playbookConfig';

/** What makes an action urgent, in words the UI can translate: the clock the playbook reads. */
export interface UrgencyBasis {
  readonly value: number;
  readonly reason:
    | 'follow_up_overdue'
    | 'renewal_deadline'
    | 'onboarding_overrun'
    | 'qbr_deadline'
    | 'qbr_overdue'
    | 'escalation_open'
    | 'backlog_size'
    | 'champion_silence';
  /** The clock reading behind it, e.g. 72 (hours) or 12 (days). */
  readonly clock: number;
  readonly unit: 'hours' | 'days' | 'cases';
}

/** A playbook's raw proposal, before value, priority, de-duplication and ranking. */
export interface Candidate {
  readonly playbookId: PlaybookId;
  readonly contactId?: string;
  /** Plain English title (the UI may build its own from `playbookId` and the evidence). */
  readonly title: string;
  /** Most important first. */
  readonly evidence: readonly Evidence[];
  readonly expectedEffect: number;
  readonly urgency: UrgencyBasis;
  /** Ids (or periods) of the records that triggered it: with playbook and account they make the idempotency key. */
  readonly triggers: readonly string[];
  readonly dueAt?: string;
}

/** What every playbook reads. */
export interface PlaybookInput<TSettings> {
  readonly context: AccountContext;
  readonly asOfMs: number;
  readonly health: AccountHealth;
  readonly settings: TSettings;
}

export type Playbook<TSettings> = (input: PlaybookInput<TSettings>) => readonly Candidate[];
