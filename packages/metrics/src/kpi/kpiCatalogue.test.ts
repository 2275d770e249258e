import type { Account, CanonicalDataset, Feedback, Opportunity, SupportCase } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { buildFactTables } from './buildFactTables';
import { evaluateKpi } from './evaluateKpi';
import { kpiCatalogue } from './kpiCatalogue';

function account(id: string, businessUnitId: string, extra: Partial<Account> = {}): Account {
  return {
    id,
    name: id,
    businessUnitId,
    productLineId: 'pl-1',
    segmentId: 'seg-1',
    servingTeamId: 'team-1',
    arr: 100,
    currency: 'JPY',
    status: 'active',
    customerSince: '2024-01-01',
    ...extra,
  };
}

function answer(id: string, accountId: string, scale: Feedback['scale'], score: number, respondedAt = '2026-05-01T00:00:00.000Z'): Feedback {
  const kind = scale.startsWith('nps') ? 'nps' : scale.startsWith('csat') ? 'csat' : 'ces';
  return { id, accountId, kind, programme: 'relationship', scale, score, respondedAt, driverScores: {}, followUp: { state: 'not_required' } };
}

function supportCase(id: string, hours: number, slaHours: number, escalated: boolean): SupportCase {
  const opened = Date.parse('2026-05-01T00:00:00.000Z');
  return {
    id,
    accountId: 'a1',
    subject: 'help',
    channel: 'email',
    priority: 'high',
    status: 'closed',
    escalated,
    openedAt: new Date(opened).toISOString(),
    firstResponseAt: new Date(opened + 3_600_000).toISOString(),
    closedAt: new Date(opened + hours * 3_600_000).toISOString(),
    slaResolutionHours: slaHours,
  };
}

function renewal(id: string, status: Opportunity['status'], amount: number, renewingAmount: number): Opportunity {
  return { id, accountId: 'a1', name: id, type: 'renewal', stage: status, status, amount, renewingAmount, currency: 'JPY', closeDate: '2026-06-30' };
}

function dataset(parts: Partial<CanonicalDataset>): CanonicalDataset {
  return {
    businessUnits: [],
    productLines: [],
    segments: [],
    teams: [],
    accounts: [account('a1', 'bu-1'), account('a2', 'bu-2')],
    contacts: [],
    touchpoints: [],
    feedback: [],
    supportCases: [],
    opportunities: [],
    employeePulses: [],
    actions: [],
    ...parts,
  };
}

