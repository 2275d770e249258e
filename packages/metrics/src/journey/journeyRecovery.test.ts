import { describe, expect, it } from 'vitest';
import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation, plantedEffects, type EffectsMode } from '@kizuna/sample-data';
import { handOffDrops } from './handOffDrops';
import { momentOfTruthEffects } from './momentOfTruthEffects';

const accounts = 1_000;
const cache = new Map<string, CanonicalDataset>();
function organisation(seed: number, effects: EffectsMode): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const dataset = cache.get(key) ?? generateOrganisation({ seed, accounts, effects });
  cache.set(key, dataset);
  return dataset;
}

describe.each([1, 2])('journey effects recovered, seed %i', (seed) => {
  it('locates the loyalty drop at the onboarding → adoption hand-off, with touchpoint CSAT still ≥ 80 %', () => {
    const truth = plantedEffects({ seed, accounts }).handOff;
    const result = handOffDrops(organisation(seed, 'planted').feedback);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ rank: 1, code: 'loyalty_drop_between_touchpoints', from: truth?.from, to: truth?.to });
    expect(finding?.evidence['drop']).toBeGreaterThan(25);
    expect(finding?.evidence['dropLow']).toBeGreaterThan(10);
    expect(finding?.evidence['csatTo']).toBeGreaterThanOrEqual(0.8);
    const adoption = result.stages.find((s) => s.stage === 'adoption');
    expect(adoption?.csat?.interval?.low).toBeGreaterThanOrEqual(0.8);
  });

  it('flags nothing in the control', () => {
    const result = handOffDrops(organisation(seed, 'none').feedback);
    expect(result.findings).toEqual([]);
    expect(result.comparisons.length).toBeGreaterThan(0);
  });

  it('ranks the adoption hand-off first among moments of truth (loyalty after it is lower) — nothing in the control', () => {
    const planted = momentOfTruthEffects(organisation(seed, 'planted'));
    expect(planted[0]).toMatchObject({ momentOfTruth: 'adoption_handoff', significant: true });
    expect(planted[0]?.interval?.high).toBeLessThan(0);
    const control = momentOfTruthEffects(organisation(seed, 'none'));
    expect(control.filter((effect) => effect.significant)).toEqual([]);
  });
});
