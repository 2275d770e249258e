import { actionSchema, type AccountContext, type Action } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { account, contact, context, dateIn, daysBefore, nps, renewal, supportCase, testAsOf, touchpoint } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { assertPlaybookConfig } from './playbookConfig';

/** Three situations at once: a decision-maker detractor, a stalled onboarding, an escalation. */
const busy: AccountContext = context({
  account: account({ onboardingStartedOn: dateIn(-75) }),
  contacts: [contact('aiko', 'decision_maker', 'Aiko Sato'), contact('mei', 'champion', 'Mei Tanaka')],
  feedback: [nps('fb-1', 3, daysBefore(3), { contactId: 'aiko' }), nps('fb-2', 9, daysBefore(5), { contactId: 'mei' })],
  touchpoints: [touchpoint('tp-1', daysBefore(10), { contactId: 'aiko' })],
  supportCases: [supportCase('case-1', daysBefore(2), { escalated: true, status: 'escalated' })],
  opportunities: [renewal('opp-1', dateIn(200))],
});
const run = (input: AccountContext, asOf = testAsOf) => nextBestActions(input, { asOf });

function withExisting(status: Action['status'], changes: Partial<Action> = {}): AccountContext {
  const first = run(busy).proposed[0];
  if (first === undefined) throw new Error('expected a proposal');
  return { ...busy, actions: [{ ...first.action, status, ...changes }] };
}

describe('nextBestActions', () => {
  it('proposes valid model Actions, ranked by value × expected effect × urgency, each factor explained', () => {
    const { proposed } = run(busy);
    // effect × urgency: detractor 0.35 × 0.68, escalation 0.15 × 0.85, onboarding 0.2 × (0.3 + 0.7 × 15/60); same value at stake
    expect(proposed.map((proposal) => proposal.playbookId)).toEqual(['dm_detractor_no_follow_up', 'support_backlog', 'onboarding_stalled']);
    expect(proposed.map((proposal) => proposal.rank)).toEqual([1, 2, 3]);
    for (const proposal of proposed) {
      expect(actionSchema.safeParse(proposal.action).success).toBe(true);
      const { value, expectedEffect, urgency, priority } = proposal.priority;
      expect(priority).toBeCloseTo(value.amount * expectedEffect * urgency.value, 6);
      expect(proposal.action).toMatchObject({ status: 'proposed', valueAtStake: 14_000_000, createdAt: testAsOf });
    }
    const priorities = proposed.map((proposal) => proposal.priority.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    // urgency 72 h after the response: 0.6 + 0.4 × (72 − 48) / 120 = 0.68
    expect(proposed[0]?.priority.text).toBe(
      `JPY 14,000,000 at stake (renewal on ${dateIn(200)}) × 0.35 expected effect × 0.68 urgency (72 hours since the response) = JPY 3,332,000`,
    );
    expect(proposed[0]?.action.reasons.at(-1)).toBe(`JPY 14,000,000 renews on ${dateIn(200)}.`);
  });

  it('gives the same keys and ids on every run, and a new key for a new trigger', () => {
    const once = run(busy);
    expect(run(busy)).toEqual(once);
    const another = { ...busy, feedback: [...busy.feedback, nps('fb-3', 1, daysBefore(4), { contactId: 'aiko' })] };
    const keys = run(another).proposed.filter((proposal) => proposal.playbookId === 'dm_detractor_no_follow_up').map((proposal) => proposal.action.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys).toContain(once.proposed[0]?.action.idempotencyKey);
    for (const proposal of once.proposed) expect(proposal.action.id).toBe(`nba-${proposal.action.idempotencyKey.slice(-16)}`);
  });

  it('does not propose again what the user accepted or completed', () => {
    for (const [status, reason] of [['accepted', 'already_accepted'], ['done', 'already_done']] as const) {
      const result = run(withExisting(status));
      expect(result.proposed.map((proposal) => proposal.playbookId)).not.toContain('dm_detractor_no_follow_up');
      expect(result.suppressed).toEqual([expect.objectContaining({ playbookId: 'dm_detractor_no_follow_up', suppression: expect.objectContaining({ reason }) })]);
    }
  });

  it('holds a dismissed action back for 30 days from its dismissal', () => {
    const recent = run(withExisting('dismissed', { createdAt: daysBefore(29), dismissedReason: 'Spoke already' }));
    expect(recent.proposed).toHaveLength(2);
    expect(recent.suppressed[0]?.suppression).toMatchObject({ reason: 'dismissed_recently', until: daysBefore(-1) });
    expect(run(withExisting('dismissed', { createdAt: daysBefore(31) })).proposed).toHaveLength(3);
    const config = assertPlaybookConfig({ dismissalWindowDays: 45 });
    expect(nextBestActions(withExisting('dismissed', { createdAt: daysBefore(31) }), { asOf: testAsOf, playbooks: config }).proposed).toHaveLength(2);
  });

  it('holds a snoozed action back until snoozedUntil', () => {
    const snoozed = run(withExisting('snoozed', { snoozedUntil: daysBefore(-1) }));
    expect(snoozed.suppressed[0]?.suppression).toMatchObject({ reason: 'snoozed', until: daysBefore(-1) });
    expect(run(withExisting('snoozed', { snoozedUntil: daysBefore(1) })).proposed).toHaveLength(3);
  });

  it('refreshes an action already proposed (a CRM task, perhaps) instead of duplicating it', () => {
    const existing = withExisting('proposed', { id: 'a0X5g00000AbCdE', createdAt: daysBefore(1), crmTaskId: '00T5g000001xyz' });
    const [first, ...rest] = run(existing).proposed;
    expect(rest).toHaveLength(2);
    expect(first?.action).toMatchObject({ id: 'a0X5g00000AbCdE', createdAt: daysBefore(1), crmTaskId: '00T5g000001xyz', status: 'proposed' });
    expect(first?.refreshes).toBe('a0X5g00000AbCdE');
  });

  it('proposes nothing for an account that is not a customer at asOf', () => {
    const churned = { ...busy, account: account({ status: 'churned', churnedOn: dateIn(-10), onboardingStartedOn: dateIn(-75) }) };
    expect(run(churned).proposed).toEqual([]);
  });
});

describe('nextBestActions when the CRM could not read part of the account', () => {
  it('skips the playbooks that need the unreadable records and says so, instead of reading silence as a signal', () => {
    const unreadable: AccountContext = { ...busy, touchpoints: [], supportCases: [], unavailable: [{ entity: 'touchpoint', code: 'INVALID_TYPE', message: 'sObject type Event is not supported' }, { entity: 'supportCase', code: 'PERMISSION_DENIED', message: 'No access to Case' }] };
    const result = run(unreadable);
    expect(result.proposed.map((proposal) => proposal.playbookId)).toEqual(['dm_detractor_no_follow_up', 'onboarding_stalled']);
    expect(result.warnings).toEqual([
      { code: 'unmapped', detail: { playbook: 'exec_not_engaged_before_qbr', entity: 'touchpoint' } },
      { code: 'unmapped', detail: { playbook: 'support_backlog', entity: 'supportCase' } },
      { code: 'unmapped', detail: { playbook: 'champion_quiet', entity: 'touchpoint' } },
    ]);
  });
});
