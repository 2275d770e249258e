import type { Account, Contact, Feedback, Opportunity, SupportCase, Touchpoint } from '@kizuna/model';
import { planAccount } from './accountPlan';
import { generateContacts } from './contacts';
import type { PulseResults } from './employeePulses';
import { generateOpportunities } from './opportunities';
import type { OrganisationPlan } from './organisation';
import { generateRelationshipSurveys } from './relationshipSurveys';
import { generateSupportCases, type FeedbackDraft } from './supportCases';
import { generateTouchpoints } from './touchpoints';

/** What every account's generation shares: the structure, the pulses, and look-ups. */
export interface OrganisationContext {
  readonly plan: OrganisationPlan;
  readonly pulses: PulseResults;
  readonly productLineNames: ReadonlyMap<string, string>;
}

/** All records of one account. */
export interface AccountRecords {
  readonly account: Account;
  readonly contacts: readonly Contact[];
  readonly touchpoints: readonly Touchpoint[];
  readonly feedback: readonly Feedback[];
  readonly supportCases: readonly SupportCase[];
  readonly opportunities: readonly Opportunity[];
}

function byTime(a: FeedbackDraft, b: FeedbackDraft): number {
  return a.respondedAt < b.respondedAt ? -1 : a.respondedAt > b.respondedAt ? 1 : 0;
}

/** Generates account number `index` (0-based) with everything that belongs to it. */
export function generateAccountRecords(context: OrganisationContext, index: number): AccountRecords {
  const { plan } = context;
  const { seed, asOfMs, effects } = plan.options;
  const account = planAccount(plan, index);
  const [firstContact, ...otherContacts] = generateContacts(seed, account);
  if (firstContact === undefined) throw new Error(`account ${account.id} has no contacts`);
  const contacts: [Contact, ...Contact[]] = [firstContact, ...otherContacts];
  const cases = generateSupportCases(seed, account, contacts, plan.periods, asOfMs);
  const firstCase = cases.cases[0];
  const firstCaseMs = firstCase === undefined ? undefined : Date.parse(firstCase.openedAt);
  const touchpoints = generateTouchpoints(seed, account, contacts, plan.periods, firstCaseMs, asOfMs);
  const nps = generateRelationshipSurveys({
    seed,
    planted: effects === 'planted',
    weakUnit: account.unit.id === plan.weakUnitId,
    account,
    contacts,
    periods: plan.periods,
    engagement: context.pulses.engagement.get(account.servingTeamId),
    asOfMs,
  });
  const drafts = [...touchpoints.csat, ...nps, ...cases.ces].sort(byTime);
  const accountKey = account.id.slice('acc-'.length);
  const feedback = drafts.map((draft, ordinal) => ({ id: `fb-${accountKey}-${String(ordinal + 1).padStart(4, '0')}`, ...draft }));
  const windowStartMs = plan.periods[0]?.startMs ?? asOfMs;
  const productLineName = (id: string): string => context.productLineNames.get(id) ?? id;
  const opportunities = generateOpportunities(seed, { account, windowStartMs, asOfMs, productLineName }, plan.periods);
  return {
    account: account.record,
    contacts,
    touchpoints: touchpoints.touchpoints,
    feedback,
    supportCases: cases.cases,
    opportunities,
  };
}
