import type { Contact, ContactRole, Feedback } from '@kizuna/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsAdjustedWaldInterval, npsFromCounts, countNps } from '../nps';
import { accountNpsByRole, kishEffectiveN, roleWeightedNps, type RoleResponse } from './accountNpsByRole';
import { roleResponsesByAccount } from './roleResponsesByAccount';

const answers = (role: ContactRole, ...scores: number[]): RoleResponse[] => scores.map((score) => ({ role, score }));

describe('kishEffectiveN', () => {
  it('reproduces the reference: 1 decision maker + 2 influencers + 7 users with weights 3/2/1 → 8.2 of 10', () => {
    expect(kishEffectiveN([3, 2, 2, 1, 1, 1, 1, 1, 1, 1])).toBeCloseTo(196 / 24, 12);
    expect(kishEffectiveN([3, 2, 2, 1, 1, 1, 1, 1, 1, 1]).toFixed(1)).toBe('8.2');
  });

  it('is n under equal weights and 0 without weight', () => {
    expect(kishEffectiveN([2, 2, 2])).toBe(3);
    expect(kishEffectiveN([0, 0])).toBe(0);
    expect(() => kishEffectiveN([1, -1])).toThrow(RangeError);
  });
});

describe('accountNpsByRole', () => {
  // A decision maker who detracts, two influencers (promoter, passive) and seven users who mostly promote.
  const account = [...answers('decision_maker', 4), ...answers('influencer', 9, 8), ...answers('user', 10, 10, 9, 9, 9, 8, 6)];

  it('gives the three account-level readings side by side', () => {
    const result = accountNpsByRole(account);
    // Respondent-level: 6 promoters, 2 passives, 2 detractors → 40.
    expect(result.respondent.nps).toBe(40);
    // Role-weighted: promoters weigh 2 + 5·1 = 7, detractors 3 + 1 = 4, of Σw = 14 → 100·3/14.
    expect(result.roleWeighted.nps).toBeCloseTo((100 * 3) / 14, 10);
    expect(result.roleWeighted.effectiveN).toBeCloseTo(8.1667, 4);
    expect(result.roleWeighted.warnings).toEqual([{ code: 'small_sample', detail: { n: 8.2, minimum: 10, consequence: 'not_ranked' } }]);
    // Waterfall: only the decision maker counts.
    expect(result.waterfall).toMatchObject({ nps: -100, n: 1, roles: ['decision_maker', 'executive_sponsor'] });
    expect(result.decisionMakerDetractor).toBe(true);
    expect(result.decisionMakerDetractors).toBe(1);
  });

  it('reports the Kish standard error √(v/n_eff) of the weighted shares', () => {
    const { roleWeighted } = accountNpsByRole(account);
    const p = 7 / 14;
    const d = 4 / 14;
    expect(roleWeighted.standardError).toBeCloseTo(100 * Math.sqrt((p + d - (p - d) ** 2) / (196 / 24)), 10);
  });

  it('falls through the waterfall to influencers and champions, then users', () => {
    expect(accountNpsByRole([...answers('champion', 10), ...answers('influencer', 5), ...answers('user', 9)]).waterfall).toMatchObject({
      nps: 0,
      n: 2,
      roles: ['influencer', 'champion'],
    });
    expect(accountNpsByRole(answers('user', 9, 7)).waterfall.nps).toBe(50);
    expect(accountNpsByRole([]).waterfall).toMatchObject({ nps: null, roles: [], warnings: [{ code: 'no_data' }] });
  });

  it('treats executive sponsors as decision makers for the detractor flag; promoters do not raise it', () => {
    expect(accountNpsByRole(answers('executive_sponsor', 6)).decisionMakerDetractor).toBe(true);
    expect(accountNpsByRole([...answers('decision_maker', 9), ...answers('user', 0)]).decisionMakerDetractor).toBe(false);
  });

  it('takes custom weights; a zero weight leaves a role out of the weighted score', () => {
    const result = accountNpsByRole(account, { weights: { user: 0 } });
    // DM detractor 3, influencers promoter 2 + passive 2 → (2 − 3)/7.
    expect(result.roleWeighted.nps).toBeCloseTo(-100 / 7, 10);
    expect(result.respondent.nps).toBe(40);
    expect(accountNpsByRole(answers('user', 9), { weights: { user: 0 } }).roleWeighted).toMatchObject({ nps: null, effectiveN: 0 });
  });

  it('property: under equal weights the role-weighted score and interval are the respondent-level ones', () => {
    const roles: ContactRole[] = ['decision_maker', 'executive_sponsor', 'influencer', 'champion', 'user'];
    const response = fc.record({ role: fc.constantFrom(...roles), score: fc.integer({ min: 0, max: 10 }) });
    const equal = { decision_maker: 1, executive_sponsor: 1, influencer: 1, champion: 1, user: 1 };
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 40 }), (responses) => {
        const weighted = roleWeightedNps(responses, equal);
        const counts = countNps(responses.map((r) => r.score));
        const plain = npsFromCounts(counts);
        const interval = npsAdjustedWaldInterval(counts);
        return (
          Math.abs((weighted.nps ?? NaN) - (plain.nps ?? NaN)) < 1e-9 &&
          Math.abs(weighted.effectiveN - responses.length) < 1e-9 &&
          Math.abs((weighted.interval?.low ?? NaN) - interval.low) < 1e-9 &&
          Math.abs((weighted.interval?.high ?? NaN) - interval.high) < 1e-9
        );
      }),
    );
  });
});

describe('roleResponsesByAccount', () => {
  const contact = (id: string, accountId: string, role: ContactRole): Contact => ({ id, accountId, name: id, role });
  const nps = (id: string, accountId: string, score: number, contactId?: string, kind: Feedback['kind'] = 'nps'): Feedback => ({
    id,
    accountId,
    ...(contactId === undefined ? {} : { contactId }),
    kind,
    programme: 'relationship',
    scale: kind === 'nps' ? 'nps_0_10' : 'csat_1_5',
    score,
    respondedAt: '2026-09-01T00:00:00.000Z',
    driverScores: {},
    followUp: { state: 'not_required' },
  });

  it('joins NPS answers to their contact’s role by account, and counts answers it cannot place', () => {
    const result = roleResponsesByAccount(
      [nps('f1', 'acme', 3, 'c1'), nps('f2', 'acme', 10, 'c2'), nps('f3', 'acme', 9), nps('f4', 'acme', 5, 'c1', 'csat'), nps('f5', 'globex', 8, 'ghost')],
      [contact('c1', 'acme', 'decision_maker'), contact('c2', 'acme', 'user')],
    );
    expect(result.byAccount.get('acme')).toEqual([
      { role: 'decision_maker', score: 3 },
      { role: 'user', score: 10 },
    ]);
    expect(result.byAccount.has('globex')).toBe(false);
    expect(result.withoutRole).toBe(2);
  });
});