describe('the KPI catalogue on hand-worked data', () => {
  it('NPS by business unit: 5/3/2 → 30 with the adjusted-Wald interval −19…65', () => {
    const scores = [10, 10, 9, 9, 9, 8, 7, 7, 3, 5];
    const feedback = scores.map((score, index) => answer(`f${index}`, 'a1', 'nps_0_10', score));
    const tables = buildFactTables(dataset({ feedback: [...feedback, answer('x', 'a2', 'nps_0_10', 0)] }));
    const [bu1] = evaluateKpi(kpiCatalogue.nps, tables, { groupBy: ['businessUnitId'], filters: [{ dimension: 'businessUnitId', values: ['bu-1'] }] }).groups;
    expect(bu1?.keys).toEqual({ businessUnitId: 'bu-1' });
    expect(bu1?.result.value).toBe(30);
    expect(bu1?.result.interval?.low).toBeCloseTo(-19, 0);
    expect(bu1?.result.interval?.high).toBeCloseTo(65, 0);
  });

  it('CSAT top-2-box: 8 of 10 satisfied → 80 % with the Wilson interval 49 %…94 %', () => {
    const scores = [5, 5, 5, 4, 4, 4, 4, 4, 2, 1];
    const tables = buildFactTables(dataset({ feedback: scores.map((score, index) => answer(`c${index}`, 'a1', 'csat_1_5', score)) }));
    const [all] = evaluateKpi(kpiCatalogue.csat, tables, { groupBy: [] }).groups;
    expect(all?.result.value).toBe(0.8);
    expect(all?.result.interval?.low).toBeCloseTo(0.49, 2);
    expect(all?.result.interval?.high).toBeCloseTo(0.943, 2);
  });

  it('never pools CES 1.0 with CES 2.0', () => {
    const feedback = [answer('a', 'a1', 'ces2_1_7', 7), answer('b', 'a1', 'ces1_1_5', 1)];
    const [all] = evaluateKpi(kpiCatalogue.cesMean, buildFactTables(dataset({ feedback })), { groupBy: [] }).groups;
    expect(all?.result).toMatchObject({ value: 7, n: 1 });
  });

  it('cases: time to resolution median and p90, SLA compliance, escalation rate', () => {
    const hours = [2, 4, 6, 8, 10, 12, 14, 16, 18, 100];
    const cases = hours.map((h, index) => supportCase(`s${index}`, h, 24, index >= 8));
    const tables = buildFactTables(dataset({ supportCases: cases }));
    const one = (id: keyof typeof kpiCatalogue) => evaluateKpi(kpiCatalogue[id], tables, { groupBy: [] }).groups[0]?.result;
    expect(one('timeToResolutionMedian')?.value).toBe(11);
    expect(one('timeToResolutionP90')?.value).toBeCloseTo(26.2, 6);
    expect(one('slaCompliance')).toMatchObject({ value: 0.9, n: 10 });
    expect(one('escalationRate')).toMatchObject({ value: 0.2, n: 10 });
    expect(one('timeToFirstResponseMedian')?.value).toBe(1);
  });

  it('renewals: rate, gross retention capped at what was up, net retention with expansion', () => {
    const opportunities = [
      renewal('r1', 'won', 120, 100),
      renewal('r2', 'won', 80, 100),
      renewal('r3', 'lost', 0, 100),
      { ...renewal('e1', 'won', 50, 0), type: 'expansion' as const },
    ];
    const tables = buildFactTables(dataset({ opportunities }));
    const one = (id: keyof typeof kpiCatalogue) => evaluateKpi(kpiCatalogue[id], tables, { groupBy: [] }).groups[0]?.result;
    expect(one('renewalRate')?.value).toBeCloseTo(2 / 3, 10);
    expect(one('grossRevenueRetention')?.value).toBeCloseTo(180 / 300, 10);
    expect(one('netRevenueRetention')?.value).toBeCloseTo(250 / 300, 10);
  });

  it('churn in a window counts accounts that were customers during it', () => {
    const accounts = [
      account('a1', 'bu-1'),
      account('a2', 'bu-1', { status: 'churned', churnedOn: '2026-05-01' }),
      account('a3', 'bu-1', { status: 'churned', churnedOn: '2025-01-01' }), // gone before the window
      account('a4', 'bu-1', { customerSince: '2026-08-01' }), // joined after it
    ];
    const tables = buildFactTables(dataset({ accounts }));
    const [all] = evaluateKpi(kpiCatalogue.churnRate, tables, {
      groupBy: [],
      window: { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
    }).groups;
    expect(all?.result).toMatchObject({ value: 0.5, n: 2 });
  });

  it('employee pulse: no number at all for a group under 5 respondents', () => {
    const pulse = (id: string, teamId: string, respondents: number) => ({
      id,
      teamId,
      period: '2026-Q2',
      invited: 10,
      respondents,
      engagement: 70,
      enps: { promoters: respondents, passives: 0, detractors: 0 },
      itemMeans: {},
    });
    const teams = [
      { id: 't1', name: 'T1', businessUnitId: 'bu-1', department: 'success' as const },
      { id: 't2', name: 'T2', businessUnitId: 'bu-1', department: 'success' as const },
    ];
    const tables = buildFactTables(dataset({ teams, employeePulses: [pulse('p1', 't1', 4), pulse('p2', 't2', 6)] }));
    const byTeam = evaluateKpi(kpiCatalogue.engagement, tables, { groupBy: ['teamId'] }).groups;
    const small = byTeam.find((group) => group.keys.teamId === 't1')?.result;
    expect(small).toEqual({ value: null, interval: null, n: 0, warnings: [{ code: 'suppressed', detail: { minimum: 5 } }], detail: {} });
    expect(byTeam.find((group) => group.keys.teamId === 't2')?.result.value).toBe(70);
  });

  it('relationship health: the mean account health by unit, when the tables were built with health scoring', () => {
    const data = dataset({
      accounts: [account('a1', 'bu-1'), account('a2', 'bu-1'), account('a3', 'bu-2')],
      feedback: [answer('f1', 'a1', 'nps_0_10', 10), answer('f2', 'a2', 'nps_0_10', 0), answer('f3', 'a3', 'nps_0_10', 9)],
    });
    const scored = buildFactTables(data, { health: { asOf: '2026-06-01T00:00:00.000Z' } });
    const byUnit = evaluateKpi(kpiCatalogue.relationshipHealth, scored, { groupBy: ['businessUnitId'] }).groups;
    const bu1 = byUnit.find((group) => group.keys.businessUnitId === 'bu-1')?.result;
    const bu2 = byUnit.find((group) => group.keys.businessUnitId === 'bu-2')?.result;
    expect(bu1?.n).toBe(2);
    expect(bu2?.n).toBe(1);
    expect(bu2?.value ?? 0).toBeGreaterThan(bu1?.value ?? 100);
    expect(evaluateKpi(kpiCatalogue.relationshipHealth, buildFactTables(data), { groupBy: [] }).groups).toEqual([]);
  });

  it('says when a cut does not apply, instead of failing', () => {
    const evaluation = evaluateKpi(kpiCatalogue.renewalRate, buildFactTables(dataset({})), { groupBy: ['journeyStage'] });
    expect(evaluation.warnings).toEqual([{ code: 'unsupported_cut', detail: { kpi: 'renewalRate', dimension: 'journeyStage' } }]);
  });
});
