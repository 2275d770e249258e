import { describe, expect, it } from 'vitest';
import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation, plantedEffects, type EffectsMode } from '@kizuna/sample-data';
import { cxExLinkage } from './cxExLinkage';
import { operationalDrivers } from './operationalDrivers';

const accounts = 1_000;
const cache = new Map<string, CanonicalDataset>();
function organisation(seed: number, effects: EffectsMode): CanonicalDataset {
  const key = `${seed}/${effects}`;
  const dataset = cache.get(key) ?? generateOrganisation({ seed, accounts, effects });
  cache.set(key, dataset);
  return dataset;
}
const asOf = '2026-10-01T00:00:00Z';

describe.each([1, 2])('planted effects recovered by the linkage analyses, seed %i', (seed) => {
  it('finds the one-quarter lag from serving-team engagement to CX: CI above 0, larger than lags 0 and 2', () => {
    expect(plantedEffects({ seed, accounts }).engagementLag?.lagQuarters).toBe(1);
    const [lag0, lag1, lag2] = cxExLinkage(organisation(seed, 'planted')).lags;
    expect(lag1?.pooled?.interval.low).toBeGreaterThan(0);
    expect(lag1?.pooled?.r).toBeGreaterThan(0.6);
    expect(lag1?.pooled?.r).toBeGreaterThan((lag0?.pooled?.r ?? 1) + 0.3);
    expect(lag1?.pooled?.r).toBeGreaterThan((lag2?.pooled?.r ?? 1) + 0.3);
    expect(lag1?.pooled?.n).toBeGreaterThan(100);
    expect(lag1?.withinTeam?.interval.low).toBeGreaterThan(0);
  });

  it('does not find it in the control', () => {
    const control = cxExLinkage(organisation(seed, 'none'));
    for (const lag of control.lags) {
      expect(lag.pooled?.interval.low).toBeLessThan(0);
      expect(lag.pooled?.interval.high).toBeGreaterThan(0);
    }
  });

  it('never exposes a team’s engagement (about a third of pulses are below 5 respondents)', () => {
    const result = cxExLinkage(organisation(seed, 'planted'));
    expect(result.suppressedPulses).toBeGreaterThan(100);
    expect(JSON.stringify(result)).not.toMatch(/team-/);
  });

  it('links the slowest quartile of median resolution time to churn (rate ratio CI above 1) — not in the control', () => {
    const [planted] = operationalDrivers(organisation(seed, 'planted'), { asOf, metrics: ['median_resolution_hours'] });
    expect(planted?.worstQuartileVsRest?.interval.low).toBeGreaterThan(1);
    expect(planted?.worstQuartileVsRest?.ratio).toBeGreaterThan(2);
    expect(planted?.churnCorrelation?.interval.low).toBeGreaterThan(0);
    expect(planted?.accounts).toBeGreaterThan(800);
    const [control] = operationalDrivers(organisation(seed, 'none'), { asOf, metrics: ['median_resolution_hours'] });
    expect(control?.worstQuartileVsRest?.interval.low).toBeLessThan(1);
    expect(control?.worstQuartileVsRest?.interval.high).toBeGreaterThan(1);
  });

  it('also sees it through SLA compliance (breaches come from slow resolution)', () => {
    const [planted] = operationalDrivers(organisation(seed, 'planted'), { asOf, metrics: ['sla_compliance'] });
    expect(planted?.worstQuartileVsRest?.interval.low).toBeGreaterThan(1);
    const [control] = operationalDrivers(organisation(seed, 'none'), { asOf, metrics: ['sla_compliance'] });
    expect(control?.worstQuartileVsRest?.interval.low).toBeLessThan(1);
  });
});
