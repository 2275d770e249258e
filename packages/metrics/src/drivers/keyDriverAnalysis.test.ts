import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { keyDriverAnalysis } from './keyDriverAnalysis';
import type { DriverRow } from './prepareDriverData';

/** Survey-like rows: three correlated items on 0–10, outcome driven mostly by `product`. */
function surveyRows(seed: number, n: number, accounts = n): DriverRow[] {
  const rng = xoroshiro128plus(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
  return Array.from({ length: n }, (_, i) => {
    const halo = normal();
    const product = 7 + halo + normal();
    const support = 7 + halo + normal();
    const price = 6 + halo + normal();
    return {
      outcome: 0.6 * product + 0.3 * support + 0.1 * price + normal(),
      items: { product, support, price },
      clusterKey: `acc-${i % accounts}`,
    };
  });
}

describe('keyDriverAnalysis', () => {
  it('splits R² into relative weights that sum to it, ranked, with bootstrap intervals', () => {
    const result = keyDriverAnalysis(surveyRows(1, 600), { seed: 3 });
    expect(result.warnings).toEqual([]);
    expect(result.n).toBe(600);
    expect(result.drivers.map((d) => d.item)).toEqual(['product', 'support', 'price']);
    expect(result.drivers.map((d) => d.rank)).toEqual([1, 2, 3]);
    expect(result.drivers.reduce((sum, d) => sum + d.rawWeight, 0)).toBeCloseTo(result.rSquared ?? Number.NaN, 12);
    expect(result.drivers.reduce((sum, d) => sum + d.rescaledWeight, 0)).toBeCloseTo(100, 10);
    for (const driver of result.drivers) {
      expect(driver.rescaledWeightInterval?.low).toBeLessThan(driver.rescaledWeight);
      expect(driver.rescaledWeightInterval?.high).toBeGreaterThan(driver.rescaledWeight);
      expect(driver.direction).toBe('positive');
    }
    expect(result.drivers[0]?.coefficientInterval?.low).toBeLessThan(0.6);
    expect(result.drivers[0]?.coefficientInterval?.high).toBeGreaterThan(0.6);
    expect(result.bootstrap).toEqual({ resamples: 1000, failed: 0, level: 0.95, reliabilityLevel: 1 - 0.05 / 3 });
  });

  it('marks drivers that explain more than noise as reliable, and warns when none does', () => {
    const driven = keyDriverAnalysis(surveyRows(2, 800), { seed: 1 });
    expect(driven.drivers.find((d) => d.item === 'product')?.reliable).toBe(true);
    const otherOutcomes = surveyRows(99, 800).map((row) => row.outcome);
    const noise = surveyRows(3, 800).map((row, i) => ({ ...row, outcome: otherOutcomes[i] ?? 0 }));
    const unrelated = keyDriverAnalysis(noise, { seed: 1 });
    expect(unrelated.drivers.every((d) => !d.reliable)).toBe(true);
    expect(unrelated.warnings).toContainEqual({ code: 'no_reliable_drivers' });
    expect(unrelated.rSquared).toBeLessThan(0.02);
  });

  it('is reproducible for a seed and varies with it', () => {
    const rows = surveyRows(4, 300);
    const first = keyDriverAnalysis(rows, { seed: 5, resamples: 200 });
    expect(keyDriverAnalysis(rows, { seed: 5, resamples: 200 })).toEqual(first);
    const other = keyDriverAnalysis(rows, { seed: 6, resamples: 200 });
    expect(other.drivers[0]?.rawWeightInterval).not.toEqual(first.drivers[0]?.rawWeightInterval);
    expect(other.drivers[0]?.rawWeight).toBe(first.drivers[0]?.rawWeight);
  });

  it('resamples clusters, not rows: answers repeated within an account widen the intervals', () => {
    const base = surveyRows(5, 150);
    const repeated = base.flatMap((row, i) => Array.from({ length: 4 }, () => ({ ...row, clusterKey: `acc-${i}` })));
    const asClusters = keyDriverAnalysis(repeated, { seed: 2 });
    const asRows = keyDriverAnalysis(repeated.map(({ outcome, items }) => ({ outcome, items })), { seed: 2 });
    expect(asClusters.clusters).toBe(150);
    expect(asRows.clusters).toBe(600);
    const width = (result: typeof asRows): number =>
      (result.drivers[0]?.rawWeightInterval?.high ?? 0) - (result.drivers[0]?.rawWeightInterval?.low ?? 0);
    expect(width(asClusters)).toBeGreaterThan(1.5 * width(asRows));
  });

  it('drops incomplete rows listwise and says how many', () => {
    const rows = surveyRows(6, 200);
    const holed = rows.map((row, i) => (i % 10 === 0 ? { ...row, items: { product: row.items['product'] ?? 0 } } : row));
    const result = keyDriverAnalysis(holed, { seed: 1, resamples: 100, items: ['product', 'support', 'price'] });
    expect(result.n).toBe(180);
    expect(result.warnings).toContainEqual({ code: 'incomplete_rows', detail: { dropped: 20, kept: 180 } });
  });

  it('leaves out an item that never varies, with a warning, and analyses the rest', () => {
    const rows = surveyRows(7, 200).map((row) => ({ ...row, items: { ...row.items, onboarding: 8 } }));
    const result = keyDriverAnalysis(rows, { seed: 1, resamples: 100 });
    expect(result.excludedItems).toEqual(['onboarding']);
    expect(result.warnings).toContainEqual({ code: 'constant_item', detail: { item: 'onboarding' } });
    expect(result.drivers.map((d) => d.item).sort()).toEqual(['price', 'product', 'support']);
  });

  it('returns no weights, only warnings, for too few rows, no rows, a constant outcome or collinear items', () => {
    const few = keyDriverAnalysis(surveyRows(8, 20), { seed: 1 });
    expect(few.drivers).toEqual([]);
    expect(few.rSquared).toBeNull();
    expect(few.warnings).toContainEqual({ code: 'small_sample', detail: { n: 20, minimum: 30 } });
    expect(keyDriverAnalysis([], { seed: 1 }).warnings).toContainEqual({ code: 'no_data' });
    const flat = surveyRows(9, 100).map((row) => ({ ...row, outcome: 7 }));
    expect(keyDriverAnalysis(flat, { seed: 1 }).warnings).toContainEqual({ code: 'constant_outcome' });
    const twin = surveyRows(10, 100).map((row) => ({ ...row, items: { ...row.items, copy: 2 * (row.items['product'] ?? 0) + 1 } }));
    const collinear = keyDriverAnalysis(twin, { seed: 1 });
    expect(collinear.drivers).toEqual([]);
    expect(collinear.warnings).toContainEqual({ code: 'collinear_items' });
  });

  it('reports a negative driver’s direction from the regression sign', () => {
    const rows = surveyRows(11, 300).map((row, i) => {
      const wait = (i * 37) % 11; // waiting time rating: more is worse
      return { ...row, outcome: row.outcome - 0.4 * wait, items: { ...row.items, wait } };
    });
    const result = keyDriverAnalysis(rows, { seed: 1, resamples: 0 });
    expect(result.bootstrap).toBeNull();
    const wait = result.drivers.find((d) => d.item === 'wait');
    expect(wait?.direction).toBe('negative');
    expect(wait?.correlation).toBeLessThan(0);
    expect(wait?.coefficient).toBeCloseTo(-0.4, 1);
    expect(result.drivers.every((d) => d.rescaledWeightInterval === null && !d.reliable)).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});
