import { nextRenewal } from '../health';
import type { Evidence } from './evidence';
import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput } from './candidate';
import { deadlineUrgency } from './urgency';
import { DAY_MS } from '../health/timeline';

const urgencyFloor = 0.3;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * (b) The next renewal (open renewal opportunity, else `account.renewalDate`) is at most
 * `withinDays` away and the health score fell by at least `minimumDrop` points over the trend
 * period. Evidence adds the two measures that cost the most points. Key: the renewal opportunity
 * (or the renewal date). Urgency rises as the renewal nears.
 */
export function renewalHealthFalling({ context, asOfMs, health, settings }: PlaybookInput<PlaybookSettings<'renewal_health_falling'>>): Candidate[] {
  const renewal = nextRenewal(context, asOfMs);
  const { delta } = health.trend;
  if (renewal === undefined || delta === null || health.score === null || health.trend.previous.score === null) return [];
  const daysLeft = Math.ceil((renewal.dateMs - asOfMs) / DAY_MS);
  if (daysLeft > settings.withinDays || -delta < settings.minimumDrop) return [];
  const drivers: Evidence[] = health.contributions
    .filter((item) => item.shortfall > 0)
    .slice(0, 2)
    .map((item) => ({ code: 'health_driver', params: { measure: item.measure, score: round1(item.score), pointsLost: round1(item.shortfall) } }));
  const trendDays = Math.round((Date.parse(health.asOf) - Date.parse(health.trend.previous.asOf)) / DAY_MS);
  return [
    {
      playbookId: 'renewal_health_falling',
      title: `Secure the renewal on ${renewal.date}: health is falling`,
      evidence: [
        {
          code: 'renewal_health_falling',
          params: { renewalDate: renewal.date, daysToRenewal: daysLeft, healthNow: round1(health.score), healthBefore: round1(health.trend.previous.score), trendDays },
        },
        ...drivers,
      ],
      expectedEffect: settings.expectedEffect,
      urgency: { value: deadlineUrgency(daysLeft, settings.withinDays, urgencyFloor), reason: 'renewal_deadline', clock: daysLeft, unit: 'days' },
      triggers: [renewal.opportunityId ?? `renewal:${renewal.date}`],
      dueAt: new Date(renewal.dateMs).toISOString(),
    },
  ];
}
