import type { Touchpoint } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { contact, context, daysBefore, testAsOf, touchpoint } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

const playbooks = onlyPlaybook('exec_not_engaged_before_qbr');
const contacts = [contact('dm', 'decision_maker', 'Haruto Abe'), contact('es', 'executive_sponsor', 'Kenji Mori'), contact('u', 'user')];
const qbr = (id: string, daysAgo: number): Touchpoint => touchpoint(id, daysBefore(daysAgo), { momentOfTruth: 'quarterly_business_review' });
const execMeeting = (daysAgo: number) => touchpoint('meet', daysBefore(daysAgo), { contactId: 'dm' });

function run(touchpoints: readonly Touchpoint[], people = contacts) {
  return nextBestActions(context({ contacts: people, touchpoints }), { asOf: testAsOf, playbooks }).proposed;
}

describe('playbook: executive sponsor not engaged before a QBR', () => {
  it('fires when no executive was met for more than 90 days and no QBR was held in 90 days', () => {
    const [proposal] = run([execMeeting(91), touchpoint('other', daysBefore(2), { contactId: 'u' })]);
    expect(proposal?.evidence[0]).toEqual({ code: 'exec_quiet_qbr_due', params: { daysSinceQbr: 'never', daysSinceExecutive: 91 } });
    expect(proposal?.action.contactId).toBe('es');
    expect(proposal?.action.title).toBe('Meet Kenji Mori before the quarterly business review');
  });

  it('does not fire at exactly 90 days of silence, nor while the last QBR is recent', () => {
    expect(run([execMeeting(90)])).toEqual([]);
    expect(run([execMeeting(120), qbr('qbr-1', 60)])).toEqual([]);
    expect(run([execMeeting(120), qbr('qbr-1', 91)])[0]?.evidence[0]).toEqual({ code: 'exec_quiet_qbr_due', params: { daysSinceQbr: 91, daysSinceExecutive: 120 } });
  });

  it('fires before an upcoming QBR (within 30 days) even when the last one was recent, due on the QBR', () => {
    const [proposal] = run([execMeeting(100), qbr('qbr-1', 60), qbr('qbr-2', -10)]);
    expect(proposal?.evidence[0]).toEqual({ code: 'exec_quiet_before_qbr', params: { qbrDate: daysBefore(-10).slice(0, 10), daysToQbr: 10, daysSinceExecutive: 100 } });
    expect(proposal?.action.dueAt).toBe(daysBefore(-10));
    expect(proposal?.action.urgency).toBeCloseTo(0.4 + 0.6 * (20 / 30), 10);
    expect(run([execMeeting(100), qbr('qbr-1', 60), qbr('qbr-2', -31)])).toEqual([]);
  });

  it('does not fire without a decision maker or sponsor on record', () => {
    expect(run([], [contact('u', 'user')])).toEqual([]);
  });

  it('is a new situation after a new executive meeting, even if the silence goes on', () => {
    const first = run([execMeeting(200)])[0]?.action.idempotencyKey;
    const second = run([execMeeting(200), touchpoint('meet-2', daysBefore(95), { contactId: 'es' })])[0]?.action.idempotencyKey;
    expect(first).toMatch(/^exec_not_engaged_before_qbr-/);
    expect(second).toMatch(/^exec_not_engaged_before_qbr-/);
    expect(second).not.toBe(first);
  });
});
