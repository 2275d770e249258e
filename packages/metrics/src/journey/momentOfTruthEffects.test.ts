import { describe, expect, it } from 'vitest';
import type { Feedback, MomentOfTruth, Touchpoint } from '@kizuna/model';
import { momentOfTruthEffects } from './momentOfTruthEffects';

function answer(account: number, respondedAt: string, score: number): Feedback {
  return {
    id: `fb-${account}-${respondedAt}`, accountId: `acc-${account}`, kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score,
    respondedAt, driverScores: {}, followUp: { state: 'not_required' },
  };
}
function moment(account: number, occurredAt: string, momentOfTruth: MomentOfTruth): Touchpoint {
  return {
    id: `tp-${account}-${occurredAt}-${momentOfTruth}`, accountId: `acc-${account}`, occurredAt, channel: 'meeting', department: 'success',
    journeyStage: 'adoption', momentOfTruth, subject: 'Meeting',
  };
}

/**
 * 300 accounts answer once in 2026-Q1 (Feb 15). Accounts 0–99 had an adoption hand-off 30 days
 * before and are mostly detractors; accounts 100–149 had a QBR 200 days before (outside the
 * 90-day window) and answer like everybody else; account 150–159 had a documentation moment.
 */
function organisation(): { feedback: Feedback[]; touchpoints: Touchpoint[] } {
  const feedback = Array.from({ length: 300 }, (_, i) => answer(i, '2026-02-15T00:00:00Z', i < 100 ? (i % 5 === 0 ? 9 : 4) : i % 2 === 0 ? 10 : 7));
  const touchpoints = [
    ...Array.from({ length: 100 }, (_, i) => moment(i, '2026-01-16T00:00:00Z', 'adoption_handoff')),
    ...Array.from({ length: 50 }, (_, i) => moment(100 + i, '2025-07-30T00:00:00Z', 'quarterly_business_review')),
    ...Array.from({ length: 10 }, (_, i) => moment(150 + i, '2026-02-01T00:00:00Z', 'documentation')),
  ];
  return { feedback, touchpoints };
}

describe('momentOfTruthEffects', () => {
  const effects = momentOfTruthEffects(organisation());
  const of = (name: MomentOfTruth) => effects.find((e) => e.momentOfTruth === name);

  it('ranks the moment after which loyalty is lower first, with its effect, interval and counts', () => {
    expect(effects[0]).toMatchObject({ rank: 1, momentOfTruth: 'adoption_handoff', significant: true, exposed: { answers: 100, accounts: 100 }, unexposed: { answers: 200 } });
    // exposed NPS 20 − 80 = −60, unexposed (50 % promoters, 50 % passives) +50 → −110 points
    expect(of('adoption_handoff')?.effect).toBeCloseTo(-110, 10);
    expect(of('adoption_handoff')?.interval?.high).toBeLessThan(-80);
    expect(effects).toHaveLength(8);
  });

  it('counts a moment only within the window before the answer', () => {
    expect(of('quarterly_business_review')?.exposed.answers).toBe(0);
    expect(of('quarterly_business_review')?.warnings).toEqual([{ code: 'no_data', detail: { n: 0, minimum: 30 } }]);
    const wide = momentOfTruthEffects(organisation(), { windowDays: 365 }).find((e) => e.momentOfTruth === 'quarterly_business_review');
    expect(wide?.exposed.answers).toBe(50);
    // exposed NPS +50 against the other 250 answers' (100 × −60 + 150 × +50) / 250 = +6
    expect(wide?.effect).toBeCloseTo(44, 10);
  });

  it('gives no effect for rare moments, with a small-sample warning', () => {
    expect(of('documentation')).toMatchObject({ effect: null, interval: null, adjustedP: null, significant: false });
    expect(of('documentation')?.warnings).toEqual([{ code: 'small_sample', detail: { n: 10, minimum: 30 } }]);
  });
});
