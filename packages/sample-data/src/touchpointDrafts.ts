import type { Channel, Department, JourneyStage, MomentOfTruth } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { dayMs, hourMs, type Period } from './calendar';
import { touchpointStageAt } from './journey';
import type { Random } from './random';

/** A touchpoint before ids, contacts and teams are attached. */
export interface TouchpointDraft {
  readonly occurredMs: number;
  readonly department: Department;
  readonly channel: Channel;
  readonly journeyStage: JourneyStage;
  readonly momentOfTruth?: MomentOfTruth;
  readonly subject: string;
}

type Weighted<T> = readonly (readonly [T, number])[];

const routineDepartments: Weighted<Department> = [
  ['success', 35], ['sales', 15], ['marketing', 20], ['support', 20], ['professional_services', 10],
];
const channelsByDepartment: Readonly<Record<Department, Weighted<Channel>>> = {
  success: [['meeting', 30], ['video_call', 35], ['email', 25], ['phone', 10]],
  sales: [['meeting', 45], ['email', 30], ['phone', 15], ['video_call', 10]],
  marketing: [['email', 40], ['event', 25], ['web', 35]],
  support: [['portal', 40], ['chat', 30], ['phone', 20], ['email', 10]],
  professional_services: [['video_call', 50], ['meeting', 30], ['email', 20]],
};
const subjectsByDepartment: Readonly<Record<Department, readonly [string, ...string[]]>> = {
  success: ['Success plan check-in', 'Usage review', 'Adoption workshop', 'Health check call'],
  sales: ['Account planning', 'Pricing discussion', 'Roadmap briefing', 'Cross-sell introduction'],
  marketing: ['Product webinar', 'Newsletter', 'User conference', 'Customer story interview'],
  support: ['Knowledge base visit', 'Chat with support', 'Status page update', 'Release notes'],
  professional_services: ['Configuration session', 'Data migration review', 'Integration design'],
};
/** Routine moments of truth: which department and channel, how often, and what it is. */
const routineMoments: readonly { department: Department; channels: readonly Channel[]; share: number; moment: MomentOfTruth; subject: string }[] = [
  { department: 'success', channels: ['meeting', 'video_call'], share: 0.3, moment: 'quarterly_business_review', subject: 'Quarterly business review' },
  { department: 'sales', channels: ['meeting'], share: 0.25, moment: 'executive_meeting', subject: 'Executive meeting' },
  { department: 'marketing', channels: ['web'], share: 0.3, moment: 'video_content', subject: 'Product video' },
  { department: 'support', channels: ['portal'], share: 0.3, moment: 'documentation', subject: 'Documentation: setup guide' },
];
/** Routine touchpoints a quarter per unit of segment activity. */
const routinePerQuarter = 1.2;

function routineDraft(random: Random, account: AccountPlan, occurredMs: number): TouchpointDraft {
  const department = random.weighted(routineDepartments);
  const channel = random.weighted(channelsByDepartment[department]);
  const journeyStage = touchpointStageAt(account, department, occurredMs);
  const moment = routineMoments.find((candidate) => candidate.department === department && candidate.channels.includes(channel));
  if (moment !== undefined && random.chance(moment.share)) {
    return { occurredMs, department, channel, journeyStage, momentOfTruth: moment.moment, subject: moment.subject };
  }
  return { occurredMs, department, channel, journeyStage, subject: random.pick(subjectsByDepartment[department]) };
}

/** Routine touchpoints of every quarter in which the account is a customer. */
export function routineDrafts(random: Random, account: AccountPlan, periods: readonly Period[]): TouchpointDraft[] {
  const drafts: TouchpointDraft[] = [];
  for (const period of periods) {
    const fromMs = Math.max(period.startMs, account.customerSinceMs);
    const toMs = Math.min(period.endMs, account.activeEndMs);
    if (toMs <= fromMs) continue;
    const share = (toMs - fromMs) / (period.endMs - period.startMs);
    const count = random.poisson(routinePerQuarter * account.segment.activity * share);
    for (let n = 0; n < count; n += 1) {
      const occurredMs = fromMs + Math.floor(random.float() * ((toMs - fromMs) / hourMs)) * hourMs;
      drafts.push(routineDraft(random, account, occurredMs));
    }
  }
  return drafts;
}

function at(random: Random, baseMs: number, fromDays: number, toDays: number): number {
  return baseMs + random.int(fromDays * 24, toDays * 24) * hourMs;
}

/**
 * The milestones of the account's journey: the sale (awareness → consideration → purchase), the
 * onboarding kick-off, the onboarding → adoption hand-off, renewal negotiations and the first
 * support case. Drafts outside the history are dropped by the caller.
 */
export function milestoneDrafts(random: Random, account: AccountPlan, firstCaseMs: number | undefined): TouchpointDraft[] {
  const since = account.customerSinceMs;
  const drafts: TouchpointDraft[] = [
    { occurredMs: at(random, since, -200, -120), department: 'marketing', channel: random.pick(['web', 'event'] as const), journeyStage: 'awareness', subject: 'First visit: product webinar' },
    { occurredMs: at(random, since, -100, -40), department: 'sales', channel: random.pick(['meeting', 'video_call'] as const), journeyStage: 'consideration', subject: 'Discovery meeting' },
    { occurredMs: at(random, since, -20, -3), department: 'sales', channel: 'meeting', journeyStage: 'purchase', momentOfTruth: 'executive_meeting', subject: 'Contract signing with executives' },
    { occurredMs: at(random, since, 1, 10), department: 'professional_services', channel: 'meeting', journeyStage: 'onboarding', momentOfTruth: 'onboarding_kickoff', subject: 'Onboarding kick-off' },
    { occurredMs: account.onboardingEndMs + random.int(0, 23) * hourMs, department: 'success', channel: 'video_call', journeyStage: 'adoption', momentOfTruth: 'adoption_handoff', subject: 'Hand-off from onboarding to customer success' },
  ];
  for (const renewalMs of account.renewalsMs) {
    drafts.push({ occurredMs: at(random, renewalMs, -60, -20), department: 'sales', channel: 'meeting', journeyStage: 'renewal', momentOfTruth: 'renewal_negotiation', subject: 'Renewal negotiation' });
  }
  if (firstCaseMs !== undefined && firstCaseMs - since < 365 * dayMs) {
    drafts.push({ occurredMs: firstCaseMs, department: 'support', channel: 'portal', journeyStage: 'support', momentOfTruth: 'first_support_case', subject: 'First support case' });
  }
  return drafts;
}
