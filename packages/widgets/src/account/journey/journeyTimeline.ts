import { departments, type AccountContext, type Action, type Contact, type Department, type Feedback, type Touchpoint } from '@kizuna/model';

/** A touchpoint with the feedback given on it and the contact involved. */
export interface TimelineEntry {
  readonly touchpoint: Touchpoint;
  readonly contact: Contact | undefined;
  readonly feedback: readonly Feedback[];
}

/**
 * A CRM task created from an accepted action. Kizuna writes accepted actions as CRM tasks; the
 * adapters read them back apart from touchpoints (Salesforce tells its tasks apart by the
 * idempotency-key field; the in-memory source keeps them in its action store), as the account
 * context's `actions` carrying a `crmTaskId`.
 */
export interface TimelineTask {
  readonly action: Action & { readonly crmTaskId: string };
  readonly contact: Contact | undefined;
}

export interface JourneyTimeline {
  readonly from: string;
  readonly to: string;
  /** Newest first. */
  readonly entries: readonly TimelineEntry[];
  /** Tasks created from accepted actions in the window, newest first (none under a department filter: they are the account team's own). */
  readonly tasks: readonly TimelineTask[];
  readonly byDepartment: Readonly<Record<Department, number>>;
  readonly momentsOfTruth: number;
}

export interface TimelineOptions {
  readonly asOf: string;
  readonly days: number;
  readonly department?: Department | undefined;
}

/** The account's touchpoints in the trailing window, across departments, with the feedback on each, and the tasks created from accepted actions. */
export function journeyTimeline(context: AccountContext, options: TimelineOptions): JourneyTimeline {
  const to = options.asOf;
  const from = new Date(Date.parse(to) - options.days * 86_400_000).toISOString();
  // Instants compare as times, not strings: CRMs answer with offsets (`+09:00`) as well as `Z`.
  const inWindow = (instant: string) => Date.parse(instant) >= Date.parse(from) && Date.parse(instant) <= Date.parse(to);
  const contacts = new Map(context.contacts.map((contact) => [contact.id, contact]));
  const feedbackByTouchpoint = new Map<string, Feedback[]>();
  for (const answer of context.feedback) {
    if (answer.touchpointId === undefined) continue;
    const list = feedbackByTouchpoint.get(answer.touchpointId) ?? [];
    list.push(answer);
    feedbackByTouchpoint.set(answer.touchpointId, list);
  }
  const entries = context.touchpoints
    .filter((touchpoint) => inWindow(touchpoint.occurredAt))
    .filter((touchpoint) => options.department === undefined || touchpoint.department === options.department)
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    .map((touchpoint) => ({
      touchpoint,
      contact: touchpoint.contactId === undefined ? undefined : contacts.get(touchpoint.contactId),
      feedback: feedbackByTouchpoint.get(touchpoint.id) ?? [],
    }));
  const tasks =
    options.department === undefined
      ? context.actions
          .flatMap((action) => (action.crmTaskId === undefined ? [] : [{ ...action, crmTaskId: action.crmTaskId }]))
          .filter((action) => inWindow(action.createdAt))
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
          .map((action) => ({ action, contact: action.contactId === undefined ? undefined : contacts.get(action.contactId) }))
      : [];
  const byDepartment = Object.fromEntries(departments.map((department) => [department, entries.filter((entry) => entry.touchpoint.department === department).length])) as Record<Department, number>;
  return { from, to, entries, tasks, byDepartment, momentsOfTruth: entries.filter((entry) => entry.touchpoint.momentOfTruth !== undefined).length };
}
