import { describe, expect, it } from 'vitest';
import { assertEntity, ModelValidationError, parseEntity } from './index';

const validFeedback = {
  id: 'fb-1',
  accountId: 'acc-1',
  contactId: 'con-1',
  kind: 'nps',
  programme: 'relationship',
  scale: 'nps_0_10',
  score: 9,
  respondedAt: '2026-03-04T05:06:07.000Z',
  driverScores: { support_responsiveness: 8 },
  followUp: { state: 'not_required' },
} as const;

describe('parseEntity', () => {
  it('accepts a valid record and returns it typed', () => {
    const result = parseEntity('feedback', validFeedback);
    expect(result).toEqual({ ok: true, value: validFeedback });
  });

  it('names the entity, the field and the problem when a score is off its scale', () => {
    const result = parseEntity('feedback', { ...validFeedback, score: 11 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { entity: 'feedback', field: 'score', problem: 'must be from 0 to 10 on scale nps_0_10 (got 11)' },
    ]);
  });

  it('refuses to pool scales: a CES score on an NPS scale is rejected', () => {
    const result = parseEntity('feedback', { ...validFeedback, kind: 'ces', score: 5 });
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(['scale']);
  });

  it('reports missing, unknown and badly typed fields, each with its path', () => {
    const { id: _id, respondedAt: _respondedAt, ...withoutId } = validFeedback;
    const result = parseEntity('feedback', {
      ...withoutId,
      followUp: { state: 'open', dueAt: 'tomorrow' },
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.issues.map((issue) => [issue.field, issue.problem]));
    expect(byField['id']).toBe('is required');
    expect(byField['respondedAt']).toBe('is required');
    expect(byField['followUp.dueAt']).toBe('must be an ISO 8601 date-time with Z or ±HH:MM');
    expect(byField['(record)']).toBe('unknown field(s) colour');
  });

  it('tells a missing field from one of the wrong type', () => {
    const result = parseEntity('feedback', { ...validFeedback, score: 'nine' });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ['score', 'must be a number, not text'],
    ]);
  });

  it('checks cross-field rules: churned accounts need a churn date', () => {
    const result = parseEntity('account', {
      id: 'acc-1',
      name: 'Acme',
      businessUnitId: 'bu-1',
      productLineId: 'pl-1',
      segmentId: 'seg-1',
      servingTeamId: 'team-1',
      arr: 120_000,
      currency: 'JPY',
      status: 'churned',
      customerSince: '2024-01-01',
    });
    expect(result.ok ? [] : result.issues).toEqual([
      { entity: 'account', field: 'churnedOn', problem: 'is required when status is churned' },
    ]);
  });

  it('keeps employee pulse internally consistent', () => {
    const result = parseEntity('employeePulse', {
      id: 'p-1',
      teamId: 'team-1',
      period: '2026-Q1',
      invited: 8,
      respondents: 6,
      engagement: 71.5,
      enps: { promoters: 3, passives: 2, detractors: 2 },
      itemMeans: { recognition: 3.9 },
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(['enps']);
  });
});

describe('assertEntity', () => {
  it('throws a ModelValidationError whose message reads as a sentence per issue', () => {
    expect(() => assertEntity('contact', { id: 'c', accountId: 'a', name: 'Aiko', role: 'boss' })).toThrowError(
      ModelValidationError,
    );
    try {
      assertEntity('contact', { id: 'c', accountId: 'a', name: 'Aiko', role: 'boss' });
    } catch (error) {
      expect(error).toBeInstanceOf(ModelValidationError);
      expect(String((error as Error).message)).toMatch(/^Contact role: /);
    }
  });
});
