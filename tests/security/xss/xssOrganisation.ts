import type { Action, CanonicalDataset } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { xssPayloads, type XssPayload } from './xssCorpus';

/** The fields a payload is placed in, as the issue of stored XSS names them. */
export const payloadFields = ['account name', 'contact name', 'touchpoint subject', 'feedback comment', 'case subject', 'action reason'] as const;
export type PayloadField = (typeof payloadFields)[number];

export const xssAsOf = '2026-10-01T00:00:00.000Z';

function payloadAt(index: number): XssPayload {
  const payload = xssPayloads[index % xssPayloads.length];
  if (payload === undefined) throw new Error('The XSS corpus is empty.');
  return payload;
}

/** Each record of a list gets the next payload, so every payload lands in every kind of field. */
function withPayloads<TRecord>(records: readonly TRecord[], place: (record: TRecord, text: string) => TRecord): TRecord[] {
  return records.map((record, index) => place(record, payloadAt(index).text));
}

/** One proposed action per account whose title and reasons are payloads. */
function payloadActions(dataset: CanonicalDataset): Action[] {
  return dataset.accounts.map((account, index) => ({
    id: `act-xss-${index + 1}`,
    accountId: account.id,
    playbookId: 'xss-corpus',
    title: payloadAt(index + 1).text,
    reasons: [payloadAt(index).text, payloadAt(index + 2).text],
    valueAtStake: account.arr,
    expectedEffect: 0.2,
    urgency: 0.5,
    status: 'proposed',
    idempotencyKey: `xss-action-${index + 1}`,
    createdAt: '2026-09-20T00:00:00.000Z',
  }));
}

/**
 * A generated organisation (as many accounts as payloads, seed 7) whose user-typed fields all carry
 * XSS payloads: account i is named with payload i, and contacts, touchpoints, feedback (every row
 * gets a comment), cases and one action per account cycle through the corpus.
 */
export function xssOrganisation(): CanonicalDataset {
  const dataset = generateOrganisation({ seed: 7, accounts: xssPayloads.length, asOf: xssAsOf });
  return {
    ...dataset,
    accounts: withPayloads(dataset.accounts, (account, name) => ({ ...account, name })),
    contacts: withPayloads(dataset.contacts, (contact, name) => ({ ...contact, name })),
    touchpoints: withPayloads(dataset.touchpoints, (touchpoint, subject) => ({ ...touchpoint, subject })),
    feedback: withPayloads(dataset.feedback, (feedback, comment) => ({ ...feedback, comment })),
    supportCases: withPayloads(dataset.supportCases, (supportCase, subject) => ({ ...supportCase, subject })),
    actions: payloadActions(dataset),
  };
}
