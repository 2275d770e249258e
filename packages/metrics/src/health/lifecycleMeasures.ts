import type { AccountContext } from '@kizuna/model';
import { nextRenewal } from './nextRenewal';
import { noData, notApplicable, type MeasureReading } from './measureReading';
import { dateMs, daysBetween } from './timeline';

/**
 * Days an onboarding in progress at `asOfMs` has run past `expectedDays` (0 while still inside
 * the plan). Not applicable when onboarding has not started or was completed by then.
 */
export function onboardingOverdue(context: AccountContext, asOfMs: number, expectedDays: number): MeasureReading {
  const { onboardingStartedOn, onboardingCompletedOn } = context.account;
  if (onboardingStartedOn === undefined) return notApplicable;
  const startedMs = dateMs(onboardingStartedOn);
  if (startedMs > asOfMs) return notApplicable;
  if (onboardingCompletedOn !== undefined && dateMs(onboardingCompletedOn) <= asOfMs) return notApplicable;
  const days = daysBetween(startedMs, asOfMs);
  return { status: 'value', value: Math.max(0, days - expectedDays), n: 1, detail: { daysInOnboarding: Math.floor(days) } };
}

/** Days until the next renewal (negative when an open renewal is overdue); no data when none is known. */
export function renewalProximity(context: AccountContext, asOfMs: number): MeasureReading {
  const renewal = nextRenewal(context, asOfMs);
  if (renewal === undefined) return noData;
  return { status: 'value', value: daysBetween(asOfMs, renewal.dateMs), n: 1, detail: { renewalDate: renewal.date } };
}
