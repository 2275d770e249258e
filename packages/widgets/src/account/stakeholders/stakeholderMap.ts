import { classifyNps, type NpsCategory } from '@kizuna/metrics';
import { contactRoles, type AccountContext, type Contact, type ContactRole } from '@kizuna/model';
import { daysBetween } from '../time';

/** One contact as the stakeholder map shows it. */
export interface Stakeholder {
  readonly contact: Contact;
  /** The latest NPS answer within `npsWindowDays`, and its category. */
  readonly latestNps: { readonly score: number; readonly category: NpsCategory; readonly respondedAt: string } | undefined;
  /** The latest touchpoint or answer up to `asOf`. */
  readonly lastActivityAt: string | undefined;
  /** Days since the last activity (since the relationship began, when never heard from). */
  readonly daysQuiet: number;
  readonly quiet: boolean;
}

export interface StakeholderMap {
  readonly byRole: ReadonlyArray<{ readonly role: ContactRole; readonly stakeholders: readonly Stakeholder[] }>;
  /** Roles with nobody on file: coverage is missing there. */
  readonly missingRoles: readonly ContactRole[];
  /** Decision makers and executive sponsors on file with no NPS answer in the window: their voice is missing. */
  readonly unheardSeniors: readonly Contact[];
  readonly promoters: number;
  readonly detractors: number;
  readonly quiet: number;
}

export interface StakeholderOptions {
  readonly asOf: string;
  /** Silence longer than this marks a contact as gone quiet (the champion playbook's threshold). */
  readonly quietDays: number;
  readonly npsWindowDays: number;
}

const seniorRoles: ReadonlySet<ContactRole> = new Set(['decision_maker', 'executive_sponsor']);

/** Who is who at the account, by role: promoters and detractors, who has gone quiet, which roles are missing. */
export function stakeholderMap(context: AccountContext, options: StakeholderOptions): StakeholderMap {
  const asOfMs = Date.parse(options.asOf);
  const lastActivity = new Map<string, string>();
  const note = (contactId: string | undefined, at: string) => {
    if (contactId === undefined || Date.parse(at) > asOfMs) return;
    const current = lastActivity.get(contactId);
    if (current === undefined || at > current) lastActivity.set(contactId, at);
  };
  for (const touchpoint of context.touchpoints) note(touchpoint.contactId, touchpoint.occurredAt);
  for (const answer of context.feedback) note(answer.contactId, answer.respondedAt);
  const latestNps = new Map<string, { score: number; category: NpsCategory; respondedAt: string }>();
  for (const answer of context.feedback) {
    if (answer.kind !== 'nps' || answer.contactId === undefined) continue;
    const age = daysBetween(answer.respondedAt, options.asOf);
    if (age < 0 || age > options.npsWindowDays) continue;
    const current = latestNps.get(answer.contactId);
    if (current === undefined || answer.respondedAt > current.respondedAt) {
      latestNps.set(answer.contactId, { score: answer.score, category: classifyNps(answer.score), respondedAt: answer.respondedAt });
    }
  }
  const stakeholders = context.contacts.map((contact): Stakeholder => {
    const lastActivityAt = lastActivity.get(contact.id);
    const daysQuiet = Math.max(0, daysBetween(lastActivityAt ?? context.account.customerSince, options.asOf));
    return { contact, latestNps: latestNps.get(contact.id), lastActivityAt, daysQuiet, quiet: daysQuiet > options.quietDays };
  });
  const byRole = contactRoles.map((role) => ({
    role,
    stakeholders: stakeholders.filter((item) => item.contact.role === role).sort((a, b) => a.contact.name.localeCompare(b.contact.name)),
  }));
  return {
    byRole,
    missingRoles: byRole.filter((group) => group.stakeholders.length === 0).map((group) => group.role),
    unheardSeniors: stakeholders.filter((item) => seniorRoles.has(item.contact.role) && item.latestNps === undefined).map((item) => item.contact),
    promoters: stakeholders.filter((item) => item.latestNps?.category === 'promoter').length,
    detractors: stakeholders.filter((item) => item.latestNps?.category === 'detractor').length,
    quiet: stakeholders.filter((item) => item.quiet).length,
  };
}
