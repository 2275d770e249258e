import type { AccountContext, CanonicalDataset } from '@kizuna/model';

type Grouped<T> = Map<string, T[]>;

function groupByAccount<T extends { readonly accountId: string }>(records: readonly T[]): Grouped<T> {
  const grouped: Grouped<T> = new Map();
  for (const record of records) {
    const list = grouped.get(record.accountId);
    if (list === undefined) grouped.set(record.accountId, [record]);
    else list.push(record);
  }
  return grouped;
}

/** Every account's context, built from a whole organisation's data in one pass per entity. */
export function accountContextsOf(dataset: CanonicalDataset): AccountContext[] {
  const contacts = groupByAccount(dataset.contacts);
  const touchpoints = groupByAccount(dataset.touchpoints);
  const feedback = groupByAccount(dataset.feedback);
  const supportCases = groupByAccount(dataset.supportCases);
  const opportunities = groupByAccount(dataset.opportunities);
  const actions = groupByAccount(dataset.actions);
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
