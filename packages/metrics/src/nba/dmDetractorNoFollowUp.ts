import type { PlaybookSettings } from './playbookConfig';
import type { Candidate, PlaybookInput } from './candidate';
import { overdueUrgency } from './urgency';
import { HOUR_MS } from '../health/timeline';

/** Urgency starts at 0.6 when the 48 h pass and reaches 1 five days later. */
const urgencyFloor = 0.6;
const saturationHours = 120;

/**
 * (a) A decision maker or executive sponsor answered NPS as a detractor and nobody has closed the
 * loop: the follow-up is still pending more than `followUpHours` after the response. Fires once per
 * response (key: the feedback id). Urgency rises with the hours past the deadline.
 */
export function dmDetractorNoFollowUp({ context, asOfMs, settings }: PlaybookInput<PlaybookSettings<'dm_detractor_no_follow_up'>>): Candidate[] {
  const contacts = new Map(context.contacts.map((contact) => [contact.id, contact]));
  const candidates: Candidate[] = [];
  for (const answer of context.feedback) {
    const contact = answer.contactId === undefined ? undefined : contacts.get(answer.contactId);
    if (answer.kind !== 'nps' || answer.score > settings.detractorMax || contact === undefined) continue;
    if (!settings.roles.includes(contact.role) || !settings.pendingStates.includes(answer.followUp.state)) continue;
    const respondedMs = Date.parse(answer.respondedAt);
    const hoursOpen = (asOfMs - respondedMs) / HOUR_MS;
    if (hoursOpen <= settings.followUpHours || hoursOpen > settings.lookbackDays * 24) continue;
    candidates.push({
      playbookId: 'dm_detractor_no_follow_up',
      contactId: contact.id,
      title: `Close the loop with ${contact.name} (NPS ${answer.score})`,
      evidence: [
        {
          code: 'dm_detractor_no_follow_up',
          params: { contact: contact.name, role: contact.role, score: answer.score, hoursOpen: Math.floor(hoursOpen), followUpState: answer.followUp.state },
        },
      ],
      expectedEffect: settings.expectedEffect,
      urgency: {
        value: overdueUrgency(hoursOpen - settings.followUpHours, saturationHours, urgencyFloor),
        reason: 'follow_up_overdue',
        clock: Math.floor(hoursOpen),
        unit: 'hours',
      },
      triggers: [answer.id],
    });
  }
  return candidates;
}
