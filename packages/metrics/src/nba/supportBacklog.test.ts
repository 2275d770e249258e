import type { SupportCase } from '@kizuna/model';
import { describe, expect, it } from 'vitest';
import { context, daysBefore, supportCase, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

const run = (cases: readonly SupportCase[], settings: Readonly<Record<string, unknown>> = {}) =>
  nextBestActions(context({ supportCases: cases }), { asOf: testAsOf, playbooks: onlyPlaybook('support_backlog', settings) }).proposed;
const open = (count: number) => Array.from({ length: count }, (_, index) => supportCase(`case-${index + 1}`, daysBefore(index + 1)));

describe('playbook: support backlog or escalations', () => {
  it('fires for an open escalated case, urgent from the start', () => {
    const [proposal] = run([supportCase('esc', daysBefore(4.5), { escalated: true, status: 'escalated' })]);
    expect(proposal?.evidence[0]).toEqual({ code: 'open_escalations', params: { count: 1, oldestDays: 4 } });
    expect(proposal?.action).toMatchObject({ urgency: 0.85, title: 'Take ownership of the open escalations' });
  });

  it('fires for more than three open cases, not for three', () => {
    expect(run(open(3))).toEqual([]);
    const [proposal] = run(open(4));
    expect(proposal?.evidence[0]).toEqual({ code: 'support_backlog', params: { openCases: 4, maximum: 3 } });
    expect(proposal?.action.urgency).toBeCloseTo(0.4 + 0.6 / 3, 10);
  });

  it('ignores closed escalations, and escalations altogether when switched off', () => {
    expect(run([supportCase('esc', daysBefore(9), { escalated: true, status: 'closed', closedAt: daysBefore(2) })])).toEqual([]);
    expect(run([supportCase('esc', daysBefore(9), { escalated: true })], { escalations: false })).toEqual([]);
  });

  it('keys the situation on the triggering cases: a new case makes a new backlog', () => {
    const four = run(open(4))[0]?.action.idempotencyKey;
    expect(run(open(4))[0]?.action.idempotencyKey).toBe(four);
    expect(run(open(5))[0]?.action.idempotencyKey).not.toBe(four);
  });
});
