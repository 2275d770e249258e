import type { AccountContext, CanonicalDataset, Contact, Feedback, SupportCase, Touchpoint } from '@kizuna/model';

/**
 * A realistic account for tests and stories, as of {@link fixtureAsOf}: Hoshino Manufacturing, a
 * JPY 48M account renewing in seven weeks. Its signals are planted so every account widget has
 * something true to say:
 * - the decision maker (Kenji Hoshino) gave NPS 4 six days ago and nobody has replied;
 * - the champion (Yui Mori) has been silent since May; no influencer is on file;
 * - the executive sponsor and users are promoters; the last QBR was in June;
 * - four support cases are open, one escalated; the renewal closes on 2026-11-20.
 */
export const fixtureAsOf = '2026-10-01T00:00:00.000Z';

const accountId = 'acc-hoshino';

const contacts: Contact[] = [
  { id: 'con-dm', accountId, name: 'Kenji Hoshino', title: 'Director of Operations', role: 'decision_maker', email: 'k.hoshino@hoshino.example' },
  { id: 'con-exec', accountId, name: 'Emi Watanabe', title: 'Chief Digital Officer', role: 'executive_sponsor' },
  { id: 'con-champion', accountId, name: 'Yui Mori', title: 'Plant IT Lead', role: 'champion' },
  { id: 'con-user-1', accountId, name: 'Taro Suzuki', title: 'Line Supervisor', role: 'user' },
  { id: 'con-user-2', accountId, name: 'Hana Ito', title: 'Quality Engineer', role: 'user' },
];

function touchpoint(id: string, occurredAt: string, fields: Omit<Touchpoint, 'id' | 'accountId' | 'occurredAt'>): Touchpoint {
  return { id, accountId, occurredAt, ...fields };
}

const touchpoints: Touchpoint[] = [
  touchpoint('tp-01', '2026-03-10T01:00:00.000Z', { contactId: 'con-exec', channel: 'meeting', department: 'sales', journeyStage: 'adoption', momentOfTruth: 'executive_meeting', subject: 'Executive alignment on the 2026 roll-out' }),
  touchpoint('tp-02', '2026-04-22T05:00:00.000Z', { contactId: 'con-user-1', channel: 'video_call', department: 'success', journeyStage: 'adoption', subject: 'Line dashboard training' }),
  touchpoint('tp-03', '2026-05-14T02:00:00.000Z', { contactId: 'con-champion', channel: 'email', department: 'marketing', journeyStage: 'advocacy', momentOfTruth: 'video_content', subject: 'Customer story video draft' }),
  touchpoint('tp-04', '2026-06-18T04:00:00.000Z', { contactId: 'con-dm', channel: 'meeting', department: 'sales', journeyStage: 'adoption', momentOfTruth: 'quarterly_business_review', subject: 'Q2 quarterly business review' }),
  touchpoint('tp-05', '2026-08-03T00:30:00.000Z', { contactId: 'con-user-2', channel: 'portal', department: 'support', journeyStage: 'support', momentOfTruth: 'documentation', subject: 'Calibration guide: missing steps' }),
  touchpoint('tp-06', '2026-09-02T06:00:00.000Z', { contactId: 'con-user-1', channel: 'phone', department: 'support', journeyStage: 'support', subject: 'Sensor data gaps after firmware update' }),
  touchpoint('tp-07', '2026-09-24T08:00:00.000Z', { contactId: 'con-dm', channel: 'phone', department: 'support', journeyStage: 'support', subject: 'Escalation call about the data gaps' }),
  touchpoint('tp-08', '2026-09-28T02:00:00.000Z', { contactId: 'con-user-2', channel: 'event', department: 'marketing', journeyStage: 'advocacy', subject: 'Smart factory user forum, Nagoya' }),
];

function answer(id: string, respondedAt: string, fields: Partial<Feedback> & Pick<Feedback, 'kind' | 'scale' | 'score' | 'programme'>): Feedback {
  return { id, accountId, respondedAt, driverScores: {}, followUp: { state: 'not_required' }, ...fields };
}

const feedback: Feedback[] = [
  answer('fb-01', '2025-11-20T00:00:00.000Z', { contactId: 'con-dm', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 8 }),
  answer('fb-02', '2026-03-12T00:00:00.000Z', { contactId: 'con-exec', touchpointId: 'tp-01', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 9 }),
  answer('fb-03', '2026-04-23T00:00:00.000Z', { contactId: 'con-user-1', touchpointId: 'tp-02', kind: 'csat', programme: 'interaction', scale: 'csat_1_5', score: 5 }),
  answer('fb-04', '2026-05-15T00:00:00.000Z', { contactId: 'con-champion', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 10 }),
  answer('fb-05', '2026-06-19T00:00:00.000Z', { contactId: 'con-dm', touchpointId: 'tp-04', kind: 'csat', programme: 'interaction', scale: 'csat_1_5', score: 4 }),
  answer('fb-06', '2026-08-04T00:00:00.000Z', {
    contactId: 'con-user-2',
    touchpointId: 'tp-05',
    kind: 'ces',
    programme: 'interaction',
    scale: 'ces2_1_7',
    score: 3,
    comment: 'The calibration guide skips the offset step.',
    followUp: { state: 'in_progress', dueAt: '2026-08-06T00:00:00.000Z' },
  }),
  answer('fb-07', '2026-09-03T00:00:00.000Z', { contactId: 'con-user-1', touchpointId: 'tp-06', kind: 'csat', programme: 'interaction', scale: 'csat_1_5', score: 2, comment: 'Three days without an answer.', followUp: { state: 'acknowledged', dueAt: '2026-09-05T00:00:00.000Z' } }),
  answer('fb-08', '2026-09-20T00:00:00.000Z', { contactId: 'con-user-2', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 9 }),
  answer('fb-09', '2026-09-25T00:00:00.000Z', {
    contactId: 'con-dm',
    touchpointId: 'tp-07',
    kind: 'nps',
    programme: 'relationship',
    scale: 'nps_0_10',
    score: 4,
    comment: 'We lose production data and nobody owns the problem.',
    followUp: { state: 'open', dueAt: '2026-09-27T00:00:00.000Z' },
  }),
  answer('fb-10', '2026-09-29T00:00:00.000Z', { contactId: 'con-user-1', kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score: 9, comment: 'The new dashboards save us an hour a day.', followUp: { state: 'open', dueAt: '2026-10-06T00:00:00.000Z' } }),
];

