import { describe, expect, it } from 'vitest';
import type { CanonicalDataset } from '@kizuna/model';
import {
  correlation,
  laggedEngagementCorrelation,
  leastSquares,
  median,
  npsOf,
  quantile,
  relationshipNps,
} from './effectStatistics';
import { generateOrganisation } from './generateOrganisation';
import type { EffectsMode } from './options';
import { driverItems, plantedEffects, trueDriverWeights } from './plantedEffects';

/** The effect tests use 1,000 accounts (about 10,000 feedback rows): enough power, well under a second to generate. */
const accounts = 1_000;
const seeds = [1, 2] as const;
const cache = new Map<string, CanonicalDataset>();
function organisation(seed: number, effects: EffectsMode): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const dataset = cache.get(key) ?? generateOrganisation({ seed, accounts, effects });
  cache.set(key, dataset);
  return dataset;
}

/** NPS of the planted weak unit minus NPS of all other units' responses. */
function weakUnitGap(seed: number, effects: EffectsMode): number {
  const dataset = organisation(seed, effects);
  const weakUnitId = plantedEffects({ seed, accounts, effects: 'planted' }).weakBusinessUnit?.businessUnitId;
  const unitOf = new Map(dataset.accounts.map((account) => [account.id, account.businessUnitId]));
  const responses = relationshipNps(dataset);
  const inWeak = responses.filter((response) => unitOf.get(response.accountId) === weakUnitId);
  const elsewhere = responses.filter((response) => unitOf.get(response.accountId) !== weakUnitId);
  return npsOf(inWeak.map((r) => r.score)) - npsOf(elsewhere.map((r) => r.score));
}

function driverRegression(seed: number, effects: EffectsMode): { coefficients: number[]; rSquared: number } {
  const responses = relationshipNps(organisation(seed, effects));
  return leastSquares(responses.map((r) => driverItems.map((item) => r.driverScores[item] ?? 0)), responses.map((r) => r.score));
}

function handOff(seed: number, effects: EffectsMode): { npsDrop: number; csatTopTwoBox: number } {
  const dataset = organisation(seed, effects);
  const nps = relationshipNps(dataset);
  const before = nps.filter((r) => r.journeyStage === 'onboarding').map((r) => r.score);
  const after = nps.filter((r) => r.journeyStage === 'adoption').map((r) => r.score);
  const csat = dataset.feedback.filter((f) => f.kind === 'csat' && (f.journeyStage === 'onboarding' || f.journeyStage === 'adoption'));
  return { npsDrop: npsOf(before) - npsOf(after), csatTopTwoBox: csat.filter((f) => f.score >= 4).length / csat.length };
}

/** Churn rate of accounts whose median time to resolution is in the slowest quartile, over the rest's. */
function slowResolutionChurnRatio(seed: number, effects: EffectsMode): number {
  const dataset = organisation(seed, effects);
  const durations = new Map<string, number[]>();
  for (const c of dataset.supportCases) {
    if (c.closedAt === undefined) continue;
    durations.set(c.accountId, [...(durations.get(c.accountId) ?? []), Date.parse(c.closedAt) - Date.parse(c.openedAt)]);
  }
  const rows = dataset.accounts.flatMap((a) => {
    const list = durations.get(a.id);
    return list === undefined ? [] : [{ ttr: median(list), churned: a.status === 'churned' }];
  });
  const cut = quantile(rows.map((row) => row.ttr), 0.75);
  const rate = (list: typeof rows): number => list.filter((row) => row.churned).length / list.length;
  return rate(rows.filter((row) => row.ttr >= cut)) / rate(rows.filter((row) => row.ttr < cut));
}

