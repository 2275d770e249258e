import type { AccountContext, Contact, Touchpoint } from '@kizuna/model';
import type { Evidence } from './evidence';
import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput, UrgencyBasis } from './candidate';
import { deadlineUrgency, overdueUrgency } from './urgency';
import { DAY_MS, dateMs } from '../health/timeline';

type Settings = PlaybookSettings<'exec_not_engaged_before_qbr'>;

function latest(touchpoints: readonly Touchpoint[], asOfMs: number, keep: (touchpoint: Touchpoint) => boolean): Touchpoint | undefined {
  let best: Touchpoint | undefined;
  for (const touchpoint of touchpoints) {
    if (!keep(touchpoint) || Date.parse(touchpoint.occurredAt) > asOfMs) continue;
    if (best === undefined || touchpoint.occurredAt > best.occurredAt) best = touchpoint;
  }
  return best;
}

function upcomingQbr(touchpoints: readonly Touchpoint[], asOfMs: number, lookaheadDays: number): Touchpoint | undefined {
  let best: Touchpoint | undefined;
  for (const touchpoint of touchpoints) {
    const at = Date.parse(touchpoint.occurredAt);
    if (touchpoint.momentOfTruth !== 'quarterly_business_review' || at <= asOfMs || at > asOfMs + lookaheadDays * DAY_MS) continue;
    if (best === undefined || touchpoint.occurredAt < best.occurredAt) best = touchpoint;
  }
  return best;
}

/** The executive to meet: an executive sponsor if there is one, else the first contact in the configured roles. */
function executiveToMeet(executives: readonly Contact[]): Contact | undefined {
  return executives.find((contact) => contact.role === 'executive_sponsor') ?? executives[0];
}

interface QbrSituation {
  readonly evidence: Evidence;
  readonly urgency: UrgencyBasis;
  readonly trigger: string;
  readonly dueAt?: string;
}

function qbrSituation(context: AccountContext, asOfMs: number, settings: Settings, daysSinceExecutive: number): QbrSituation | undefined {
  const upcoming = upcomingQbr(context.touchpoints, asOfMs, settings.qbrLookaheadDays);
  if (upcoming !== undefined) {
    const daysToQbr = Math.ceil((Date.parse(upcoming.occurredAt) - asOfMs) / DAY_MS);
    return {
      evidence: { code: 'exec_quiet_before_qbr', params: { qbrDate: upcoming.occurredAt.slice(0, 10), daysToQbr, daysSinceExecutive } },
      urgency: { value: deadlineUrgency(daysToQbr, settings.qbrLookaheadDays, 0.4), reason: 'qbr_deadline', clock: daysToQbr, unit: 'days' },
      trigger: `qbr:${upcoming.id}`,
      dueAt: upcoming.occurredAt,
    };
  }
  const lastQbr = latest(context.touchpoints, asOfMs, (touchpoint) => touchpoint.momentOfTruth === 'quarterly_business_review');
  const daysSinceQbr = lastQbr === undefined ? undefined : Math.floor((asOfMs - Date.parse(lastQbr.occurredAt)) / DAY_MS);
  if (daysSinceQbr !== undefined && daysSinceQbr <= settings.qbrCadenceDays) return undefined;
  return {
    evidence: { code: 'exec_quiet_qbr_due', params: { daysSinceQbr: daysSinceQbr ?? 'never', daysSinceExecutive } },
    urgency: {
      value: overdueUrgency(daysSinceExecutive - settings.quietDays, settings.quietDays, 0.3),
      reason: 'qbr_overdue',
      clock: daysSinceExecutive,
      unit: 'days',
    },
    trigger: `qbr-due-after:${lastQbr?.id ?? 'none'}`,
  };
}

/**
 * (d) No touchpoint with a decision maker or executive sponsor for more than `quietDays`, and a
 * quarterly business review is coming within `qbrLookaheadDays` or is due (none for
 * `qbrCadenceDays`). Silence is counted from the start of the relationship when no executive was
 * ever met. Key: the QBR (or the last one held) and the last executive touchpoint, so a new
 * meeting or a new QBR makes a new situation.
 */
export function execNotEngagedBeforeQbr({ context, asOfMs, settings }: PlaybookInput<Settings>): Candidate[] {
  const executives = context.contacts.filter((contact) => settings.roles.includes(contact.role));
  const target = executiveToMeet(executives);
  if (target === undefined) return [];
  const ids = new Set(executives.map((contact) => contact.id));
  const lastMeeting = latest(context.touchpoints, asOfMs, (touchpoint) => touchpoint.contactId !== undefined && ids.has(touchpoint.contactId));
  const sinceMs = lastMeeting === undefined ? dateMs(context.account.customerSince) : Date.parse(lastMeeting.occurredAt);
  const quietDays = (asOfMs - sinceMs) / DAY_MS;
  if (quietDays <= settings.quietDays) return [];
  const situation = qbrSituation(context, asOfMs, settings, Math.floor(quietDays));
  if (situation === undefined) return [];
  return [
    {
      playbookId: 'exec_not_engaged_before_qbr',
      contactId: target.id,
      title: `Meet ${target.name} before the quarterly business review`,
      evidence: [situation.evidence],
      expectedEffect: settings.expectedEffect,
      urgency: situation.urgency,
      triggers: [situation.trigger, `last-executive:${lastMeeting?.id ?? 'none'}`],
      ...(situation.dueAt === undefined ? {} : { dueAt: situation.dueAt }),
    },
  ];
}
