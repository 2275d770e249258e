/**
 * Employee-experience results with anonymity protection. Employee pulses are aggregated per team
 * and period; no figure is ever shown for fewer than k respondents (default 5, never below 3), and
 * no sum or difference of shown figures may isolate 1…k−1 respondents — within one request, across
 * periods, across overlapping groupings and, with a ledger, across a user's recent requests.
 * The rules, what counts are shown, and what is deliberately not covered: ./README.md.
 */
export { aggregatePulses } from './aggregatePulses';
export type { PulseAggregate, PulseGroup } from './aggregatePulses';
export { exResults, perTeamGroups } from './exResults';
export type {
  ExData,
  ExGroupRequest,
  ExGroupResult,
  ExRequest,
  NoDataExResult,
  ShownExResult,
  SuppressedExResult,
} from './exResults';
export { createPrivacyLedger } from './privacyLedger';
export type { PrivacyLedger, PrivacyLedgerOptions } from './privacyLedger';
export { defaultMinimumRespondents, lowestMinimumRespondents, privacyPolicy } from './privacyPolicy';
export type { PrivacyPolicy, SuppressionRule } from './privacyPolicy';
export { differencingExposures } from './differencingExposures';
export type { DifferencingExposure } from './differencingExposures';
export { findRevealedPopulation, revealsAtoms } from './linearAudit';
export type { LinearAudit, LinearAuditOptions, RevealedPopulation } from './linearAudit';
export { atomKey, respondentDistance, respondentSetOf } from './respondentSet';
export type { RespondentSet } from './respondentSet';
export { resolveTeams, teamProfiles } from './teamProfiles';
export type { TeamFilter, TeamProfile } from './teamProfiles';
