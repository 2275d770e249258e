import type { Contact, ContactRole } from '@kizuna/model';
import type { AccountPlan } from './accountPlan';
import { personName, titleFor } from './names';
import { createRandom } from './random';
import { streams } from './streams';

export const minContacts = 3;
export const maxContacts = 12;

const otherRoles: readonly (readonly [ContactRole, number])[] = [
  ['user', 45],
  ['influencer', 28],
  ['champion', 12],
  ['decision_maker', 10],
  ['executive_sponsor', 5],
];

/** Every account has a decision maker, a champion and an influencer; larger ones add sponsors and users. */
const leadRoles: readonly ContactRole[] = ['decision_maker', 'champion', 'influencer', 'executive_sponsor'];

/** The account's contacts: 3–12 people, more at larger customers. */
export function generateContacts(seed: number, account: AccountPlan): Contact[] {
  const random = createRandom(seed, streams.contacts, account.index);
  const count = Math.min(maxContacts, Math.max(minContacts, Math.round(random.normal(account.segment.contactMean, 1.8))));
  const contacts: Contact[] = [];
  const used = new Set<string>();
  for (let ordinal = 0; ordinal < count; ordinal += 1) {
    const role = leadRoles[ordinal] ?? random.weighted(otherRoles);
    const person = personName(random, account.company.japanese);
    let local = person.emailLocal;
    for (let suffix = 2; used.has(local); suffix += 1) local = `${person.emailLocal}${suffix}`;
    used.add(local);
    contacts.push({
      id: `con-${account.id.slice('acc-'.length)}-${String(ordinal + 1).padStart(2, '0')}`,
      accountId: account.id,
      name: person.name,
      email: `${local}@${account.company.domain}`,
      title: titleFor(random, role),
      role,
    });
  }
  return contacts;
}
