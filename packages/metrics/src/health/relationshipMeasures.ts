import type { AccountContext, ContactRole } from '@kizuna/model';
import { noData, shareReading, type MeasureReading } from './measureReading';
import { DAY_MS, dateMs, daysBetween } from './timeline';

function contactIdsWithRoles(context: AccountContext, roles: readonly ContactRole[]): Set<string> {
  return new Set(context.contacts.filter((contact) => roles.includes(contact.role)).map((contact) => contact.id));
}

/**
 * Days since the last touchpoint with a contact in one of `roles` (by default decision makers and
 * executive sponsors). When there never was one, the days since the account became a customer.
 * No data when the account has no such contact.
 */
export function execRecency(context: AccountContext, asOfMs: number, roles: readonly ContactRole[]): MeasureReading {
  const ids = contactIdsWithRoles(context, roles);
  if (ids.size === 0) return noData;
  let lastMs = Number.NEGATIVE_INFINITY;
  let lastId = '';
  for (const touchpoint of context.touchpoints) {
    if (touchpoint.contactId === undefined || !ids.has(touchpoint.contactId)) continue;
    const at = Date.parse(touchpoint.occurredAt);
    if (at <= asOfMs && at > lastMs) {
      lastMs = at;
      lastId = touchpoint.id;
    }
  }
  if (lastId === '') {
    return { status: 'value', value: daysBetween(dateMs(context.account.customerSince), asOfMs), n: 0, detail: { never: 1 } };
  }
  return { status: 'value', value: daysBetween(lastMs, asOfMs), n: 1, detail: { lastTouchpointId: lastId } };
}

/**
 * Stakeholder coverage: the share of contacts in `roles` who gave any feedback in the window
 * ("decision makers heard from"). No data when the account has no such contact.
 */
export function stakeholderCoverage(
  context: AccountContext,
  asOfMs: number,
  windowDays: number,
  roles: readonly ContactRole[],
): MeasureReading {
  const ids = contactIdsWithRoles(context, roles);
  if (ids.size === 0) return noData;
  const heard = new Set<string>();
  for (const answer of context.feedback) {
    if (answer.contactId === undefined || !ids.has(answer.contactId)) continue;
    const at = Date.parse(answer.respondedAt);
    if (at > asOfMs - windowDays * DAY_MS && at <= asOfMs) heard.add(answer.contactId);
  }
  return shareReading(heard.size, ids.size);
}
