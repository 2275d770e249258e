import type { AccountContext, CanonicalDataset } from '@kizuna/model';

function byAccount<T extends { readonly accountId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.accountId);
    if (group === undefined) groups.set(record.accountId, [record]);
    else group.push(record);
  }
  return groups;
}

/**
 * One {@link AccountContext} per account of the dataset, as a CRM adapter would read it: the
 * account with its contacts, touchpoints, feedback, cases, opportunities and actions. Nothing is
 * rejected or unavailable here (the loader already reported rejected rows; a missing file is an
 * empty entity, not an unreadable one).
 */
export function accountContexts(dataset: CanonicalDataset): AccountContext[] {
  const contacts = byAccount(dataset.contacts);
  const touchpoints = byAccount(dataset.touchpoints);
  const feedback = byAccount(dataset.feedback);
  const supportCases = byAccount(dataset.supportCases);
  const opportunities = byAccount(dataset.opportunities);
  const actions = byAccount(dataset.actions);
  return dataset.accounts.map((account) => ({
    account,
    contacts: contacts.get(account.id) ?? [],
    touchpoints: touchpoints.get(account.id) ?? [],
    feedback: feedback.get(account.id) ?? [],
    supportCases: supportCases.get(account.id) ?? [],
    opportunities: opportunities.get(account.id) ?? [],
    actions: actions.get(account.id) ?? [],
    rejected: [],
    unavailable: [],
  }));
}
