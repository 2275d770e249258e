import type {
  Account,
  CanonicalDataset,
  Contact,
  EmployeePulse,
  Feedback,
  JourneyStage,
  MomentOfTruth,
  SupportCase,
  Team,
  Touchpoint,
} from '@kizuna/model';

/**
 * A small, deterministic B2B organisation for the leaders' dashboards' tests and stories (the
 * widgets package may not import the sample-data generator). Three business units with two product
 * lines each, three segments, eight serving teams, 90 accounts and a year of facts ending at
 * {@link leaderAsOf}, with effects planted so the analyses have something true to find:
 *
 * - Smart Manufacturing (`bu-mfg`) is rated lower on every driver item: a real NPS weakness.
 * - Driver items weigh 0.45 / 0.30 / 0.15 / 0.10 in NPS (`product_quality` most).
 * - NPS falls from onboarding to adoption while touchpoint CSAT stays high (a hand-off drop).
 * - Answers within 90 days after an executive meeting are 1.5 points higher (a moment of truth).
 * - Team `team-mfg-2` pulses with 3–4 respondents: never shown (anonymity under 5).
 */
export const leaderAsOf = '2026-10-01T00:00:00.000Z';

const yearStart = Date.parse('2025-10-01T00:00:00.000Z');
const dayMs = 86_400_000;

/** mulberry32: a tiny seeded generator, so the same seed always gives the same organisation. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const units = [
  { id: 'bu-cloud', name: 'Cloud Platform', lines: ['pl-cloud-infra', 'pl-cloud-data'], teams: ['team-cloud-1', 'team-cloud-2', 'team-cloud-3'], shift: 0.3 },
  { id: 'bu-mfg', name: 'Smart Manufacturing', lines: ['pl-mfg-iot', 'pl-mfg-mes'], teams: ['team-mfg-1', 'team-mfg-2'], shift: -1.6 },
  { id: 'bu-retail', name: 'Retail & Commerce', lines: ['pl-retail-pos', 'pl-retail-ec'], teams: ['team-retail-1', 'team-retail-2', 'team-retail-3'], shift: 0.2 },
] as const;

const lineNames: Readonly<Record<string, string>> = {
  'pl-cloud-infra': 'Cloud Infrastructure',
  'pl-cloud-data': 'Data Platform',
  'pl-mfg-iot': 'Factory IoT',
  'pl-mfg-mes': 'Manufacturing Execution',
  'pl-retail-pos': 'Point of Sale',
  'pl-retail-ec': 'E-commerce',
};

const segments = [
  { id: 'seg-ent', name: 'Enterprise' },
  { id: 'seg-mid', name: 'Mid-market' },
  { id: 'seg-smb', name: 'SMB' },
] as const;

export const driverItems = ['product_quality', 'support_responsiveness', 'onboarding_experience', 'account_management'] as const;
const itemWeights = [0.45, 0.3, 0.15, 0.1] as const;
const stages: readonly JourneyStage[] = ['onboarding', 'adoption', 'support', 'renewal'];
const stageShift: Readonly<Partial<Record<JourneyStage, number>>> = { onboarding: 0.6, adoption: -1.4, support: -0.6, renewal: 0 };
const moments: readonly MomentOfTruth[] = ['executive_meeting', 'quarterly_business_review', 'first_support_case'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.round(value)));
}

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function quarterOfMs(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/**
 * The organisation. `seed` varies the noise, never the planted effects; `effects: 'none'` gives the
 * control organisation (same accounts and noise, every unit, stage and moment alike).
 */
