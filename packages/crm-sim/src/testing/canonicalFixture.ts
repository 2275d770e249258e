import {
  assertEntity,
  datasetKeys,
  entityNames,
  type Account,
  type Action,
  type BusinessUnit,
  type CanonicalDataset,
  type Contact,
  type EmployeePulse,
  type Feedback,
  type Opportunity,
  type ProductLine,
  type Segment,
  type SupportCase,
  type Team,
  type Touchpoint,
} from '@kizuna/model';

const businessUnits: BusinessUnit[] = [{ id: 'bu-apac', name: 'APAC' }];

const productLines: ProductLine[] = [{ id: 'pl-core', name: 'Core Platform', businessUnitId: 'bu-apac' }];

const segments: Segment[] = [{ id: 'seg-ent', name: 'Enterprise' }];

const teams: Team[] = [{ id: 'team-cs', name: 'Customer Success Tokyo', businessUnitId: 'bu-apac', department: 'success' }];

const accounts: Account[] = [
  {
    ...accountBase('acc-1', 'Acme Corp'),
    industry: 'Manufacturing',
    arr: 120_000,
    renewalDate: '2026-12-31',
    onboardingStartedOn: '2024-01-10',
    onboardingCompletedOn: '2024-03-01',
  },
  { ...accountBase('acc-2', 'Beta KK'), arr: 45_500.5, status: 'churned', churnedOn: '2026-02-28' },
  { ...accountBase('acc-3', 'Gamma Ltd'), arr: 0 },
];

const contacts: Contact[] = [
  { id: 'con-1', accountId: 'acc-1', name: 'Hanako Yamada', email: 'hanako@acme.example', title: 'CIO', role: 'decision_maker' },
  { id: 'con-2', accountId: 'acc-1', name: 'Cher', role: 'champion' },
  { id: 'con-3', accountId: 'acc-2', name: "Sean O'Brien", title: 'Ops lead', role: 'user' },
];

const touchpoints: Touchpoint[] = [
  {
    id: 'tp-1',
    accountId: 'acc-1',
    contactId: 'con-1',
    teamId: 'team-cs',
    occurredAt: '2026-05-20T20:49:32Z',
    channel: 'email',
    department: 'success',
    journeyStage: 'adoption',
    subject: 'Adoption check-in',
  },
  {
    id: 'tp-2',
    accountId: 'acc-1',
    occurredAt: '2026-04-01T09:00:00+09:00',
    channel: 'meeting',
    department: 'sales',
    journeyStage: 'renewal',
    momentOfTruth: 'quarterly_business_review',
    subject: 'QBR',
  },
];

const feedbackRows: Feedback[] = [
  feedbackOf('fb-1', 'acc-1', 9, '2026-05-21T08:00:00Z', { contactId: 'con-1', touchpointId: 'tp-1', comment: 'Great support' }),
  feedbackOf('fb-2', 'acc-1', 3, '2026-05-22T08:00:00Z', { followUp: { state: 'open', dueAt: '2026-05-25T08:00:00Z' } }),
  feedbackOf('fb-3', 'acc-2', 7, '2026-01-15T12:30:00.123Z', { contactId: 'con-3' }),
];

const supportCases: SupportCase[] = [
  {
    id: 'case-1',
    accountId: 'acc-1',
    contactId: 'con-1',
    teamId: 'team-cs',
    productLineId: 'pl-core',
    subject: 'Login fails',
    channel: 'email',
    priority: 'high',
    status: 'closed',
    escalated: true,
    openedAt: '2026-03-01T10:00:00Z',
    firstResponseAt: '2026-03-01T11:00:00Z',
    closedAt: '2026-03-03T10:00:00Z',
    slaResolutionHours: 48,
  },
  {
    id: 'case-2',
    accountId: 'acc-2',
    subject: 'Export question',
    channel: 'video_call',
    priority: 'low',
    status: 'waiting_on_customer',
    escalated: false,
    openedAt: '2026-04-02T10:00:00Z',
  },
];

const opportunities: Opportunity[] = [
  {
    id: 'opp-1',
    accountId: 'acc-1',
    productLineId: 'pl-core',
    name: 'Acme renewal 2026',
    type: 'renewal',
    stage: 'Closed Won',
    status: 'won',
    amount: 130_000,
    renewingAmount: 120_000,
    currency: 'JPY',
    closeDate: '2026-01-31',
  },
];

const employeePulses: EmployeePulse[] = [
  {
    id: 'ep-1',
    teamId: 'team-cs',
    period: '2026-Q1',
    invited: 12,
    respondents: 10,
    engagement: 71.5,
    enps: { promoters: 4, passives: 4, detractors: 2 },
    itemMeans: { workload: 3.2 },
  },
];

const actions: Action[] = [
  actionOf('act-1', 'accepted', 'NBA-acc1-detractor-call'),
  actionOf('act-2', 'proposed', 'NBA-acc1-exec-sponsor'),
];

/**
 * A small canonical organisation for the simulator's tests, every record valid per
 * `@kizuna/model`: two accounts with contacts, activity, feedback, cases and an opportunity,
 * and a third account with nothing attached (for empty child relationships).
 */
export function canonicalFixture(): CanonicalDataset {
  return validated({
    businessUnits,
    productLines,
    segments,
    teams,
    accounts,
    contacts,
    touchpoints,
    feedback: feedbackRows,
    supportCases,
    opportunities,
    employeePulses,
    actions,
  });
}

/** The fixture plus `count` NPS answers spread over accounts 1 and 2 (for paging tests). */
export function canonicalFixtureWithFeedback(count: number): CanonicalDataset {
  const dataset = canonicalFixture();
  const extra = Array.from({ length: count - dataset.feedback.length }, (_, i) =>
    feedbackOf(`fb-x${i}`, i % 3 === 0 ? 'acc-2' : 'acc-1', i % 11, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()),
  );
  return { ...dataset, feedback: [...dataset.feedback, ...extra] };
}

function accountBase(id: string, name: string) {
  return {
    id,
    name,
    businessUnitId: 'bu-apac',
    productLineId: 'pl-core',
    segmentId: 'seg-ent',
    servingTeamId: 'team-cs',
    currency: 'JPY',
    status: 'active' as const,
    customerSince: '2024-01-01',
  };
}

function feedbackOf(id: string, accountId: string, score: number, respondedAt: string, extra: Partial<Feedback> = {}): Feedback {
  return {
    id,
    accountId,
    kind: 'nps',
    programme: 'relationship',
    scale: 'nps_0_10',
    score,
    respondedAt,
    journeyStage: 'adoption',
    channel: 'email',
    driverScores: { support_responsiveness: 8 },
    followUp: { state: 'not_required' },
    ...extra,
  };
}

function actionOf(id: string, status: 'accepted' | 'proposed', idempotencyKey: string) {
  return {
    id,
    accountId: 'acc-1',
    contactId: 'con-1',
    playbookId: 'detractor-recovery',
    title: 'Call the detractor',
    reasons: ['NPS 3 on 22 May', 'Renewal in 7 months'],
    valueAtStake: 120_000,
    expectedEffect: 0.3,
    urgency: 0.8,
    status,
    idempotencyKey,
    createdAt: '2026-05-23T00:00:00Z',
    dueAt: '2026-05-30T00:00:00Z',
  };
}

function validated(dataset: CanonicalDataset): CanonicalDataset {
  for (const entity of entityNames) {
    for (const record of dataset[datasetKeys[entity]]) assertEntity(entity, record);
  }
  return dataset;
}
