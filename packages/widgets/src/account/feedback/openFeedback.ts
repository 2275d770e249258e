import type { AccountContext, Contact, Feedback } from '@kizuna/model';

/** Follow-up states that still owe the customer a reply. */
export const openStates = new Set(['open', 'acknowledged', 'in_progress', 'escalated']);

/** Where a piece of feedback stands against its clock. */
export type FeedbackClock =
  | { readonly kind: 'overdue'; readonly hours: number }
  | { readonly kind: 'due'; readonly hours: number }
  /** No due date set: how long it has waited since the answer. */
  | { readonly kind: 'waiting'; readonly hours: number };

export interface OpenFeedbackItem {
  readonly feedback: Feedback;
  readonly contact: Contact | undefined;
  readonly clock: FeedbackClock;
}

function clockOf(answer: Feedback, asOfMs: number): FeedbackClock {
  const hours = (ms: number) => Math.floor(ms / 3_600_000);
  const due = answer.followUp.dueAt === undefined ? undefined : Date.parse(answer.followUp.dueAt);
  if (due === undefined) return { kind: 'waiting', hours: hours(asOfMs - Date.parse(answer.respondedAt)) };
  return due < asOfMs ? { kind: 'overdue', hours: hours(asOfMs - due) } : { kind: 'due', hours: hours(due - asOfMs) };
}

/** Sort key: most overdue first, then soonest due, then longest waiting. */
function urgency(clock: FeedbackClock): number {
  if (clock.kind === 'overdue') return 1e9 + clock.hours;
  if (clock.kind === 'waiting') return 1e6 + clock.hours;
  return -clock.hours;
}

/** The feedback that still needs a reply (closed loop), most urgent first, with its clock. */
export function openFeedback(context: AccountContext, asOf: string): OpenFeedbackItem[] {
  const asOfMs = Date.parse(asOf);
  const contacts = new Map(context.contacts.map((contact) => [contact.id, contact]));
  return context.feedback
    .filter((answer) => openStates.has(answer.followUp.state) && Date.parse(answer.respondedAt) <= asOfMs)
    .map((answer) => ({ feedback: answer, contact: answer.contactId === undefined ? undefined : contacts.get(answer.contactId), clock: clockOf(answer, asOfMs) }))
    .sort((a, b) => urgency(b.clock) - urgency(a.clock) || a.feedback.id.localeCompare(b.feedback.id));
}
