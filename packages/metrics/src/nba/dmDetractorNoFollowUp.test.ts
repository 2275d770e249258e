import type { Feedback } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { contact, context, daysBefore, nps, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

const playbooks = onlyPlaybook('dm_detractor_no_follow_up');
const contacts = [contact('aiko', 'decision_maker', 'Aiko Sato'), contact('ken', 'executive_sponsor', 'Kenji Mori'), contact('user', 'user', 'Yui Ito')];
const hoursBefore = (hours: number) => daysBefore(hours / 24);

function run(...feedback: Feedback[]) {
  return nextBestActions(context({ contacts, feedback }), { asOf: testAsOf, playbooks }).proposed;
}

describe('playbook: decision-maker detractor without follow-up', () => {
  it('fires once 48 hours have passed with the loop still open, naming the contact, score and hours', () => {
    const [proposal, ...others] = run(nps('fb-1', 3, hoursBefore(72), { contactId: 'aiko' }));
    expect(others).toEqual([]);
    expect(proposal?.evidence[0]).toEqual({
      code: 'dm_detractor_no_follow_up',
      params: { contact: 'Aiko Sato', role: 'decision_maker', score: 3, hoursOpen: 72, followUpState: 'open' },
    });
    expect(proposal?.action).toMatchObject({ contactId: 'aiko', playbookId: 'dm_detractor_no_follow_up', expectedEffect: 0.35 });
    expect(proposal?.action.reasons[0]).toBe('Aiko Sato (decision maker) gave an NPS of 3 3 days ago and the follow-up is still open.');
  });

  it('waits until the 48 hours are up', () => {
    expect(run(nps('fb-1', 3, hoursBefore(48), { contactId: 'aiko' }))).toEqual([]);
    expect(run(nps('fb-1', 3, hoursBefore(48.02), { contactId: 'aiko' }))).toHaveLength(1);
  });

  it('counts any state short of closed as no follow-up, for sponsors as for decision makers', () => {
    const acknowledged = nps('fb-2', 5, hoursBefore(60), { contactId: 'ken', followUp: { state: 'acknowledged' } });
    expect(run(acknowledged)[0]?.evidence[0]?.params).toMatchObject({ contact: 'Kenji Mori', role: 'executive_sponsor', followUpState: 'acknowledged' });
  });

  it('does not fire for a closed loop, a passive, a user, or a response older than the lookback', () => {
    expect(run(nps('a', 3, hoursBefore(72), { contactId: 'aiko', followUp: { state: 'closed', closedAt: hoursBefore(30) } }))).toEqual([]);
    expect(run(nps('b', 7, hoursBefore(72), { contactId: 'aiko', followUp: { state: 'open' } }))).toEqual([]);
    expect(run(nps('c', 2, hoursBefore(72), { contactId: 'user' }))).toEqual([]);
    expect(run(nps('d', 2, daysBefore(181), { contactId: 'aiko' }))).toEqual([]);
  });

  it('grows more urgent the longer the loop stays open: 0.6 at 48 h, 1 five days later', () => {
    const urgencyAt = (hours: number) => run(nps('fb', 3, hoursBefore(hours), { contactId: 'aiko' }))[0]?.action.urgency;
    expect(urgencyAt(48.5)).toBeCloseTo(0.6 + 0.4 * (0.5 / 120), 6);
    expect(urgencyAt(108)).toBeCloseTo(0.8, 6);
    expect(urgencyAt(200)).toBe(1);
  });
});
