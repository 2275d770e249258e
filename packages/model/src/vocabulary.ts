/**
 * The closed vocabularies of the CX domain. Each list is the single source for its zod enum
 * and for anything (generators, UIs, mappings) that needs to enumerate the values.
 */
export const journeyStages = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'adoption',
  'support',
  'renewal',
  'advocacy',
] as const;
export type JourneyStage = (typeof journeyStages)[number];

export const contactRoles = [
  'decision_maker',
  'executive_sponsor',
  'influencer',
  'champion',
  'user',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const channels = ['email', 'phone', 'meeting', 'video_call', 'web', 'chat', 'portal', 'event'] as const;
export type Channel = (typeof channels)[number];

export const departments = ['sales', 'marketing', 'support', 'success', 'professional_services'] as const;
export type Department = (typeof departments)[number];

export const feedbackKinds = ['nps', 'csat', 'ces'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export const feedbackProgrammes = ['relationship', 'interaction', 'journey'] as const;
export type FeedbackProgramme = (typeof feedbackProgrammes)[number];

/** Closed-loop states of a piece of feedback: thank, say what happens next, escalate, close. */
export const followUpStates = ['not_required', 'open', 'acknowledged', 'in_progress', 'escalated', 'closed'] as const;
export type FollowUpState = (typeof followUpStates)[number];

export const caseStatuses = ['new', 'working', 'waiting_on_customer', 'escalated', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const casePriorities = ['low', 'medium', 'high', 'critical'] as const;
export type CasePriority = (typeof casePriorities)[number];

export const opportunityTypes = ['new', 'renewal', 'expansion'] as const;
export type OpportunityType = (typeof opportunityTypes)[number];

export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export const accountStatuses = ['active', 'churned'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const actionStatuses = ['proposed', 'accepted', 'snoozed', 'dismissed', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Moments of truth named in the domain notes: where the customer decides what the company is worth. */
export const momentsOfTruth = [
  'executive_meeting',
  'quarterly_business_review',
  'onboarding_kickoff',
  'adoption_handoff',
  'documentation',
  'video_content',
  'first_support_case',
  'renewal_negotiation',
] as const;
export type MomentOfTruth = (typeof momentsOfTruth)[number];
