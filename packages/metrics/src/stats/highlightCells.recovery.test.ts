import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation, plantedEffects, type EffectsMode } from '@kizuna/sample-data';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { describe, expect, it } from 'vitest';
import { classifyNps, type NpsCounts } from '../nps';
import { designEffect, npsSummary } from './designEffect';
import { highlightCells, type CellHighlight, type HighlightCell } from './highlightCells';

/**
 * Recovery of sample-data's planted effect 1 ("one business unit is weaker on NPS", true gap
 * about −27 points) by the business-unit leader's highlights, and the false-flag rate under the
 * null. 1,000 accounts, seeds 1 and 2, plus the control organisation without effects.
 */
const accounts = 1_000;
const seeds = [1, 2] as const;
/** The trailing four quarters before sample-data's default asOf (2026-10-01). */
const lastFourQuarters = '2025-10-01T00:00:00.000Z';

const cache = new Map<string, CanonicalDataset>();
function organisation(seed: number, effects: EffectsMode): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const dataset = cache.get(key) ?? generateOrganisation({ seed, accounts, effects });
  cache.set(key, dataset);
  return dataset;
}

const empty = (): NpsCounts => ({ promoters: 0, passives: 0, detractors: 0 });
function add(counts: NpsCounts, score: number): NpsCounts {
  const category = classifyNps(score);
  return {
    promoters: counts.promoters + (category === 'promoter' ? 1 : 0),
    passives: counts.passives + (category === 'passive' ? 1 : 0),
    detractors: counts.detractors + (category === 'detractor' ? 1 : 0),
  };
}

/** One NPS cell per business unit from relationship NPS answered since `since`, and the design effect of accounts. */
function businessUnitCells(dataset: CanonicalDataset, since: string): { cells: HighlightCell[]; designEffect: number } {
  const unitOf = new Map(dataset.accounts.map((account) => [account.id, account.businessUnitId]));
  const byUnit = new Map(dataset.businessUnits.map((unit) => [unit.id, empty()]));
  const byAccount = new Map<string, NpsCounts>();
  for (const answer of dataset.feedback) {
    if (answer.kind !== 'nps' || answer.programme !== 'relationship' || answer.respondedAt < since) continue;
    const unit = unitOf.get(answer.accountId);
    if (unit === undefined) continue;
    byUnit.set(unit, add(byUnit.get(unit) ?? empty(), answer.score));
    byAccount.set(answer.accountId, add(byAccount.get(answer.accountId) ?? empty(), answer.score));
  }
  return {
    cells: [...byUnit].map(([id, counts]) => ({ id, measure: { kind: 'nps', counts } })),
    designEffect: designEffect([...byAccount.values()].map(npsSummary)).designEffect,
  };
}

function highlightsOf(seed: number, effects: EffectsMode, since = lastFourQuarters, clustered = true): CellHighlight[] {
  const { cells, designEffect: deff } = businessUnitCells(organisation(seed, effects), since);
  return highlightCells(cells, clustered ? { designEffect: deff } : {});
}

const flagged = (highlights: readonly CellHighlight[], direction: CellHighlight['direction']): string[] =>
  highlights.filter((h) => h.direction === direction).map((h) => h.id);

describe.each(seeds)('business-unit highlights on generated data, seed %i', (seed) => {
  const weakUnit = plantedEffects({ seed, accounts }).weakBusinessUnit?.businessUnitId;

  it('flags exactly the planted weak unit as a weakness (last four quarters, clustered by account)', () => {
    const highlights = highlightsOf(seed, 'planted');
    expect(weakUnit).toBeDefined();
    expect(flagged(highlights, 'weakness')).toEqual([weakUnit]);
    const weak = highlights.find((h) => h.id === weakUnit);
    expect(weak?.difference).toBeLessThan(-15);
    expect(weak?.adjustedP).toBeLessThan(0.001);
  });

  it('also over all eight quarters, and without the design-effect correction', () => {
    expect(flagged(highlightsOf(seed, 'planted', '2000-01-01'), 'weakness')).toEqual([weakUnit]);
    expect(flagged(highlightsOf(seed, 'planted', lastFourQuarters, false), 'weakness')).toEqual([weakUnit]);
  });

  it('flags nothing in the control organisation (no planted effects)', () => {
    expect(flagged(highlightsOf(seed, 'none'), 'weakness')).toEqual([]);
    expect(flagged(highlightsOf(seed, 'none'), 'strength')).toEqual([]);
    expect(highlightsOf(seed, 'none', '2000-01-01').every((h) => h.direction === 'none')).toBe(true);
  });
});

/** Draws n answers from one common P/Pa/D distribution. */
function drawCounts(rng: RandomGenerator, n: number, promoter: number, passive: number): NpsCounts {
  let counts = empty();
  for (let i = 0; i < n; i += 1) {
    const u = uniformFloat64(rng);
    counts = add(counts, u < promoter ? 10 : u < promoter + passive ? 7 : 3);
  }
  return counts;
}

/** Share of simulated screens (sets of cells from one distribution) with at least one flag. */
function nullFlagRate(runs: number, seed: number, kind: 'nps' | 'proportion'): number {
  const rng = xoroshiro128plus(seed);
  let withFlag = 0;
  for (let run = 0; run < runs; run += 1) {
    const cellCount = uniformInt(rng, 4, 12);
    const cells: HighlightCell[] = Array.from({ length: cellCount }, (_, i) => {
      const n = uniformInt(rng, 8, 400);
      if (kind === 'nps') return { id: `c${i}`, measure: { kind, counts: drawCounts(rng, n, 0.4, 0.35) } };
      return { id: `c${i}`, measure: { kind, successes: drawCounts(rng, n, 0.85, 0).promoters, n } };
    });
    if (highlightCells(cells).some((h) => h.direction !== 'none')) withFlag += 1;
  }
  return withFlag / runs;
}

describe('false flags under the null', () => {
  it('NPS: in 200 simulated screens of 4–12 cells from one distribution, the share with any flag is about q', () => {
    expect(nullFlagRate(200, 20260901, 'nps')).toBeLessThanOrEqual(0.1);
  });

  it('top-2-box shares: the same holds for the two-proportion test', () => {
    expect(nullFlagRate(200, 20260902, 'proportion')).toBeLessThanOrEqual(0.1);
  });
});