export function leaderOrganisation(seed = 1, effects: 'planted' | 'none' = 'planted'): CanonicalDataset {
  const next = random(seed);
  const planted = effects === 'planted';
  const teams: Team[] = units.flatMap((unit) => [
    ...unit.teams.map((id, index) => ({ id, name: `${unit.name} Success ${index + 1}`, businessUnitId: unit.id, department: 'success' as const })),
    { id: `${unit.id}-support`, name: `${unit.name} Support`, businessUnitId: unit.id, department: 'support' as const },
  ]);
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const touchpoints: Touchpoint[] = [];
  const feedback: Feedback[] = [];
  const supportCases: SupportCase[] = [];
  units.forEach((unit, unitIndex) => {
    for (let index = 0; index < 30; index += 1) {
      const id = `acc-${unitIndex + 1}${String(index + 1).padStart(2, '0')}`;
      const segment = segments[index % segments.length] ?? segments[0];
      const team = unit.teams[index % unit.teams.length] ?? unit.teams[0];
      accounts.push({
        id,
        name: `${unit.name.split(' ')[0] ?? 'Account'} Customer ${index + 1}`,
        businessUnitId: unit.id,
        productLineId: unit.lines[index % 2] ?? unit.lines[0],
        segmentId: segment.id,
        servingTeamId: team,
        arr: Math.round((segment.id === 'seg-ent' ? 60_000_000 : segment.id === 'seg-mid' ? 18_000_000 : 5_000_000) * (0.6 + next())),
        currency: 'JPY',
        status: 'active',
        customerSince: '2023-04-01',
      });
      const contactIds = [0, 1, 2].map((c) => `${id}-c${c}`);
      contactIds.forEach((contactId, c) =>
        contacts.push({ id: contactId, accountId: id, name: `Contact ${c + 1}`, role: c === 0 ? 'decision_maker' : c === 1 ? 'champion' : 'user' }),
      );
      const meetings: number[] = [];
      for (let t = 0; t < 8; t += 1) {
        const at = yearStart + Math.floor(next() * 360) * dayMs;
        const stage = stages[t % stages.length] ?? 'adoption';
        const moment = t < moments.length && next() < 0.6 ? moments[t] : undefined;
        if (moment === 'executive_meeting') meetings.push(at);
        const touchpointId = `${id}-t${t}`;
        touchpoints.push({
          id: touchpointId,
          accountId: id,
          teamId: team,
          occurredAt: iso(at),
          channel: t % 2 === 0 ? 'meeting' : 'email',
          department: stage === 'support' ? 'support' : 'success',
          journeyStage: stage,
          ...(moment === undefined ? {} : { momentOfTruth: moment }),
          subject: `Touchpoint ${t + 1}`,
        });
        if (stage !== 'renewal') {
          feedback.push({
            id: `${touchpointId}-csat`,
            accountId: id,
            touchpointId,
            kind: 'csat',
            programme: 'interaction',
            scale: 'csat_1_5',
            score: clamp(4.3 + 0.6 * normal(next), 1, 5),
            respondedAt: iso(at + dayMs),
            journeyStage: stage,
            driverScores: {},
            followUp: { state: 'not_required' },
          });
        }
      }
      for (let a = 0; a < 10; a += 1) {
        const at = yearStart + Math.floor(next() * 364) * dayMs + 3_600_000;
        const stage = stages[a % stages.length] ?? 'adoption';
        const afterMeeting = meetings.some((m) => at > m && at - m < 90 * dayMs);
        const items = driverItems.map(() => clamp(7.2 + (planted ? unit.shift : 0) + 1.8 * normal(next), 0, 10));
        const weighted = items.reduce((sum, value, i) => sum + value * (itemWeights[i] ?? 0), 0);
        const score = clamp(weighted + 1.2 + (planted ? (stageShift[stage] ?? 0) + (afterMeeting ? 1.5 : 0) : 0) + 0.9 * normal(next), 0, 10);
        const detractor = score <= 6;
        const dueAt = at + 2 * dayMs;
        const closeAfter = (planted && unit.id === 'bu-mfg' ? 4 : 1.2) * dayMs * (0.3 + next());
        const open = at + closeAfter > Date.parse(leaderAsOf);
        feedback.push({
          id: `${id}-nps${a}`,
          accountId: id,
          contactId: contactIds[a % 3] ?? contactIds[0] ?? id,
          kind: 'nps',
          programme: 'relationship',
          scale: 'nps_0_10',
          score,
          respondedAt: iso(at),
          journeyStage: stage,
          driverScores: Object.fromEntries(driverItems.map((item, i) => [item, items[i] ?? 0])),
          followUp: detractor
            ? open
              ? { state: 'open', dueAt: iso(dueAt) }
              : { state: 'closed', dueAt: iso(dueAt), closedAt: iso(at + closeAfter) }
            : { state: 'not_required' },
        });
      }
      for (let s = 0; s < 4; s += 1) {
        const opened = yearStart + Math.floor(next() * 340) * dayMs;
        const hours = (planted && unit.id === 'bu-mfg' ? 60 : 20) * (0.3 + 1.4 * next());
        supportCases.push({
          id: `${id}-case${s}`,
          accountId: id,
          teamId: `${unit.id}-support`,
          subject: `Case ${s + 1}`,
          channel: 'portal',
          priority: 'medium',
          status: 'closed',
          escalated: next() < (planted && unit.id === 'bu-mfg' ? 0.3 : 0.08),
          openedAt: iso(opened),
          firstResponseAt: iso(opened + 2 * 3_600_000),
          closedAt: iso(opened + hours * 3_600_000),
          slaResolutionHours: 48,
        });
      }
    }
  });
  const employeePulses: EmployeePulse[] = teams.flatMap((team) =>
    [0, 1, 2, 3].map((q) => {
      const periodStart = yearStart + q * 92 * dayMs;
      const small = team.id === 'team-mfg-2';
      const respondents = small ? 3 + (q % 2) : 6 + Math.floor(next() * 6);
      const promoters = Math.round(respondents * (team.businessUnitId === 'bu-mfg' ? 0.2 : 0.5));
      const detractors = Math.round(respondents * (team.businessUnitId === 'bu-mfg' ? 0.4 : 0.15));
      return {
        id: `${team.id}-${q}`,
        teamId: team.id,
        period: quarterOfMs(periodStart),
        invited: respondents + 2,
        respondents,
        engagement: team.businessUnitId === 'bu-mfg' ? 58 + 4 * next() : 72 + 6 * next(),
        enps: { promoters, passives: respondents - promoters - detractors, detractors },
        itemMeans: { recognition: 3.4 + next(), workload: 3 + next() },
      };
    }),
  );
  return {
    businessUnits: units.map((unit) => ({ id: unit.id, name: unit.name })),
    productLines: units.flatMap((unit) => unit.lines.map((id) => ({ id, name: lineNames[id] ?? id, businessUnitId: unit.id }))),
    segments: segments.map((segment) => ({ ...segment })),
    teams,
    accounts,
    contacts,
    touchpoints,
    feedback,
    supportCases,
    opportunities: [],
    employeePulses,
    actions: [],
  };
}
