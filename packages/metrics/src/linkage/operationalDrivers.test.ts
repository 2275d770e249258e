import { describe, expect, it } from 'vitest';
import type { Account, Feedback, SupportCase } from '@kizuna/model';
import { accountOperations } from './accountOperations';
import { operationalDrivers } from './operationalDrivers';

function account(index: number, churned: boolean, onboardingDays = 60): Account {
  const completed = new Date(Date.UTC(2025, 0, 1) + onboardingDays * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `acc-${index}`, name: `Account ${index}`, businessUnitId: 'bu', productLineId: 'pl', segmentId: 'seg', servingTeamId: 'team',
    arr: 1, currency: 'JPY', customerSince: '2025-01-01', onboardingStartedOn: '2025-01-01', onboardingCompletedOn: completed,
    ...(churned ? { status: 'churned', churnedOn: '2026-01-01' } : { status: 'active' }),
  };
}

function supportCase(accountIndex: number, n: number, hours: number | null, options: { sla?: number; escalated?: boolean } = {}): SupportCase {
  const openedAt = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  return {
    id: `case-${accountIndex}-${n}`, accountId: `acc-${accountIndex}`, subject: 'Issue', channel: 'email', priority: 'medium',
    status: hours === null ? 'working' : 'closed', escalated: options.escalated ?? false, openedAt: openedAt.toISOString(),
    ...(hours === null ? {} : { closedAt: new Date(openedAt.getTime() + hours * 3_600_000).toISOString() }),
    ...(options.sla === undefined ? {} : { slaResolutionHours: options.sla }),
  };
}

function npsAnswer(accountIndex: number, score: number): Feedback {
  return {
    id: `fb-${accountIndex}-${score}`, accountId: `acc-${accountIndex}`, kind: 'nps', programme: 'relationship', scale: 'nps_0_10',
    score, respondedAt: '2026-02-01T00:00:00Z', driverScores: {}, followUp: { state: 'not_required' },
  };
}

describe('accountOperations', () => {
  it('derives median resolution, SLA compliance, escalation rate, onboarding days and outcomes per account', () => {
    const cases = [
      supportCase(1, 0, 10, { sla: 24 }), supportCase(1, 1, 30, { sla: 24, escalated: true }), supportCase(1, 2, 50, { sla: 72 }),
      supportCase(1, 3, null, { sla: 8 }),
    ];
    const [first, second] = accountOperations(
      { accounts: [account(1, true, 90), account(2, false)], supportCases: cases, feedback: [npsAnswer(1, 9), npsAnswer(1, 6)] },
      { asOf: '2026-06-01T00:00:00Z' },
    );
    expect(first).toEqual({
      accountId: 'acc-1', churned: true, cases: 4, closedCases: 3, medianResolutionHours: 30,
      slaCompliance: 2 / 4, escalationRate: 1 / 4, onboardingDays: 90, meanNpsScore: 7.5, npsResponses: 2,
    });
    expect(second).toMatchObject({ cases: 0, medianResolutionHours: null, slaCompliance: null, escalationRate: null, meanNpsScore: null });
  });

  it('judges an open case against its SLA only when asOf says it is already late', () => {
    const input = { accounts: [account(1, false)], supportCases: [supportCase(1, 0, null, { sla: 8 })], feedback: [] };
    expect(accountOperations(input)[0]?.slaCompliance).toBeNull();
    expect(accountOperations(input, { asOf: '2026-01-01T04:00:00Z' })[0]?.slaCompliance).toBeNull();
    expect(accountOperations(input, { asOf: '2026-01-02T00:00:00Z' })[0]?.slaCompliance).toBe(0);
  });
});

describe('operationalDrivers', () => {
  // 80 accounts; account i resolves in i hours; the slowest 20 churn half the time, the rest 1 in 10.
  const accounts = Array.from({ length: 80 }, (_, i) => account(i, i >= 60 ? i % 2 === 0 : i % 10 === 0, 45 + i));
  const supportCases = accounts.map((_, i) => supportCase(i, 0, i + 1, { sla: 40, escalated: i % 4 === 0 }));
  const feedback = accounts.map((_, i) => npsAnswer(i, 10 - Math.floor(i / 8)));
  const [resolution, sla, escalation, onboarding] = operationalDrivers({ accounts, supportCases, feedback });

  it('gives churn by quartile, best to worst, with Wilson intervals', () => {
    expect(resolution?.metric).toBe('median_resolution_hours');
    expect(resolution?.quartiles.map((q) => [q.quartile, q.accounts, q.churned])).toEqual([[1, 20, 2], [2, 20, 2], [3, 20, 2], [4, 20, 10]]);
    expect(resolution?.quartiles[3]).toMatchObject({ from: 61, to: 80, churnRate: 0.5 });
    expect(resolution?.quartiles[3]?.interval?.low).toBeCloseTo(0.299, 3);
  });

  it('compares the worst quartile with the rest as a rate ratio with a log-method interval', () => {
    expect(resolution?.worstQuartileVsRest?.ratio).toBeCloseTo(0.5 / 0.1, 10);
    expect(resolution?.worstQuartileVsRest?.interval.low).toBeGreaterThan(1);
    expect(resolution?.churnCorrelation?.r).toBeGreaterThan(0);
    expect(resolution?.churnCorrelation?.n).toBe(80);
    expect(resolution?.npsCorrelation?.r).toBeLessThan(-0.9);
  });

  it('orients each metric so that quartile 4 is the bad end', () => {
    expect(sla?.worseWhen).toBe('lower');
    expect(sla?.quartiles.at(-1)).toMatchObject({ quartile: 4, from: 0, to: 0, accounts: 40 });
    expect(escalation?.worseWhen).toBe('higher');
    expect(escalation?.quartiles.at(-1)).toMatchObject({ quartile: 4, from: 1, accounts: 20 });
    expect(onboarding?.quartiles.at(-1)).toMatchObject({ from: 105, to: 124 });
  });

  it('warns when ties leave no distinct worst quartile, or when there are few accounts', () => {
    const tied = operationalDrivers(
      { accounts, supportCases: supportCases.map((c, i) => ({ ...c, escalated: i === 0 })), feedback },
      { metrics: ['escalation_rate'] },
    );
    expect(tied[0]?.warnings).toContainEqual({ code: 'tied_values', detail: { metric: 'escalation_rate' } });
    const few = operationalDrivers({ accounts: accounts.slice(0, 10), supportCases, feedback }, { metrics: ['onboarding_days'] });
    expect(few[0]?.warnings).toContainEqual({ code: 'small_sample', detail: { n: 10, minimum: 40 } });
  });
});
