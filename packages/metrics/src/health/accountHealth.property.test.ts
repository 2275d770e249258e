import type { ContactRole, Feedback, SupportCase, Touchpoint } from '@kizuna/model';
import { contactRoles } from '@kizuna/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountHealth } from './accountHealth';
import { healthBand } from './healthBand';
import type { HealthSnapshot } from './healthSnapshot';
import { defaultScorecardInput } from './defaultScorecard';
import { assertScorecardConfig, type ScorecardConfig } from './scorecardConfig';
import { ces, contact, context, csat, daysBefore, nps, supportCase, testAsOf, touchpoint } from './testContext';

const answer = fc.record({ kind: fc.constantFrom('nps', 'csat', 'ces'), score: fc.integer({ min: 0, max: 10 }), daysAgo: fc.double({ min: 0, max: 500, noNaN: true }), contact: fc.integer({ min: 0, max: 5 }) });
const caseArb = fc.record({ daysAgo: fc.double({ min: 0, max: 400, noNaN: true }), hours: fc.option(fc.double({ min: 0, max: 2000, noNaN: true })), escalated: fc.boolean() });
const touch = fc.record({ daysAgo: fc.double({ min: 0, max: 500, noNaN: true }), contact: fc.integer({ min: 0, max: 5 }) });

const contextArb = fc.record({
  roles: fc.array(fc.constantFrom<ContactRole>(...contactRoles), { maxLength: 6 }),
  answers: fc.array(answer, { maxLength: 25 }),
  cases: fc.array(caseArb, { maxLength: 10 }),
  touches: fc.array(touch, { maxLength: 10 }),
  onboardingDaysAgo: fc.option(fc.integer({ min: 0, max: 400 })),
}).map(({ roles, answers, cases, touches, onboardingDaysAgo }) => {
  const feedback: Feedback[] = answers.map((item, index) => {
    const id = `f${index}`;
    const at = daysBefore(item.daysAgo);
    const base = item.kind === 'nps' ? nps(id, item.score, at) : item.kind === 'csat' ? csat(id, 1 + (item.score % 5), at) : ces(id, 1 + (item.score % 7), at);
    return { ...base, contactId: `c${item.contact}` };
  });
  const supportCases: SupportCase[] = cases.map((item, index) => {
    const opened = daysBefore(item.daysAgo);
    const closedAt = item.hours === null ? undefined : new Date(Date.parse(opened) + item.hours * 3_600_000).toISOString();
    return supportCase(`s${index}`, opened, { escalated: item.escalated, ...(closedAt === undefined ? {} : { status: 'closed' as const, closedAt }) });
  });
  const touchpoints: Touchpoint[] = touches.map((item, index) => touchpoint(`t${index}`, daysBefore(item.daysAgo), { contactId: `c${item.contact}` }));
  const onboarding = onboardingDaysAgo === null ? {} : { onboardingStartedOn: daysBefore(onboardingDaysAgo).slice(0, 10) };
  return context({ contacts: roles.map((role, index) => contact(`c${index}`, role)), feedback, supportCases, touchpoints, account: { ...context().account, customerSince: '2025-01-01', ...onboarding } });
});

/** A random scorecard: the default measures with random weights and random ascending curves. */
const configArb = fc
  .array(
    fc.record({
      keep: fc.boolean(),
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      gate: fc.boolean(),
      scores: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 4 }),
      start: fc.double({ min: -200, max: 200, noNaN: true }),
      steps: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: defaultScorecardInput.measures.length, maxLength: defaultScorecardInput.measures.length },
  )
  .chain((settings) => fc.record({ redMax: fc.double({ min: 0, max: 49, noNaN: true }), yellowGap: fc.double({ min: 1, max: 50, noNaN: true }) }).map((bands) => ({ settings, bands })))
  .map(({ settings, bands }): ScorecardConfig => {
    const measures = defaultScorecardInput.measures.flatMap((measure, index) => {
      const setting = settings[index];
      if (setting === undefined || (!setting.keep && index > 0)) return [];
      let value = setting.start;
      const points = setting.scores.map((score, step) => ({ value: (value += step === 0 ? 0 : (setting.steps[step - 1] ?? 0)), score }));
      return [{ ...measure, weight: setting.weight, gate: setting.gate, points }];
    });
    return assertScorecardConfig({ measures, bands: { redMax: bands.redMax, yellowMax: bands.redMax + bands.yellowGap } });
  });

function checkSnapshot(snapshot: HealthSnapshot, config: ScorecardConfig): void {
  if (snapshot.score === null) {
    expect(snapshot.band).toBeNull();
    return;
  }
  expect(snapshot.score).toBeGreaterThanOrEqual(0);
  expect(snapshot.score).toBeLessThanOrEqual(100);
  expect(snapshot.band).toBe(healthBand(snapshot.score, config.bands));
  expect(snapshot.contributions.reduce((sum, item) => sum + item.share, 0)).toBeCloseTo(1, 9);
  expect(snapshot.contributions.reduce((sum, item) => sum + item.contribution, 0)).toBeCloseTo(snapshot.uncappedScore ?? Number.NaN, 9);
  if (snapshot.gated) expect(snapshot.score).toBe(config.bands.yellowMax);
  else expect(snapshot.score).toBe(snapshot.uncappedScore);
  for (const item of snapshot.contributions) {
    expect(item.score).toBeGreaterThanOrEqual(0);
    expect(item.score).toBeLessThanOrEqual(100);
  }
}

describe('accountHealth properties', () => {
  it('stays within 0–100 with a band that matches the score, now and for the trend, under any valid config', () => {
    fc.assert(
      fc.property(contextArb, configArb, (account, config) => {
        const health = accountHealth(account, config, { asOf: testAsOf });
        checkSnapshot(health, config);
        checkSnapshot(health.trend.previous, config);
        if (health.score !== null && health.trend.previous.score !== null) {
          expect(health.trend.delta).toBeCloseTo(health.score - health.trend.previous.score, 9);
        }
      }),
      { numRuns: 300, seed: 20_261_001 },
    );
  });
});
