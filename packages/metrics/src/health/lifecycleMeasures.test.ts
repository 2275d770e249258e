import { describe, expect, it } from 'vitest';
import { onboardingOverdue, renewalProximity } from './lifecycleMeasures';
import { nextRenewal } from './nextRenewal';
import { account, context, dateIn, renewal, testAsOf } from './testContext';

const asOfMs = Date.parse(testAsOf);

describe('onboardingOverdue', () => {
  it('is the days past the expected duration while onboarding runs (0 inside the plan)', () => {
    const running = context({ account: account({ onboardingStartedOn: dateIn(-75) }) });
    expect(onboardingOverdue(running, asOfMs, 60)).toMatchObject({ status: 'value', value: 15 });
    expect(onboardingOverdue(running, asOfMs, 90)).toMatchObject({ status: 'value', value: 0 });
  });

  it('does not apply once onboarding is complete, or before it starts', () => {
    const done = context({ account: account({ onboardingStartedOn: dateIn(-200), onboardingCompletedOn: dateIn(-100) }) });
    expect(onboardingOverdue(done, asOfMs, 60)).toEqual({ status: 'not_applicable' });
    expect(onboardingOverdue(done, asOfMs - 150 * 86_400_000, 30)).toMatchObject({ status: 'value', value: 20 });
    expect(onboardingOverdue(context(), asOfMs, 60)).toEqual({ status: 'not_applicable' });
  });
});

describe('nextRenewal and renewalProximity', () => {
  it('prefers the earliest open renewal opportunity and its renewing amount', () => {
    const deal = context({ opportunities: [renewal('later', dateIn(200)), renewal('next', dateIn(45)), renewal('won', dateIn(-320), { status: 'won' })] });
    expect(nextRenewal(deal, asOfMs)).toMatchObject({ opportunityId: 'next', amount: 14_000_000, source: 'opportunity' });
    expect(renewalProximity(deal, asOfMs)).toMatchObject({ value: 45 });
  });

  it('sees a renewal that was won later as still open at an earlier instant', () => {
    const deal = context({ opportunities: [renewal('won', dateIn(-20), { status: 'won' })] });
    expect(nextRenewal(deal, asOfMs - 90 * 86_400_000)).toMatchObject({ opportunityId: 'won' });
    expect(nextRenewal(deal, asOfMs)).toBeUndefined();
  });

  it('falls back to the account’s renewal date and its ARR', () => {
    expect(nextRenewal(context({ account: account({ renewalDate: dateIn(30) }) }), asOfMs)).toMatchObject({ source: 'account', amount: 12_000_000 });
    expect(renewalProximity(context(), asOfMs)).toEqual({ status: 'no_data' });
  });
});
