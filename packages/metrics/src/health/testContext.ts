/**
 * Test support (not exported from the package): small builders for hand-made account contexts,
 * and a way to cut a generated dataset into one context per account.
 */
import type {
  Account,
  AccountContext,

  CanonicalDataset,
  Contact,
  ContactRole,
  Feedback,
  Opportunity,
  SupportCase,
  Touchpoint,
} from '@kizuna/model';

export const testAsOf = '2026-10-01T00:00:00.000Z';

/** An instant `days` (may be fractional) before `testAsOf`. */
export function daysBefore(days: number, from = testAsOf): string {
  return new Date(Date.parse(from) - days * 86_400_000).toISOString();
}

/** A calendar date `days` away from `testAsOf` (negative: before). */
export function dateIn(days: number, from = testAsOf): string {
  return new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10);
}

export function account(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acc-1',
    name: 'Aozora Logistics',
    businessUnitId: 'bu-1',
    productLineId: 'pl-1',
    segmentId: 'seg-1',
    servingTeamId: 'team-1',
    arr: 12_000_000,
    currency: 'JPY',
    status: 'active',
    customerSince: '2024-01-15',
    ...overrides,
  };
}

export function contact(id: string, role: ContactRole, name = `Contact ${id}`): Contact {
  return { id, accountId: 'acc-1', name, role };
}

export function touchpoint(id: string, occurredAt: string, overrides: Partial<Touchpoint> = {}): Touchpoint {
  return { id, accountId: 'acc-1', occurredAt, channel: 'meeting', department: 'success', journeyStage: 'adoption', subject: 'Check-in', ...overrides };
}

export function nps(id: string, score: number, respondedAt: string, overrides: Partial<Feedback> = {}): Feedback {
  return {
    id,
    accountId: 'acc-1',
    kind: 'nps',
    programme: 'relationship',
    scale: 'nps_0_10',
    score,
    respondedAt,
    driverScores: {},
    followUp: { state: score <= 6 ? 'open' : 'not_required' },
    ...overrides,
  };
}

export function csat(id: string, score: number, respondedAt: string): Feedback {
  return { ...nps(id, score, respondedAt), kind: 'csat', programme: 'interaction', scale: 'csat_1_5', followUp: { state: 'not_required' } };
}

export function ces(id: string, score: number, respondedAt: string): Feedback {
  return { ...nps(id, score, respondedAt), kind: 'ces', programme: 'interaction', scale: 'ces2_1_7', followUp: { state: 'not_required' } };
}

export function supportCase(id: string, openedAt: string, overrides: Partial<SupportCase> = {}): SupportCase {
  return {
    id,
    accountId: 'acc-1',
    subject: 'Sync stopped',
    channel: 'portal',
    priority: 'medium',
    status: 'working',
    escalated: false,
    openedAt,
    slaResolutionHours: 72,
    ...overrides,
  };
}

export function renewal(id: string, closeDate: string, overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    accountId: 'acc-1',
    name: 'Renewal',
    type: 'renewal',
    stage: 'Negotiation',
    status: 'open',
    amount: 15_000_000,
    renewingAmount: 14_000_000,
    currency: 'JPY',
    closeDate,
    ...overrides,
  };
}

export function context(overrides: Partial<AccountContext> = {}): AccountContext {
  return {
    account: account(),
    contacts: [],
    touchpoints: [],
    feedback: [],
    supportCases: [],
    opportunities: [],
    actions: [],
    rejected: [],
    unavailable: [],
    ...overrides,
  };
}


function groupBy<T extends { readonly accountId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.accountId);
    if (group === undefined) groups.set(record.accountId, [record]);
    else group.push(record);
  }
  return groups;
}

/** One AccountContext per account of a generated dataset (no actions, nothing rejected or unavailable). */
export function accountContextsOf(dataset: CanonicalDataset): AccountContext[] {
  const contacts = groupBy(dataset.contacts);
  const touchpoints = groupBy(dataset.touchpoints);
  const feedback = groupBy(dataset.feedback);
  const supportCases = groupBy(dataset.supportCases);
  const opportunities = groupBy(dataset.opportunities);
  const actions = groupBy(dataset.actions);
  return dataset.accounts.map((item) => ({
    account: item,
    contacts: contacts.get(item.id) ?? [],
    touchpoints: touchpoints.get(item.id) ?? [],
    feedback: feedback.get(item.id) ?? [],
    supportCases: supportCases.get(item.id) ?? [],
    opportunities: opportunities.get(item.id) ?? [],
    actions: actions.get(item.id) ?? [],
    rejected: [],
    unavailable: [],
  }));
}
