import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput } from './candidate';
import { overdueUrgency } from './urgency';
import { DAY_MS, dateMs } from '../health/timeline';

const urgencyFloor = 0.2;

interface LastActivity {
  readonly ms: number;
  readonly id: string;
}

/** The latest touchpoint or feedback of each contact up to `asOfMs`. */
function lastActivityByContact(input: PlaybookInput<unknown>): Map<string, LastActivity> {
  const latest = new Map<string, LastActivity>();
  const consider = (contactId: string | undefined, at: string, id: string) => {
    const ms = Date.parse(at);
    if (contactId === undefined || ms > input.asOfMs) return;
    const current = latest.get(contactId);
    if (current === undefined || ms > current.ms) latest.set(contactId, { ms, id });
  };
  for (const touchpoint of input.context.touchpoints) consider(touchpoint.contactId, touchpoint.occurredAt, touchpoint.id);
  for (const answer of input.context.feedback) consider(answer.contactId, answer.respondedAt, answer.id);
  return latest;
}

/**
 * (f) A champion with no touchpoint and no feedback for more than `quietDays` (counted from the
 * start of the relationship if never heard from). One action per quiet champion; key: the contact
 * and their last activity, so any new contact resets it.
 */
export function championQuiet(input: PlaybookInput<PlaybookSettings<'champion_quiet'>>): Candidate[] {
  const { context, asOfMs, settings } = input;
  const latest = lastActivityByContact(input);
  const customerSinceMs = dateMs(context.account.customerSince);
  const candidates: Candidate[] = [];
  for (const champion of context.contacts) {
    if (champion.role !== 'champion') continue;
    const last = latest.get(champion.id);
    const quiet = (asOfMs - (last?.ms ?? customerSinceMs)) / DAY_MS;
    if (quiet <= settings.quietDays) continue;
    const daysQuiet = Math.floor(quiet);
    candidates.push({
      playbookId: 'champion_quiet',
      contactId: champion.id,
      title: `Reconnect with ${champion.name}, your champion`,
      evidence: [{ code: 'champion_quiet', params: { contact: champion.name, daysQuiet, everHeard: last === undefined ? 'no' : 'yes' } }],
      expectedEffect: settings.expectedEffect,
      urgency: { value: overdueUrgency(quiet - settings.quietDays, settings.quietDays, urgencyFloor), reason: 'champion_silence', clock: daysQuiet, unit: 'days' },
      triggers: [champion.id, `last:${last?.id ?? 'none'}`],
    });
  }
  return candidates;
}
