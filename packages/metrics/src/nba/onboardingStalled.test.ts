import { describe, expect, it } from 'vitest';
import { account, context, dateIn, testAsOf } from '../health/testContext';
import { nextBestActions } from './nextBestActions';
import { onlyPlaybook } from './testPlaybooks';

const playbooks = onlyPlaybook('onboarding_stalled');
const run = (onboarding: { onboardingStartedOn?: string; onboardingCompletedOn?: string }) =>
  nextBestActions(context({ account: account(onboarding) }), { asOf: testAsOf, playbooks }).proposed;

describe('playbook: onboarding stalled', () => {
  it('fires once onboarding has run longer than the expected 60 days', () => {
    expect(run({ onboardingStartedOn: dateIn(-60) })).toEqual([]);
    const [proposal] = run({ onboardingStartedOn: dateIn(-61) });
    expect(proposal?.evidence[0]).toEqual({ code: 'onboarding_stalled', params: { startedOn: dateIn(-61), daysInOnboarding: 61, expectedDays: 60 } });
    expect(proposal?.action.urgency).toBeCloseTo(0.3 + 0.7 / 60, 10);
  });

  it('does not fire once onboarding is complete, but does while completion lies in the future of asOf', () => {
    expect(run({ onboardingStartedOn: dateIn(-100), onboardingCompletedOn: dateIn(-1) })).toEqual([]);
    expect(run({ onboardingStartedOn: dateIn(-100), onboardingCompletedOn: dateIn(5) })).toHaveLength(1);
    expect(run({})).toEqual([]);
  });

  it('takes the expected duration from the config', () => {
    const config = onlyPlaybook('onboarding_stalled', { expectedDays: 120 });
    expect(nextBestActions(context({ account: account({ onboardingStartedOn: dateIn(-100) }) }), { asOf: testAsOf, playbooks: config }).proposed).toEqual([]);
  });
});
