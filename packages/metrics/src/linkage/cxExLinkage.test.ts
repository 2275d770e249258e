import { describe, expect, it } from 'vitest';
import type { Account, EmployeePulse, Feedback } from '@kizuna/model';
import { cxExLinkage } from './cxExLinkage';

function account(id: string, servingTeamId: string): Account {
  return {
    id, name: id, businessUnitId: 'bu', productLineId: 'pl', segmentId: 'seg', servingTeamId, arr: 1, currency: 'JPY',
    status: 'active', customerSince: '2020-01-01',
  };
}

function answer(accountId: string, respondedAt: string, score: number): Feedback {
  return {
    id: `${accountId}-${respondedAt}-${score}`, accountId, kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score,
    respondedAt, driverScores: {}, followUp: { state: 'not_required' },
  };
}

function pulse(teamId: string, period: string, engagement: number, respondents = 6): EmployeePulse {
  return {
    id: `${teamId}-${period}`, teamId, period, invited: 8, respondents, engagement,
    enps: { promoters: respondents, passives: 0, detractors: 0 }, itemMeans: {},
  };
}

const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'] as const;
const dateIn = (quarter: string): string => `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 2).padStart(2, '0')}-15T00:00:00Z`;

/**
 * Eight teams, one account each, five quarters. A team's engagement wanders; the CX of quarter t
 * is (engagement(t − 1) − 60)/3 for every answer (6 answers a quarter), so only lag 1 links.
 */
function laggedOrganisation(): { accounts: Account[]; feedback: Feedback[]; employeePulses: EmployeePulse[] } {
  const teams = Array.from({ length: 8 }, (_, t) => `team-${t}`);
  const engagement = (t: number, q: number): number => 60 + ((t * 7 + q * 13 + t * q * 5) % 30);
  const employeePulses = teams.flatMap((team, t) => quarters.map((quarter, q) => pulse(team, quarter, engagement(t, q), t === 7 ? 4 : 6)));
  const feedback = teams.flatMap((team, t) =>
    quarters.slice(1).flatMap((quarter, i) =>
      Array.from({ length: 6 }, () => answer(`acc-${team}`, dateIn(quarter), Math.round((engagement(t, i) - 60) / 3))),
    ),
  );
  return { accounts: teams.map((team) => account(`acc-${team}`, team)), feedback, employeePulses };
}

describe('cxExLinkage', () => {
  const input = laggedOrganisation();

  it('links engagement to the CX of the following quarter, and reports every lag asked for', () => {
    const result = cxExLinkage(input, { minimumTeamQuarters: 10 });
    expect(result.lags.map((l) => l.lag)).toEqual([0, 1, 2]);
    const [lag0, lag1, lag2] = result.lags;
    expect(lag1?.pooled?.r).toBeGreaterThan(0.9);
    expect(lag1?.pooled?.interval.low).toBeGreaterThan(0);
    expect(lag1?.pooled?.n).toBe(7 * 4);
    expect(lag1?.teams).toBe(7);
    expect(lag1?.withinTeam?.r).toBeGreaterThan(0.9);
    expect(lag1?.withinTeam?.degreesOfFreedom).toBe(28 - 2 - 6);
    expect(Math.abs(lag0?.pooled?.r ?? 1)).toBeLessThan(lag1?.pooled?.r ?? 0);
    expect(lag2?.pooled?.n).toBe(7 * 3);
  });

  it('never uses pulses below 5 respondents, and returns no team-level values at all', () => {
    const result = cxExLinkage(input, { minimumRespondents: 3 });
    expect(result.suppressedPulses).toBe(5);
    expect(result.warnings).toContainEqual({ code: 'suppressed', detail: { pulses: 5 } });
    expect(JSON.stringify(result)).not.toMatch(/team-\d/);
  });

  it('leaves out team-quarters with too few answers, and flags lags with few team-quarters', () => {
    const result = cxExLinkage(input, { minimumResponses: 7 });
    expect(result.sparseCxCells).toBe(8 * 4);
    expect(result.lags.every((l) => l.pooled === null)).toBe(true);
    expect(result.warnings).toContainEqual({ code: 'no_data', detail: { lag: 1 } });
    const few = cxExLinkage(input);
    expect(few.warnings).toContainEqual({ code: 'small_sample', detail: { lag: 1, n: 28, minimum: 30 } });
  });

  it('can use NPS per team-quarter instead of the mean score', () => {
    const result = cxExLinkage(input, { outcome: 'nps', lags: [1] });
    expect(result.outcome).toBe('nps');
    expect(result.lags[0]?.pooled?.r).toBeGreaterThan(0.5);
  });
});
