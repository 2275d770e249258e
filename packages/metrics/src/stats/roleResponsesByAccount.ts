import type { Contact, Feedback } from '@kizuna/model';
import type { RoleResponse } from './accountNpsByRole';

export interface RoleResponsesByAccount {
  /** NPS answers with their contact's role, by account id. */
  readonly byAccount: ReadonlyMap<string, readonly RoleResponse[]>;
  /** NPS answers left out because they name no contact, or an unknown one. */
  readonly withoutRole: number;
}

/**
 * Joins NPS feedback to contacts' roles, by account: the input of `accountNpsByRole`. Filter the
 * feedback to the window (and programme) of interest first.
 */
export function roleResponsesByAccount(feedback: readonly Feedback[], contacts: readonly Contact[]): RoleResponsesByAccount {
  const roleOf = new Map(contacts.map((contact) => [contact.id, contact.role]));
  const byAccount = new Map<string, RoleResponse[]>();
  let withoutRole = 0;
  for (const answer of feedback) {
    if (answer.kind !== 'nps') continue;
    const role = answer.contactId === undefined ? undefined : roleOf.get(answer.contactId);
    if (role === undefined) {
      withoutRole += 1;
      continue;
    }
    const list = byAccount.get(answer.accountId) ?? [];
    list.push({ role, score: answer.score });
    byAccount.set(answer.accountId, list);
  }
  return { byAccount, withoutRole };
}
