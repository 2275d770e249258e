import type { CasePriority, CaseStatus, Channel, Contact, Feedback, SupportCase } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { dayMs, hourMs, toDateTime, type Period } from './calendar';
import { followUpDueDays, followUpFor } from './followUp';
import { createRandom, type Random } from './random';
import { streams } from './streams';

export type FeedbackDraft = Omit<Feedback, 'id'>;

/** Resolution target by priority (hours). */
export const slaResolutionHours: Readonly<Record<CasePriority, number>> = { low: 120, medium: 72, high: 24, critical: 8 };
/** Typical time to resolution by priority (hours), before the account's slowness and per-case noise. */
const typicalResolutionHours: Readonly<Record<CasePriority, number>> = { low: 48, medium: 30, high: 16, critical: 6 };
const typicalFirstResponseHours: Readonly<Record<CasePriority, number>> = { low: 8, medium: 4, high: 1.5, critical: 0.5 };
/** How strongly an account's latent slowness z stretches its resolution times: × exp(0.9·z). */
export const resolutionSlownessSd = 0.9;
/** Cases a quarter per unit of segment activity. */
const casesPerQuarter = 0.6;
/** Share of closed cases answered with a CES survey. */
const cesResponseRate = 0.35;

const priorities: readonly (readonly [CasePriority, number])[] = [['low', 30], ['medium', 45], ['high', 20], ['critical', 5]];
const caseChannels: readonly (readonly [Channel, number])[] = [['email', 35], ['portal', 30], ['phone', 20], ['chat', 15]];
const openStatuses: readonly (readonly [CaseStatus, number])[] = [['working', 60], ['waiting_on_customer', 40]];
const subjects = [
  'Login fails after password reset', 'Report export times out', 'Data sync stopped overnight',
  'Question about invoice line items', 'API rate limit errors', 'Dashboard shows stale figures',
  'User cannot be provisioned', 'Integration mapping error', 'Slow page loads', 'Licence count mismatch',
  'Scheduled job did not run', 'How to configure approval workflow',
] as const;

export interface CaseResults {
  readonly cases: SupportCase[];
  readonly ces: FeedbackDraft[];
}

interface CaseInput {
  readonly account: AccountPlan;
  readonly contacts: readonly [Contact, ...Contact[]];
  readonly teamId: string;
  readonly openedMs: number;
  readonly ordinal: number;
  readonly asOfMs: number;
}

function drawCase(random: Random, input: CaseInput): { supportCase: SupportCase; resolvedMs: number; breached: boolean } {
  const priority = random.weighted(priorities);
  const sla = slaResolutionHours[priority];
  const resolutionHours = typicalResolutionHours[priority] * Math.exp(resolutionSlownessSd * input.account.slownessZ + random.normal(0, 0.35));
  const firstResponseHours = Math.min(resolutionHours, typicalFirstResponseHours[priority] * Math.exp(random.normal(0, 0.5)));
  const escalated = resolutionHours > sla ? random.chance(0.5) : random.chance(0.03);
  const resolvedMs = input.openedMs + Math.round(resolutionHours * 60) * 60_000;
  const respondedMs = input.openedMs + Math.round(firstResponseHours * 60) * 60_000;
  const closed = resolvedMs <= input.asOfMs;
  const status: CaseStatus = closed ? 'closed' : escalated ? 'escalated' : respondedMs > input.asOfMs ? 'new' : random.weighted(openStatuses);
  const contact = random.pick(input.contacts);
  const supportCase: SupportCase = {
    id: `case-${input.account.id.slice('acc-'.length)}-${String(input.ordinal).padStart(4, '0')}`,
    accountId: input.account.id,
    contactId: contact.id,
    teamId: input.teamId,
    productLineId: input.account.productLineId,
    subject: random.pick(subjects),
    channel: random.weighted(caseChannels),
    priority,
    status,
    escalated,
    openedAt: toDateTime(input.openedMs),
    ...(respondedMs <= input.asOfMs ? { firstResponseAt: toDateTime(respondedMs) } : {}),
    ...(closed ? { closedAt: toDateTime(resolvedMs) } : {}),
    slaResolutionHours: sla,
  };
  return { supportCase, resolvedMs, breached: resolutionHours > sla };
}

function cesFor(random: Random, supportCase: SupportCase, resolvedMs: number, breached: boolean, asOfMs: number): FeedbackDraft | undefined {
  if (supportCase.status !== 'closed' || !random.chance(cesResponseRate)) return undefined;
  const respondedMs = resolvedMs + random.int(60, 48 * 60) * 60_000;
  if (respondedMs >= asOfMs) return undefined;
  const score = Math.min(7, Math.max(1, Math.round(5.5 - (breached ? 1.2 : 0) + random.normal(0, 1.2))));
  return {
    accountId: supportCase.accountId,
    ...(supportCase.contactId === undefined ? {} : { contactId: supportCase.contactId }),
    kind: 'ces',
    programme: 'interaction',
    scale: 'ces2_1_7',
    score,
    respondedAt: toDateTime(respondedMs),
    journeyStage: 'support',
    channel: 'email',
    driverScores: {},
    followUp: followUpFor(random, score <= 3, respondedMs, asOfMs, followUpDueDays.interaction),
  };
}

/**
 * Support cases of one account, quarter by quarter while it is a customer, and CES 2.0 answers
 * after a third of the closed ones. Time to resolution scales with the account's latent slowness:
 * typical hours by priority × exp(0.9·z + N(0, 0.35)).
 */
export function generateSupportCases(seed: number, account: AccountPlan, contacts: readonly [Contact, ...Contact[]],
  periods: readonly Period[], asOfMs: number): CaseResults {
  const random = createRandom(seed, streams.cases, account.index);
  const supportTeams = account.unit.teamIdsByDepartment.support;
  const teamId = supportTeams[account.index % supportTeams.length] ?? supportTeams[0];
  const cases: SupportCase[] = [];
  const ces: FeedbackDraft[] = [];
  for (const period of periods) {
    const fromMs = Math.max(period.startMs, account.customerSinceMs + 7 * dayMs);
    const toMs = Math.min(period.endMs, account.activeEndMs);
    if (toMs <= fromMs) continue;
    const share = (toMs - fromMs) / (period.endMs - period.startMs);
    const count = random.poisson(casesPerQuarter * account.segment.activity * share);
    const opened = Array.from({ length: count }, () => fromMs + Math.floor(random.float() * ((toMs - fromMs) / hourMs)) * hourMs);
    opened.sort((a, b) => a - b);
    for (const openedMs of opened) {
      const input = { account, contacts, teamId, openedMs, ordinal: cases.length + 1, asOfMs };
      const { supportCase, resolvedMs, breached } = drawCase(random, input);
      cases.push(supportCase);
      const answer = cesFor(random, supportCase, resolvedMs, breached, asOfMs);
      if (answer !== undefined) ces.push(answer);
    }
  }
  return { cases, ces };
}
