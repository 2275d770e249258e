export { nextBestActions } from './nextBestActions';
export type { NextBestActions, NextBestActionsOptions, SuppressedAction } from './nextBestActions';
export { rankProposals } from './rankProposals';
export type { ProposedAction } from './proposal';
export type { PriorityExplanation } from './priority';
export type { Candidate, UrgencyBasis } from './candidate';
export { describeEvidence } from './evidence';
export type { Evidence, EvidenceCode } from './evidence';
export {
  assertPlaybookConfig,
  defaultPlaybookConfig,
  parsePlaybookConfig,
  playbookConfigSchema,
  playbookIds,
} from './playbookConfig';
export type { PlaybookConfig, PlaybookConfigInput, PlaybookId, PlaybookSettings } from './playbookConfig';
export { idempotencyKey } from './idempotencyKey';
export { fnv1a64 } from './fnv1a';
export { valueAtStake } from './valueAtStake';
export type { ValueAtStake } from './valueAtStake';
export type { Suppression } from './suppression';
export { deadlineUrgency, overdueUrgency } from './urgency';