describe.each(seeds)('planted effects, seed %i', (seed) => {
  it('1. one business unit is clearly weaker on NPS — and not in the control', () => {
    expect(weakUnitGap(seed, 'planted')).toBeLessThan(-15);
    expect(Math.abs(weakUnitGap(seed, 'none'))).toBeLessThan(10);
  });

  it('2. NPS follows the driver items with the true weights — the control has no driver structure', () => {
    const planted = driverRegression(seed, 'planted');
    planted.coefficients.forEach((coefficient, i) => {
      expect(coefficient).toBeCloseTo(trueDriverWeights[driverItems[i] ?? 'documentation'], 1);
    });
    const order = (values: readonly number[]): number[] => values.map((_, i) => i).sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
    expect(order(planted.coefficients)).toEqual(order(driverItems.map((item) => trueDriverWeights[item])));
    expect(planted.rSquared).toBeGreaterThan(0.5);
    expect(driverRegression(seed, 'none').rSquared).toBeLessThan(0.02);
  });

  it('3. serving-team engagement moves its accounts’ NPS one quarter later — not at lag 0, not in reverse, not in the control', () => {
    const lagged = laggedEngagementCorrelation(organisation(seed, 'planted'), 1);
    expect(lagged).toBeGreaterThan(0.4);
    expect(lagged).toBeGreaterThan(laggedEngagementCorrelation(organisation(seed, 'planted'), 0) + 0.2);
    expect(lagged).toBeGreaterThan(laggedEngagementCorrelation(organisation(seed, 'planted'), -1) + 0.2);
    expect(Math.abs(laggedEngagementCorrelation(organisation(seed, 'none'), 1))).toBeLessThan(0.2);
  });

  it('4. NPS drops across the onboarding → adoption hand-off while interaction CSAT stays high — not in the control', () => {
    const planted = handOff(seed, 'planted');
    expect(planted.npsDrop).toBeGreaterThanOrEqual(20);
    expect(planted.csatTopTwoBox).toBeGreaterThanOrEqual(0.8);
    const control = handOff(seed, 'none');
    expect(Math.abs(control.npsDrop)).toBeLessThan(15);
    expect(control.csatTopTwoBox).toBeGreaterThanOrEqual(0.8);
  });

  it('5. accounts with the slowest case resolution churn at least twice as often — not in the control', () => {
    expect(slowResolutionChurnRatio(seed, 'planted')).toBeGreaterThanOrEqual(2);
    expect(slowResolutionChurnRatio(seed, 'none')).toBeLessThan(1.5);
  });
});

describe('plantedEffects', () => {
  it('reports the ground truth of the planted organisation', () => {
    const truth = plantedEffects({ seed: 1, accounts });
    expect(truth.drivers.ranking).toEqual(['product_quality', 'support_responsiveness', 'account_management', 'value_for_money', 'onboarding_experience', 'documentation']);
    expect(Object.values(truth.drivers.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(organisation(1, 'planted').businessUnits.map((unit) => unit.id)).toContain(truth.weakBusinessUnit?.businessUnitId);
    expect(truth.weakBusinessUnit?.latentShift).toBeCloseTo(-0.612, 3);
    expect(truth.engagementLag?.lagQuarters).toBe(1);
    expect(truth.handOff).toMatchObject({ from: 'onboarding', to: 'adoption', adoptionWindowDays: 180 });
    expect(truth.slowResolution.slowChurnProbability / truth.slowResolution.otherChurnProbability).toBeGreaterThan(5);
  });

  it('reports no effects for the control organisation', () => {
    const truth = plantedEffects({ seed: 1, effects: 'none' });
    expect(truth.weakBusinessUnit).toBeNull();
    expect(truth.engagementLag).toBeNull();
    expect(truth.handOff).toBeNull();
    expect(Object.values(truth.drivers.weights).every((weight) => weight === 0)).toBe(true);
    expect(truth.slowResolution.slowChurnProbability).toBe(truth.slowResolution.otherChurnProbability);
  });

  it('picks the weak unit by seed', () => {
    const weakUnits = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => plantedEffects({ seed }).weakBusinessUnit?.businessUnitId));
    expect(weakUnits.size).toBeGreaterThan(1);
  });

  it('leaves the control with the same accounts, contacts and survey responses — only the planted parts differ', () => {
    const planted = organisation(1, 'planted');
    const control = organisation(1, 'none');
    expect(control.accounts.map((a) => a.name)).toEqual(planted.accounts.map((a) => a.name));
    expect(control.contacts).toEqual(planted.contacts);
    expect(correlation(control.employeePulses.map((p) => p.engagement), planted.employeePulses.map((p) => p.engagement))).toBe(1);
  });
});
