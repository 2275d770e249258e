import type { AccountContext } from '@kizuna/model';
import { generateOrganisation, plantedEffects } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { defaultScorecardConfig } from './defaultScorecard';
import { healthSnapshot } from './healthSnapshot';
import { accountContextsOf, testAsOf } from './testContext';

const asOfMs = Date.parse(testAsOf);

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Probability that a random lost renewal scored lower than a random won one (ties count half). */
function aucLowerForLost(lost: readonly number[], won: readonly number[]): number {
  let wins = 0;
  for (const a of lost) for (const b of won) wins += a < b ? 1 : a === b ? 0.5 : 0;
  return wins / (lost.length * won.length);
}

interface Figures {
  readonly weakUnitGap: number;
  readonly slaAuc: number;
  readonly renewals: number;
}

/**
 * Two planted effects seen through the scorecard: (1) the weak business unit's health is lower,
 * through its relationship NPS; (5) the SLA-compliance measure 60 days before a renewal is lower
 * for renewals that were then lost (slow resolution raises churn).
 */
function figures(seed: number, effects: 'planted' | 'none'): Figures {
  const contexts: AccountContext[] = accountContextsOf(generateOrganisation({ seed, accounts: 1000, effects }));
  // The control has no weak unit; compare the same unit the planted organisation weakens.
  const weakUnit = plantedEffects({ seed, accounts: 1000 }).weakBusinessUnit?.businessUnitId;
  if (weakUnit === undefined) throw new Error('the planted organisation names a weak unit');
  const weak: number[] = [];
  const others: number[] = [];
  const lost: number[] = [];
  const won: number[] = [];
  for (const account of contexts) {
    const score = healthSnapshot(account, defaultScorecardConfig, asOfMs).score;
    if (score !== null) (account.account.businessUnitId === weakUnit ? weak : others).push(score);
    for (const renewal of account.opportunities) {
      if (renewal.type !== 'renewal' || renewal.status === 'open') continue;
      const before = healthSnapshot(account, defaultScorecardConfig, Date.parse(renewal.closeDate) - 60 * 86_400_000);
      const sla = before.contributions.find((item) => item.measure === 'sla_compliance');
      if (sla !== undefined) (renewal.status === 'lost' ? lost : won).push(sla.score);
    }
  }
  return { weakUnitGap: mean(weak) - mean(others), slaAuc: aucLowerForLost(lost, won), renewals: lost.length + won.length };
}

describe('accountHealth on generated data (1,000 accounts)', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: the weak unit scores lower and SLA compliance sees the churn risk of slow resolution`, () => {
      const planted = figures(seed, 'planted');
      const control = figures(seed, 'none');
      expect(planted.weakUnitGap).toBeLessThan(-2.5);
      expect(Math.abs(control.weakUnitGap)).toBeLessThan(1.5);
      expect(planted.slaAuc).toBeGreaterThan(0.57);
      expect(Math.abs(control.slaAuc - 0.5)).toBeLessThan(0.05);
    }, 20_000);
  }
});