function supportCase(id: string, openedAt: string, fields: Partial<SupportCase>): SupportCase {
  return { id, accountId, subject: 'Case', channel: 'portal', priority: 'medium', status: 'working', escalated: false, openedAt, slaResolutionHours: 72, ...fields };
}

const supportCases: SupportCase[] = [
  supportCase('case-1', '2026-06-02T00:00:00.000Z', { subject: 'Login loop on tablets', status: 'closed', firstResponseAt: '2026-06-02T02:00:00.000Z', closedAt: '2026-06-03T00:00:00.000Z' }),
  supportCase('case-2', '2026-09-02T06:00:00.000Z', { contactId: 'con-user-1', subject: 'Sensor data gaps after firmware update', priority: 'high', escalated: true, status: 'escalated', firstResponseAt: '2026-09-05T01:00:00.000Z' }),
  supportCase('case-3', '2026-09-15T00:00:00.000Z', { subject: 'Export to MES fails at midnight', status: 'working' }),
  supportCase('case-4', '2026-09-21T00:00:00.000Z', { subject: 'Alert e-mails in English only', priority: 'low', status: 'waiting_on_customer' }),
  supportCase('case-5', '2026-09-27T00:00:00.000Z', { subject: 'Slow report on line 4', status: 'new' }),
];

/** The context as the data source would return it. */
export const hoshinoContext: AccountContext = {
  account: {
    id: accountId,
    name: 'Hoshino Manufacturing',
    businessUnitId: 'bu-industrial',
    productLineId: 'pl-factory-iot',
    segmentId: 'seg-enterprise',
    servingTeamId: 'team-chubu',
    arr: 48_000_000,
    currency: 'JPY',
    industry: 'Manufacturing',
    status: 'active',
    customerSince: '2023-04-01',
    renewalDate: '2026-11-20',
    onboardingStartedOn: '2023-04-01',
    onboardingCompletedOn: '2023-05-20',
  },
  contacts,
  touchpoints,
  feedback,
  supportCases,
  opportunities: [
    { id: 'opp-renewal', accountId, name: 'Hoshino renewal FY2027', type: 'renewal', stage: 'Negotiation', status: 'open', amount: 50_000_000, renewingAmount: 48_000_000, currency: 'JPY', closeDate: '2026-11-20' },
  ],
  actions: [],
  rejected: [],
  unavailable: [],
};

/** The same account with parts the CRM could not read (partial data). */
export function withUnavailable(context: AccountContext, parts: AccountContext['unavailable']): AccountContext {
  const lost = new Set(parts.map((part) => part.entity));
  return {
    ...context,
    contacts: lost.has('contact') ? [] : context.contacts,
    touchpoints: lost.has('touchpoint') ? [] : context.touchpoints,
    feedback: lost.has('feedback') ? [] : context.feedback,
    supportCases: lost.has('supportCase') ? [] : context.supportCases,
    opportunities: lost.has('opportunity') ? [] : context.opportunities,
    actions: lost.has('action') ? [] : context.actions,
    unavailable: parts,
  };
}

/** A new customer with almost nothing on file yet (the empty states). */
export const newAccountContext: AccountContext = {
  ...hoshinoContext,
  account: { ...hoshinoContext.account, id: 'acc-new', name: 'Aoba Logistics', customerSince: '2026-09-20', renewalDate: '2027-09-20', onboardingStartedOn: '2026-09-20' },
  contacts: [],
  touchpoints: [],
  feedback: [],
  supportCases: [],
  opportunities: [],
};

/** A one-account organisation around Hoshino Manufacturing, for portfolio reads (`readDataset`). */
export const hoshinoDataset: CanonicalDataset = {
  businessUnits: [{ id: 'bu-industrial', name: 'Industrial Solutions' }],
  productLines: [{ id: 'pl-factory-iot', name: 'Factory IoT', businessUnitId: 'bu-industrial' }],
  segments: [{ id: 'seg-enterprise', name: 'Enterprise' }],
  teams: [{ id: 'team-chubu', name: 'Chubu Success', businessUnitId: 'bu-industrial', department: 'success' }],
  accounts: [hoshinoContext.account],
  contacts: [...hoshinoContext.contacts],
  touchpoints: [...hoshinoContext.touchpoints],
  feedback: [...hoshinoContext.feedback],
  supportCases: [...hoshinoContext.supportCases],
  opportunities: [...hoshinoContext.opportunities],
  employeePulses: [],
  actions: [],
};
