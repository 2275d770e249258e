import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput } from './candidate';
import { overdueUrgency } from './urgency';
import { DAY_MS, dateMs } from '../health/timeline';

const urgencyFloor = 0.3;

/**
 * (c) Onboarding started and is not completed more than `expectedDays` later. Key: the start date.
 * Urgency rises from 0.3 to 1 as the overrun grows to another `expectedDays`.
 */
export function onboardingStalled({ context, asOfMs, settings }: PlaybookInput<PlaybookSettings<'onboarding_stalled'>>): Candidate[] {
  const { onboardingStartedOn: startedOn, onboardingCompletedOn: completedOn } = context.account;
  if (startedOn === undefined) return [];
  if (completedOn !== undefined && dateMs(completedOn) <= asOfMs) return [];
  const days = (asOfMs - dateMs(startedOn)) / DAY_MS;
  if (days <= settings.expectedDays) return [];
  const daysInOnboarding = Math.floor(days);
  return [
    {
      playbookId: 'onboarding_stalled',
      title: 'Unblock the stalled onboarding',
      evidence: [{ code: 'onboarding_stalled', params: { startedOn, daysInOnboarding, expectedDays: settings.expectedDays } }],
      expectedEffect: settings.expectedEffect,
      urgency: {
        value: overdueUrgency(days - settings.expectedDays, settings.expectedDays, urgencyFloor),
        reason: 'onboarding_overrun',
        clock: daysInOnboarding,
        unit: 'days',
      },
      triggers: [`onboarding:${startedOn}`],
    },
  ];
}
