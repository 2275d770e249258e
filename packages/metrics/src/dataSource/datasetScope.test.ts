import { generateOrganisation } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { datasetInScope, periodStart, resolveScope } from './datasetScope';

const dataset = generateOrganisation({ seed: 3, accounts: 30 });

describe('the scope of a portfolio read', () => {
  it('takes ISO dates or instants and defaults to every entity and unit', () => {
    const scope = resolveScope({ from: '2026-01-01', to: '2026-04-01T00:00:00+09:00' });
    expect(scope.from).toBe(Date.UTC(2026, 0, 1));
    expect(scope.to).toBe(Date.UTC(2026, 2, 31, 15));
    expect(scope.businessUnitIds).toBeUndefined();
    expect(scope.entities.has('employeePulse')).toBe(true);
  });

  it('refuses unknown entities and more than 100 units, saying which field is wrong', () => {
    expect(() => resolveScope({ from: '2026-01-01', to: '2026-04-01', entities: ['invoice' as 'action'] })).toThrow(/entities/);
    const units = Array.from({ length: 101 }, (_, i) => `bu-${i}`);
    expect(() => resolveScope({ from: '2026-01-01', to: '2026-04-01', businessUnitIds: units })).toThrow(/businessUnitIds/);
  });

  it('dates a pulse by the start of its quarter or month', () => {
    expect(periodStart('2026-Q2')).toBe(Date.UTC(2026, 3, 1));
    expect(periodStart('2026-11')).toBe(Date.UTC(2026, 10, 1));
  });

  it('keeps the pulses whose period starts in the window, and the structure of the units read', () => {
    const periods = [...new Set(dataset.employeePulses.map((pulse) => pulse.period))].sort();
    const [first, second] = periods;
    if (first === undefined || second === undefined) throw new Error('the sample organisation has fewer than two pulse periods');
    const read = datasetInScope(dataset, resolveScope({ from: new Date(periodStart(first)).toISOString(), to: new Date(periodStart(second)).toISOString() }));
    expect(read.employeePulses.length).toBeGreaterThan(0);
    expect(new Set(read.employeePulses.map((pulse) => pulse.period))).toEqual(new Set([first]));
    expect(read.segments).toEqual(dataset.segments);

    const unit = dataset.businessUnits[0]?.id ?? '';
    const ofUnit = datasetInScope(dataset, resolveScope({ from: '2020-01-01', to: '2030-01-01', businessUnitIds: [unit] }));
    expect(ofUnit.businessUnits.map((businessUnit) => businessUnit.id)).toEqual([unit]);
    expect(ofUnit.productLines.every((line) => line.businessUnitId === unit || ofUnit.accounts.some((account) => account.productLineId === line.id))).toBe(true);
    expect(ofUnit.teams.length).toBeGreaterThan(0);
  });
});
