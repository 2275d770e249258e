import type { Opportunity, OpportunityStatus } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { dayMs, toDate, type Period } from './calendar';
import { createRandom, type Random } from './random';
import { streams } from './streams';

/** Chance of an expansion (cross-sell or upsell) opportunity per quarter per unit of segment activity. */
const expansionPerQuarter = 0.06;
const renewalOpenLeadDays = 120;

function roundYen(amount: number): number {
  return Math.round(amount / 10_000) * 10_000;
}

interface OpportunityInput {
  readonly account: AccountPlan;
  readonly windowStartMs: number;
  readonly asOfMs: number;
  readonly productLineName: (id: string) => string;
}

type Draft = Omit<Opportunity, 'id' | 'accountId' | 'currency'>;

function stageOf(status: OpportunityStatus, random: Random): string {
  if (status === 'won') return 'Closed Won';
  if (status === 'lost') return 'Closed Lost';
  return random.pick(['Proposal', 'Negotiation'] as const);
}

function renewalDrafts(random: Random, input: OpportunityInput): Draft[] {
  const { account, windowStartMs, asOfMs } = input;
  const drafts: Draft[] = [];
  const line = input.productLineName(account.productLineId);
  for (const renewalMs of account.renewalsMs) {
    const isPast = renewalMs < asOfMs;
    if (renewalMs < windowStartMs || (!isPast && (account.churnMs !== undefined || renewalMs - asOfMs > renewalOpenLeadDays * dayMs))) continue;
    if (account.churnMs !== undefined && renewalMs > account.churnMs) continue;
    const status: OpportunityStatus = !isPast ? 'open' : renewalMs === account.churnMs ? 'lost' : 'won';
    // ARR grew about 4 % a year, so earlier renewals renewed less.
    const renewingAmount = roundYen(account.record.arr / 1.04 ** ((asOfMs - renewalMs) / (365 * dayMs)));
    const uplift = status === 'won' ? 1 + random.float() * 0.08 : 1;
    drafts.push({
      productLineId: account.productLineId,
      name: `${account.record.name} — ${line} renewal ${toDate(renewalMs).slice(0, 4)}`,
      type: 'renewal',
      stage: stageOf(status, random),
      status,
      amount: roundYen(renewingAmount * uplift),
      renewingAmount,
      closeDate: toDate(renewalMs),
    });
  }
  return drafts;
}

function expansionDrafts(random: Random, input: OpportunityInput, periods: readonly Period[]): Draft[] {
  const { account, asOfMs } = input;
  const drafts: Draft[] = [];
  for (const period of periods) {
    if (period.endMs <= account.customerSinceMs + 90 * dayMs || period.startMs >= account.activeEndMs) continue;
    if (!random.chance(expansionPerQuarter * account.segment.activity)) continue;
    const lineId = random.pick(account.unit.productLineIds);
    const closeMs = period.startMs + random.float() * (period.endMs - period.startMs);
    const status: OpportunityStatus = closeMs > asOfMs - 45 * dayMs ? 'open' : random.chance(0.55) ? 'won' : 'lost';
    drafts.push({
      productLineId: lineId,
      name: `${account.record.name} — ${input.productLineName(lineId)} expansion`,
      type: 'expansion',
      stage: stageOf(status, random),
      status,
      amount: roundYen(account.record.arr * (0.1 + random.float() * 0.3)),
      closeDate: toDate(status === 'open' ? asOfMs + random.int(10, 90) * dayMs : closeMs),
    });
  }
  return drafts;
}

/** The account's new-business deal (when it became a customer inside the history), renewals and expansions. */
export function generateOpportunities(seed: number, input: OpportunityInput, periods: readonly Period[]): Opportunity[] {
  const { account } = input;
  const random = createRandom(seed, streams.opportunities, account.index);
  const drafts: Draft[] = [];
  if (account.customerSinceMs >= input.windowStartMs) {
    drafts.push({
      productLineId: account.productLineId,
      name: `${account.record.name} — ${input.productLineName(account.productLineId)} new business`,
      type: 'new',
      stage: 'Closed Won',
      status: 'won',
      amount: roundYen(account.record.arr * (0.85 + random.float() * 0.15)),
      closeDate: toDate(account.customerSinceMs),
    });
  }
  drafts.push(...renewalDrafts(random, input), ...expansionDrafts(random, input, periods));
  drafts.sort((a, b) => (a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : 0));
  return drafts.map((draft, ordinal) => ({
    id: `opp-${account.id.slice('acc-'.length)}-${String(ordinal + 1).padStart(3, '0')}`,
    accountId: account.id,
    ...draft,
    currency: account.record.currency,
  }));
}
