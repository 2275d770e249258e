import { describe, expect, it } from 'vitest';
import type { Feedback, JourneyStage } from '@kizuna/model';
import { handOffDrops } from './handOffDrops';
import { stageSatisfaction } from './stageSatisfaction';

let serial = 0;
function nps(stage: JourneyStage, score: number, account = serial): Feedback {
  serial += 1;
  return {
    id: `fb-${serial}`, accountId: `acc-${account}`, kind: 'nps', programme: 'relationship', scale: 'nps_0_10', score,
    respondedAt: '2026-01-15T00:00:00Z', journeyStage: stage, driverScores: {}, followUp: { state: 'not_required' },
  };
}
function csat(stage: JourneyStage, score: number): Feedback {
  serial += 1;
  return {
    id: `fb-${serial}`, accountId: `acc-${serial}`, kind: 'csat', programme: 'interaction', scale: 'csat_1_5', score,
    respondedAt: '2026-01-15T00:00:00Z', journeyStage: stage, driverScores: {}, followUp: { state: 'not_required' },
  };
}
/** `n` NPS answers at a stage with the given shares of promoters (10) and detractors (3). */
function npsAnswers(stage: JourneyStage, n: number, promoterShare: number, detractorShare: number): Feedback[] {
  const [promoters, detractors] = [Math.round(n * promoterShare), Math.round(n * detractorShare)];
  return Array.from({ length: n }, (_, i) => nps(stage, i < promoters ? 10 : i < promoters + detractors ? 3 : 8));
}
/** `n` CSAT answers, `satisfiedShare` of them 4–5. */
function csatAnswers(stage: JourneyStage, n: number, satisfiedShare: number): Feedback[] {
  const satisfied = Math.round(n * satisfiedShare);
  return Array.from({ length: n }, (_, i) => csat(stage, i < satisfied ? 5 : 2));
}

describe('stageSatisfaction', () => {
  it('reports NPS and CSAT top-2-box per stage in journey order, with warnings for thin stages', () => {
    const stages = stageSatisfaction([...npsAnswers('onboarding', 40, 0.5, 0.1), ...npsAnswers('renewal', 12, 0.5, 0.25), ...csatAnswers('onboarding', 10, 0.8)]);
    expect(stages.map((s) => s.stage)).toEqual(['awareness', 'consideration', 'purchase', 'onboarding', 'adoption', 'support', 'renewal', 'advocacy']);
    const onboarding = stages[3];
    expect(onboarding?.nps.nps).toBe(40);
    expect(onboarding?.csat).toMatchObject({ share: 0.8, satisfied: 8, n: 10 });
    expect(onboarding?.csat?.interval?.low).toBeCloseTo(0.49, 2);
    expect(stages[6]?.nps.warnings).toEqual([{ code: 'small_sample', detail: { n: 12, minimum: 30 } }]);
    expect(stages[0]?.nps.warnings).toEqual([{ code: 'no_data' }]);
    expect(stages[0]?.csat).toBeNull();
  });
});

describe('handOffDrops', () => {
  it('flags a loyalty drop between touchpoints when NPS falls and touchpoint CSAT stays high', () => {
    const feedback = [
      ...npsAnswers('onboarding', 200, 0.5, 0.1), ...npsAnswers('adoption', 200, 0.2, 0.4), ...npsAnswers('renewal', 200, 0.25, 0.35),
      ...csatAnswers('onboarding', 150, 0.9), ...csatAnswers('adoption', 150, 0.88),
    ];
    const result = handOffDrops(feedback);
    expect(result.comparisons.map((c) => [c.from, c.to, c.skipped])).toEqual([['onboarding', 'adoption', []], ['adoption', 'renewal', ['support']]]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rank: 1, code: 'loyalty_drop_between_touchpoints', from: 'onboarding', to: 'adoption' });
    expect(result.findings[0]?.evidence).toMatchObject({ npsFrom: 40, npsTo: -20, drop: 60, nFrom: 200, nTo: 200, csatTo: 0.88, csatToN: 150 });
    expect(result.findings[0]?.evidence['dropLow']).toBeGreaterThan(40);
    expect(result.comparisons[1]?.significantDrop).toBe(false);
  });

  it('codes the drop differently when touchpoint CSAT falls too, or is not measured', () => {
    const base = [...npsAnswers('onboarding', 200, 0.5, 0.1), ...npsAnswers('adoption', 200, 0.2, 0.4), ...csatAnswers('onboarding', 150, 0.9)];
    expect(handOffDrops([...base, ...csatAnswers('adoption', 150, 0.6)]).findings[0]?.code).toBe('loyalty_drop_with_touchpoint_drop');
    expect(handOffDrops(base).findings[0]?.code).toBe('loyalty_drop_without_touchpoint_data');
  });

  it('ignores differences that are not significant or smaller than the minimum drop', () => {
    const small = [...npsAnswers('onboarding', 60, 0.5, 0.1), ...npsAnswers('adoption', 60, 0.45, 0.15)];
    expect(handOffDrops(small).findings).toEqual([]);
    const large = [...npsAnswers('onboarding', 3000, 0.5, 0.1), ...npsAnswers('adoption', 3000, 0.46, 0.12)];
    const result = handOffDrops(large);
    expect(result.comparisons[0]?.adjustedP).toBeLessThan(0.05);
    expect(result.findings).toEqual([]);
  });

  it('ranks several drops by size', () => {
    const feedback = [
      ...npsAnswers('onboarding', 300, 0.6, 0.1), ...npsAnswers('adoption', 300, 0.4, 0.2), ...npsAnswers('renewal', 300, 0.1, 0.5),
    ];
    expect(handOffDrops(feedback).findings.map((f) => [f.rank, f.from, f.to])).toEqual([[1, 'adoption', 'renewal'], [2, 'onboarding', 'adoption']]);
  });
});
