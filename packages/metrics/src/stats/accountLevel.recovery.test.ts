import type { CanonicalDataset } from '@kizuna/model';
import { generateOrganisation, plantedEffects, type EffectsMode } from '@kizuna/sample-data';
import { describe, expect, it } from 'vitest';
import { countNps } from '../nps';
import { accountNpsByRole, type AccountNpsByRole } from './accountNpsByRole';
import { roleResponsesByAccount } from './roleResponsesByAccount';
import { rollUpAccountNps } from './rollUpAccountNps';
import { shrinkNpsToSegment } from './shrinkNpsToSegment';

/**
 * Account-level B2B NPS on generated data (1,000 accounts, last four quarters of relationship
 * NPS): role-weighted account scores rolled up per business unit, the decision-maker-detractor
 * flag, and empirical-Bayes shrinkage toward the segment — against the planted weak unit and the
 * control organisation.
 */
const accounts = 1_000;
const since = '2025-10-01T00:00:00.000Z';

interface Scored {
  readonly dataset: CanonicalDataset;
  readonly weakUnit: string;
  readonly byAccount: ReturnType<typeof roleResponsesByAccount>['byAccount'];
  readonly scores: ReadonlyMap<string, AccountNpsByRole>;
}

const cache = new Map<string, Scored>();
function scored(seed: number, effects: EffectsMode): Scored {
  const key = `${seed}/${effects}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const dataset = generateOrganisation({ seed, accounts, effects });
  const feedback = dataset.feedback.filter((f) => f.programme === 'relationship' && f.respondedAt >= since);
  const { byAccount } = roleResponsesByAccount(feedback, dataset.contacts);
  const scores = new Map(dataset.accounts.map((a) => [a.id, accountNpsByRole(byAccount.get(a.id) ?? [])]));
  const weakUnit = plantedEffects({ seed, accounts }).weakBusinessUnit?.businessUnitId ?? '';
  const result = { dataset, weakUnit, byAccount, scores };
  cache.set(key, result);
  return result;
}

/** Role-weighted account NPS rolled up per business unit (equal and ARR weights) and the DM-detractor rate. */
function unitRollUps({ dataset, scores }: Scored): Map<string, { equal: number; arr: number; dmDetractorRate: number }> {
  return new Map(
    dataset.businessUnits.map((unit) => {
      const mine = dataset.accounts.filter((a) => a.businessUnitId === unit.id);
      const rollUp = rollUpAccountNps(mine.map((a) => ({ accountId: a.id, nps: scores.get(a.id)?.roleWeighted.nps ?? null, arr: a.arr })));
      const flagged = mine.filter((a) => scores.get(a.id)?.decisionMakerDetractor).length;
      return [unit.id, { equal: rollUp.equalWeighted.nps ?? NaN, arr: rollUp.arrWeighted.nps ?? NaN, dmDetractorRate: flagged / mine.length }];
    }),
  );
}

/** Shrinks every account toward its segment; the 100 lowest accounts by shrunk and by raw NPS. */
function bottomAccounts(s: Scored): { shrunk: { unit: string; n: number }[]; raw: { unit: string; n: number }[]; priorStrengths: number[] } {
  const rows: { unit: string; n: number; raw: number; shrunk: number }[] = [];
  const priorStrengths: number[] = [];
  for (const segment of s.dataset.segments) {
    const members = s.dataset.accounts.filter((a) => a.segmentId === segment.id);
    const counts = members.map((a) => ({ id: a.id, counts: countNps((s.byAccount.get(a.id) ?? []).map((r) => r.score)) }));
    const result = shrinkNpsToSegment(counts);
    priorStrengths.push(result.priorStrength ?? Number.POSITIVE_INFINITY);
    result.units.forEach((unit, i) => {
      const account = members[i];
      if (unit.shrunkNps !== null && unit.nps !== null && account) rows.push({ unit: account.businessUnitId, n: unit.n, raw: unit.nps, shrunk: unit.shrunkNps });
    });
  }
  const lowest = (key: 'raw' | 'shrunk'): { unit: string; n: number }[] => [...rows].sort((a, b) => a[key] - b[key]).slice(0, 100);
  return { shrunk: lowest('shrunk'), raw: lowest('raw'), priorStrengths };
}

const meanN = (rows: readonly { n: number }[]): number => rows.reduce((sum, r) => sum + r.n, 0) / rows.length;

describe.each([1, 2])('account-level NPS on generated data, seed %i', (seed) => {
  it('the planted weak unit has the lowest role-weighted NPS, equal- and ARR-weighted, and the most decision-maker detractors', () => {
    const planted = scored(seed, 'planted');
    const units = unitRollUps(planted);
    const weak = units.get(planted.weakUnit);
    const others = [...units].filter(([id]) => id !== planted.weakUnit).map(([, v]) => v);
    expect(others.every((o) => o.equal > (weak?.equal ?? Infinity) + 15)).toBe(true);
    expect(others.every((o) => o.arr > (weak?.arr ?? Infinity) + 10)).toBe(true);
    expect(others.every((o) => o.dmDetractorRate < (weak?.dmDetractorRate ?? 0))).toBe(true);
  });

  it('in the control the same unit is unremarkable', () => {
    const control = scored(seed, 'none');
    const units = unitRollUps(control);
    const weak = units.get(control.weakUnit)?.equal ?? NaN;
    const others = [...units].filter(([id]) => id !== control.weakUnit).map(([, v]) => v.equal);
    expect(Math.abs(weak - others.reduce((a, b) => a + b, 0) / others.length)).toBeLessThan(10);
  });

  it('shrinkage: m is a few pseudo-respondents, the bottom of the ranking is no longer the tiniest accounts, and it still finds the weak unit', () => {
    const planted = scored(seed, 'planted');
    const { shrunk, raw, priorStrengths } = bottomAccounts(planted);
    // Contacts of one account agree (ICC ≈ 0.25), so m = (1 − ρ)/ρ ≈ 3 is expected.
    for (const m of priorStrengths) {
      expect(m).toBeGreaterThan(1);
      expect(m).toBeLessThan(10);
    }
    expect(meanN(shrunk)).toBeGreaterThan(meanN(raw) + 0.5);
    const weakShare = shrunk.filter((r) => r.unit === planted.weakUnit).length / shrunk.length;
    const baseShare = planted.dataset.accounts.filter((a) => a.businessUnitId === planted.weakUnit).length / accounts;
    expect(weakShare).toBeGreaterThan(baseShare + 0.1);
    const control = bottomAccounts(scored(seed, 'none'));
    expect(control.shrunk.filter((r) => r.unit === planted.weakUnit).length / 100).toBeLessThan(baseShare + 0.08);
  });
});
