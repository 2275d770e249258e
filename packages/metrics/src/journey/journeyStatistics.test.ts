import { describe, expect, it } from 'vitest';
import { npsAdjustedWaldInterval } from '../nps';
import { clusteredNps } from './clusteredNps';
import { designEffect } from './designEffect';
import { holmAdjust } from './holmAdjust';

const scores = (promoters: number, passives: number, detractors: number, accountOf: (i: number) => string) =>
  [...Array<number>(promoters).fill(10), ...Array<number>(passives).fill(8), ...Array<number>(detractors).fill(3)]
    .map((score, i) => ({ score, accountId: accountOf(i) }));

describe('designEffect', () => {
  it('is 1 when every answer comes from its own account', () => {
    expect(designEffect([1, 0, -1, 1, 1, 0], ['a', 'b', 'c', 'd', 'e', 'f'])).toBe(1);
  });
  it('approaches the cluster size when answers within an account are identical', () => {
    const values = [1, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, 0];
    const accounts = values.map((_, i) => `acc-${Math.floor(i / 4)}`);
    expect(designEffect(values, accounts)).toBeCloseTo((6 / 5) * 4 / (24 / 23), 10);
  });
  it('never goes below 1', () => {
    expect(designEffect([1, -1, 1, -1], ['a', 'a', 'b', 'b'])).toBe(1);
  });
});

describe('clusteredNps', () => {
  it('equals the adjusted-Wald interval when each answer is its own account (50/30/20 → 14 … 44)', () => {
    const result = clusteredNps(scores(50, 30, 20, (i) => `acc-${i}`));
    const plain = npsAdjustedWaldInterval({ promoters: 50, passives: 30, detractors: 20 });
    expect(result.nps).toBe(30);
    expect(result.designEffect).toBe(1);
    expect(result.interval?.low).toBeCloseTo(plain.low, 10);
    expect(result.interval?.high).toBeCloseTo(plain.high, 10);
    expect(Math.round(result.interval?.low ?? 0)).toBe(14);
  });
  it('widens the interval when answers cluster in accounts', () => {
    const clustered = clusteredNps(scores(50, 30, 20, (i) => `acc-${Math.floor(i / 5)}`));
    expect(clustered.designEffect).toBeGreaterThan(2);
    expect(clustered.accounts).toBe(20);
    expect((clustered.interval?.high ?? 0) - (clustered.interval?.low ?? 0)).toBeGreaterThan(1.4 * 30);
  });
  it('has no value or interval without answers', () => {
    expect(clusteredNps([])).toMatchObject({ nps: null, interval: null, warnings: [{ code: 'no_data' }] });
  });
});

describe('holmAdjust', () => {
  it('multiplies the k-th smallest p by (m − k + 1), keeps the order monotone and caps at 1', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
