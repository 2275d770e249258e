import { describe, expect, it } from 'vitest';
import { accountHealth } from './accountHealth';
import { defaultScorecardConfig } from './defaultScorecard';
import { assertScorecardConfig } from './scorecardConfig';
import { account, contact, context, csat, daysBefore, nps, supportCase, testAsOf } from './testContext';

/** Three measures with linear curves, so the expected scores can be worked out by hand. */
const config = assertScorecardConfig({
  measures: [
    { id: 'relationship_nps', weight: 50, windowDays: 60, points: [{ value: -100, score: 0 }, { value: 100, score: 100 }] },
    { id: 'csat_top2box', weight: 30, points: [{ value: 0, score: 0 }, { value: 1, score: 100 }] },
    { id: 'open_escalations', weight: 20, gate: true, points: [{ value: 0, score: 100 }, { value: 1, score: 0 }] },
  ],
  minimumMeasures: 2,
});
const contacts = [contact('dm', 'decision_maker'), contact('u1', 'user'), contact('u2', 'user')];
const npsAnswers = [
  nps('f1', 3, daysBefore(10), { contactId: 'dm' }),
  nps('f2', 10, daysBefore(20), { contactId: 'u1' }),
  nps('f3', 9, daysBefore(30), { contactId: 'u2' }),
];
const csatAnswers = [csat('c1', 4, daysBefore(5)), csat('c2', 5, daysBefore(6)), csat('c3', 2, daysBefore(7)), csat('c4', 5, daysBefore(8))];
const escalation = supportCase('case-1', daysBefore(3), { escalated: true, status: 'escalated' });

describe('accountHealth', () => {
  it('is the weighted mean of measure scores, with what drives it, biggest shortfall first', () => {
    const health = accountHealth(context({ contacts, feedback: [...npsAnswers, ...csatAnswers], supportCases: [escalation] }), config, { asOf: testAsOf });
    // NPS −20 → 40; CSAT 3/4 → 75; one open escalation → 0. 0.5·40 + 0.3·75 + 0.2·0 = 42.5
    expect(health.score).toBeCloseTo(42.5, 10);
    expect(health.band).toBe('red');
    expect(health.contributions.map((item) => [item.measure, item.value, item.score, item.share, item.contribution, item.shortfall])).toEqual([
      ['relationship_nps', -20, 40, 0.5, 20, 30],
      ['open_escalations', 1, 0, 0.2, 0, 20],
      ['csat_top2box', 0.75, 75, 0.3, 22.5, 7.5],
    ]);
    expect(health.coverage).toBe(1);
    expect(health.thinBasis).toBe(false);
  });

  it('leaves out a measure without data, renormalises the other weights and says so', () => {
    const health = accountHealth(context({ contacts, feedback: npsAnswers, supportCases: [escalation] }), config, { asOf: testAsOf });
    // (50·40 + 20·0) / 70
    expect(health.score).toBeCloseTo(200 / 7, 10);
    expect(health.contributions.map((item) => item.share)).toEqual([5 / 7, 2 / 7]);
    expect(health.excluded).toEqual([{ measure: 'csat_top2box', reason: 'no_data' }]);
    expect(health.coverage).toBeCloseTo(0.7, 10);
    expect(health.warnings).toContainEqual({ code: 'no_data', detail: { measure: 'csat_top2box' } });
  });

  it('caps the score at the top of yellow when a gate measure is red', () => {
    const happy = [nps('p1', 10, daysBefore(3)), nps('p2', 10, daysBefore(4)), csat('c', 5, daysBefore(1))];
    const health = accountHealth(context({ feedback: happy, supportCases: [escalation] }), config, { asOf: testAsOf });
    expect(health.uncappedScore).toBeCloseTo(80, 10);
    expect(health.score).toBe(75);
    expect(health.gated).toBe(true);
    expect(health.band).toBe('yellow');
  });

  it('flags a score that rests on too little', () => {
    const health = accountHealth(context({ feedback: [nps('f', 10, daysBefore(1))] }), defaultScorecardConfig, { asOf: testAsOf });
    expect(health.score).not.toBeNull();
    expect(health.thinBasis).toBe(true);
    expect(health.warnings).toContainEqual(expect.objectContaining({ code: 'thin_basis', detail: expect.objectContaining({ measures: 2, minimumMeasures: 3 }) }));
    expect(health.warnings).toContainEqual({ code: 'small_sample', detail: { measure: 'relationship_nps', n: 1, minimum: 3 } });
  });

  it('compares with the score the same data gave trendDays earlier', () => {
    const feedback = [nps('now', 0, daysBefore(10), { contactId: 'dm' }), nps('then', 10, daysBefore(95), { contactId: 'dm' })];
    const resolved = { ...escalation, openedAt: daysBefore(100), status: 'closed' as const, closedAt: daysBefore(20) };
    const health = accountHealth(context({ contacts, feedback, supportCases: [resolved] }), config, { asOf: testAsOf });
    // now: NPS −100 → 0, no open escalation → 100: (50·0 + 20·100)/70. Then: NPS +100 → 100, escalation open → 0.
    expect(health.score).toBeCloseTo(2000 / 70, 10);
    expect(health.trend.previous.score).toBeCloseTo(5000 / 70, 10);
    expect(health.trend.previous.asOf).toBe(daysBefore(90));
    expect(health.trend.delta).toBeCloseTo(-3000 / 70, 10);
    expect(health.trend.direction).toBe('down');
    expect(health.trend.comparable).toBe(true);
  });

  it('calls small changes flat and has no trend before the account was a customer', () => {
    const steady = accountHealth(context({ feedback: [nps('a', 9, daysBefore(10)), nps('b', 9, daysBefore(100))] }), config, { asOf: testAsOf });
    expect(steady.trend).toMatchObject({ delta: 0, direction: 'flat' });
    const newcomer = accountHealth(context({ account: account({ customerSince: '2026-08-01' }), feedback: [nps('a', 9, daysBefore(10))] }), config, { asOf: testAsOf });
    expect(newcomer.trend.previous.warnings).toEqual([{ code: 'not_a_customer', detail: { customerSince: '2026-08-01' } }]);
    expect(newcomer.trend).toMatchObject({ delta: null, direction: null });
  });

  it('rejects an unreadable clock value', () => {
    expect(() => accountHealth(context(), config, { asOf: 'now' })).toThrow(RangeError);
  });
});

describe('accountHealth when the CRM could not read part of the account', () => {
  it('does not read "no cases" as "no escalations": the measure is excluded with an unmapped warning', () => {
    const unreadable = context({
      feedback: [...npsAnswers, ...csatAnswers],
      unavailable: [{ entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'No access to Case' }],
    });
    const health = accountHealth(unreadable, config, { asOf: testAsOf });
    expect(health.contributions.map((item) => item.measure)).toEqual(['relationship_nps', 'csat_top2box']);
    expect(health.excluded).toEqual([{ measure: 'open_escalations', reason: 'unavailable' }]);
    expect(health.warnings).toContainEqual({ code: 'unmapped', detail: { measure: 'open_escalations', entity: 'supportCase' } });
    expect(health.coverage).toBeCloseTo(0.8, 10);
  });
});
