import { describe, expect, it } from 'vitest';
import { account, context, dateIn, supportCase, daysBefore, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import type { ProposedAction } from './proposal';
import { rankProposals } from './rankProposals';
import { onlyPlaybook } from './testPlaybooks';

const playbooks = onlyPlaybook('onboarding_stalled');
const stalled = (id: string, arr: number) =>
  nextBestActions(context({ account: account({ id, arr, onboardingStartedOn: dateIn(-90) }) }), { asOf: testAsOf, playbooks }).proposed;

describe('rankProposals', () => {
  it('merges several accounts into one work list, highest priority first, numbered from 1', () => {
    const merged = rankProposals([...stalled('small', 1_000_000), ...stalled('large', 50_000_000), ...stalled('mid', 9_000_000)]);
    expect(merged.map((proposal) => [proposal.action.accountId, proposal.rank])).toEqual([['large', 1], ['mid', 2], ['small', 3]]);
  });

  it('breaks ties by urgency, then by idempotency key', () => {
    const [base] = nextBestActions(context({ supportCases: [supportCase('c', daysBefore(1), { escalated: true })] }), { asOf: testAsOf, playbooks: onlyPlaybook('support_backlog') }).proposed;
    if (base === undefined) throw new Error('expected a proposal');
    const variant = (key: string, priority: number, urgency: number): ProposedAction => ({
      ...base,
      action: { ...base.action, idempotencyKey: key },
      priority: { ...base.priority, priority, urgency: { ...base.priority.urgency, value: urgency } },
    });
    const ranked = rankProposals([variant('k-bbbbbbbb', 100, 0.5), variant('k-aaaaaaaa', 100, 0.5), variant('k-cccccccc', 100, 0.9), variant('k-dddddddd', 101, 0.1)]);
    expect(ranked.map((proposal) => proposal.action.idempotencyKey)).toEqual(['k-dddddddd', 'k-cccccccc', 'k-aaaaaaaa', 'k-bbbbbbbb']);
  });
});
