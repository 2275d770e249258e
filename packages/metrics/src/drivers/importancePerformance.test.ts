import { describe, expect, it } from 'vitest';
import type { DriverImportance } from './keyDriverAnalysis';
import { driverPerformance, importancePerformance } from './importancePerformance';

function driver(item: string, rescaledWeight: number, reliable = true): DriverImportance {
  const interval = { low: reliable ? 0.01 : -0.01, high: 0.05, level: 0.99 };
  return {
    item, rank: 0, rawWeight: rescaledWeight / 200, rawWeightInterval: null, rescaledWeight, rescaledWeightInterval: null,
    direction: 'positive', standardisedCoefficient: 0.2, coefficient: 0.2, coefficientInterval: null, correlation: 0.4,
    excessOverNoiseInterval: interval, reliable,
  };
}

describe('importancePerformance', () => {
  const drivers = [driver('product', 30), driver('support', 25), driver('account', 20), driver('price', 12), driver('docs', 8), driver('onboarding', 5)];
  const performance = { product: 6.8, support: 8.1, account: 7.9, price: 6.5, docs: 8.4, onboarding: 7.2 };

  it('puts important, weakly rated drivers in "fix" and the rest in maintain / monitor / over_invested (median cuts)', () => {
    const grid = importancePerformance(drivers, performance);
    expect(grid.importanceCut).toBe(16);
    expect(grid.performanceCut).toBeCloseTo(7.55, 10);
    expect(Object.fromEntries(grid.points.map((p) => [p.item, p.quadrant]))).toEqual({
      product: 'fix', support: 'maintain', account: 'maintain', price: 'monitor', docs: 'over_invested', onboarding: 'monitor',
    });
  });

  it('accepts fixed cut points', () => {
    const grid = importancePerformance(drivers, performance, { importanceCut: 10, performanceCut: 8 });
    expect(grid.points.find((p) => p.item === 'price')?.quadrant).toBe('fix');
    expect(grid.points.find((p) => p.item === 'account')?.quadrant).toBe('fix');
  });

  it('treats unreliable drivers as unimportant unless told otherwise, and skips drivers without performance', () => {
    const shaky = [driver('product', 30, false), ...drivers.slice(1)];
    const { onboarding: _unrated, ...ratedOnly } = performance;
    const grid = importancePerformance(shaky, ratedOnly);
    expect(grid.points.find((p) => p.item === 'product')).toMatchObject({ importance: 0, quadrant: 'monitor' });
    expect(grid.unplaced).toEqual(['onboarding']);
    const kept = importancePerformance(shaky, performance, { zeroUnreliable: false });
    expect(kept.points.find((p) => p.item === 'product')?.quadrant).toBe('fix');
  });
});

describe('driverPerformance', () => {
  const rows = [
    { outcome: 9, items: { product: 10, support: 6 } },
    { outcome: 6, items: { product: 8 } },
    { outcome: 8, items: { product: 9, support: 9 } },
  ];
  it('averages each item over the rows that rated it', () => {
    expect(driverPerformance(rows, ['product', 'support'])).toEqual({ product: 9, support: 7.5 });
  });
  it('or gives the top-box share (9–10 by default)', () => {
    expect(driverPerformance(rows, ['product', 'support', 'docs'], { kind: 'top_box' })).toEqual({ product: 2 / 3, support: 0.5 });
    expect(driverPerformance(rows, ['product'], { kind: 'top_box', minimum: 10 })).toEqual({ product: 1 / 3 });
  });
});
