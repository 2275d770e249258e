import type { AccountContext } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { assertScorecardConfig } from '../health';
import { account, contact, context, dateIn, daysBefore, nps, renewal, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

/** NPS alone, linear: health = (NPS + 100) / 2. */
const scorecard = assertScorecardConfig({ measures: [{ id: 'relationship_nps', weight: 1, points: [{ value: -100, score: 0 }, { value: 100, score: 100 }] }] });
const contacts = [contact('dm', 'decision_maker'), contact('ch', 'champion')];
/** 120 days ago the decision maker was a promoter (health then 100); 10 days ago a detractor (health now 50). */
const falling = [nps('then', 10, daysBefore(120), { contactId: 'dm' }), nps('now', 2, daysBefore(10), { contactId: 'dm', followUp: { state: 'closed', closedAt: daysBefore(9) } })];

function run(overrides: Partial<AccountContext>, settings: Readonly<Record<string, unknown>> = {}) {
  const playbooks = onlyPlaybook('renewal_health_falling', settings);
  return nextBestActions(context({ contacts, ...overrides }), { asOf: testAsOf, playbooks, scorecard }).proposed;
}

describe('playbook: renewal within 90 days with falling health', () => {
  it('fires for an open renewal 90 days out when health fell, with the renewal amount at stake', () => {
    const [proposal] = run({ feedback: falling, opportunities: [renewal('opp-7', dateIn(90))] });
    expect(proposal?.evidence[0]).toEqual({
      code: 'renewal_health_falling',
      params: { renewalDate: dateIn(90), daysToRenewal: 90, healthNow: 50, healthBefore: 100, trendDays: 90 },
    });
    expect(proposal?.evidence[1]).toEqual({ code: 'health_driver', params: { measure: 'relationship_nps', score: 50, pointsLost: 50 } });
    expect(proposal?.action).toMatchObject({ valueAtStake: 14_000_000, dueAt: `${dateIn(90)}T00:00:00.000Z`, urgency: 0.3 });
    expect(proposal?.priority.value).toMatchObject({ basis: 'renewal', opportunityId: 'opp-7' });
  });

  it('does not fire 91 days out, when health held, or when the drop is below the minimum', () => {
    expect(run({ feedback: falling, opportunities: [renewal('opp-7', dateIn(91))] })).toEqual([]);
    const steady = [nps('then', 10, daysBefore(120)), nps('now', 10, daysBefore(10))];
    expect(run({ feedback: steady, opportunities: [renewal('opp-7', dateIn(30))] })).toEqual([]);
    expect(run({ feedback: falling, opportunities: [renewal('opp-7', dateIn(30))] }, { minimumDrop: 51 })).toEqual([]);
  });

  it('uses the account’s renewal date and ARR when no renewal opportunity is open', () => {
    const [proposal] = run({ account: account({ renewalDate: dateIn(10) }), feedback: falling });
    expect(proposal?.action.valueAtStake).toBe(12_000_000);
    expect(proposal?.action.urgency).toBeCloseTo(0.3 + 0.7 * (80 / 90), 10);
    expect(proposal?.priority.value.basis).toBe('arr');
  });
});
