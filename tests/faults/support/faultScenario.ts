import { isCrmError, type CrmErrorCode } from '@kizuna/crm-core';
import type { CanonicalDataset, CxDataSource } from '@kizuna/model';
import { defaultPlaybookConfig, nextBestActions } from '@kizuna/metrics';
import { errorMessageKey, loadAllMessages } from '@kizuna/widgets';
import { expect } from 'vitest';
import { mapStorage, renderDashboard, type RenderedDashboard } from './renderDashboard';

/**
 * What a fault must lead to. `shows`: the adapter absorbs it (a retry, a refresh) and the dashboard
 * shows the account. `fails`: the read fails with this typed code; every widget says so in words
 * and offers a retry, which works once the fault is gone. `partial`: the dashboard shows what it
 * read and says in words which part it could not read.
 */
export type Outcome =
  | { readonly kind: 'shows' }
  | { readonly kind: 'fails'; readonly code: CrmErrorCode }
  | { readonly kind: 'partial'; readonly code: CrmErrorCode };

/** What a write of an accepted action must end as, seen in the outbox's words and in the CRM's tasks. */
export type WriteOutcome = { readonly kind: 'saved' } | { readonly kind: 'refused' } | { readonly kind: 'retrying' };

/** The dashboard's English words (loaded on demand by the dashboard itself; all of them here). */
const english = await loadAllMessages('en');

/** The English words the dashboard uses for an error code. */
export const wordsFor = (code: string): string => english[errorMessageKey(code)];
const retryLabel = english['state.retry'];
const partialWords = english['frame.partial'];

/** Everything the dashboard must never show on this account's page: other accounts' names and people. */
export function foreignNames(dataset: CanonicalDataset, accountId: string): string[] {
  const own = new Set(dataset.contacts.filter((contact) => contact.accountId === accountId).map((contact) => contact.name));
  const others = [
    ...dataset.accounts.filter((account) => account.id !== accountId).map((account) => account.name),
    ...dataset.contacts.filter((contact) => contact.accountId !== accountId).map((contact) => contact.name),
  ];
  return [...new Set(others)].filter((name) => !own.has(name) && name.length > 3);
}

/** The account's data is on screen: the health widget states the score (it reads every part of the context). */
const dataShown = (view: RenderedDashboard) => /Health \d+ of 100/.test(view.text());

/** The typed outcome of one account-view read through the data source. */
export async function expectReadOutcome(read: () => Promise<unknown>, outcome: Outcome): Promise<void> {
  if (outcome.kind === 'fails') {
    const error = await read().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isCrmError(error), `a CrmError, got ${String(error)}`).toBe(true);
    expect(isCrmError(error) ? error.code : undefined).toBe(outcome.code);
    return;
  }
  const context = (await read()) as { unavailable: ReadonlyArray<{ code: string }> };
  if (outcome.kind === 'partial') expect(context.unavailable.map((part) => part.code)).toContain(outcome.code);
  else expect(context.unavailable).toEqual([]);
}

/**
 * Renders the account manager's dashboard over `dataSource` with the fault armed and checks what a
 * user sees; for `fails`, `heal` removes the fault and the retry button must bring the data.
 */
export async function expectDashboardOutcome(options: {
  readonly dataSource: CxDataSource;
  readonly accountId: string;
  readonly asOf: string;
  readonly outcome: Outcome;
  readonly foreign: readonly string[];
  readonly heal: () => void;
}): Promise<void> {
  const view = await renderDashboard(options);
  try {
    const { outcome } = options;
    if (outcome.kind === 'fails') {
      const words = wordsFor(outcome.code);
      await view.waitFor(() => view.text().includes(words), `the words "${words}"`);
      expect(view.container.querySelectorAll('[role="alert"]').length).toBeGreaterThan(0);
      const retries = view.buttons(retryLabel);
      expect(retries.length).toBeGreaterThan(0);
      options.heal();
      const [first] = retries;
      if (first !== undefined) await view.click(first);
      await view.waitFor(() => dataShown(view), 'the data after retry');
    } else {
      await view.waitFor(() => dataShown(view), 'the account data');
      if (outcome.kind === 'partial') {
        await view.waitFor(() => view.text().includes(partialWords), 'the partial-data notice');
        expect(view.text()).toContain(wordsFor(outcome.code));
      } else {
        expect(view.text()).not.toContain(partialWords);
      }
    }
    for (const name of options.foreign) expect(view.text(), 'another account’s data on screen').not.toContain(name);
    expect(view.consoleErrors(), 'errors reported while rendering').toEqual([]);
  } finally {
    await view.unmount();
  }
}

const acceptLabel = english['nba.accept'];
const savedWords = english['outbox.done'];
const retryNowLabel = english['outbox.retryNow'];
const [refusedWords = ''] = english['outbox.refused'].split('{');
const [retryingWords = ''] = english['outbox.retrying'].split('{');

/** The idempotency keys of the actions the outbox holds, read from its persisted storage. */
export function outboxKeys(storage: { readonly values: ReadonlyMap<string, string> }): string[] {
  const keys: string[] = [];
  for (const raw of storage.values.values()) {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !('entries' in parsed) || !Array.isArray(parsed.entries)) continue;
    for (const entry of parsed.entries as unknown[]) {
      if (typeof entry === 'object' && entry !== null && 'idempotencyKey' in entry && typeof entry.idempotencyKey === 'string') keys.push(entry.idempotencyKey);
    }
  }
  return keys;
}

/**
 * Accepts the first proposed action on the real dashboard with the fault armed, and checks the
 * outbox's words (saved / not saved and why, with "Try now") and the CRM's tasks: exactly one task
 * for the accepted action once it is saved — after `heal` and "Try now" when it was not.
 */
export async function expectWriteOutcome(options: {
  readonly dataSource: CxDataSource;
  readonly accountId: string;
  readonly asOf: string;
  readonly outcome: WriteOutcome;
  readonly heal: () => void;
  readonly arrange: () => void | Promise<void>;
  /** CRM tasks carrying this action key, counted in the simulator's store. */
  readonly tasksWithKey: (key: string) => number;
}): Promise<void> {
  const storage = mapStorage();
  const view = await renderDashboard({ ...options, storage });
  try {
    await view.waitFor(() => view.buttons(acceptLabel).length > 0, 'an action to accept');
    await options.arrange();
    const [accept] = view.buttons(acceptLabel);
    if (accept === undefined) throw new Error('no action to accept');
    await view.click(accept);
    const [key] = outboxKeys(storage);
    if (key === undefined) throw new Error('the accepted action is not in the outbox');
    const { outcome } = options;
    if (outcome.kind === 'saved') {
      await view.waitFor(() => view.text().includes(savedWords), `"${savedWords}"`);
    } else {
      const words = outcome.kind === 'refused' ? refusedWords : retryingWords;
      await view.waitFor(() => view.text().includes(words), `"${words}"`);
      const [retryNow] = view.buttons(retryNowLabel);
      expect(retryNow, 'a "Try now" button').toBeDefined();
      options.heal();
      if (retryNow !== undefined) await view.click(retryNow);
      await view.waitFor(() => view.text().includes(savedWords), `"${savedWords}" after "Try now"`);
    }
    expect(options.tasksWithKey(key)).toBe(1);
    expect(view.consoleErrors(), 'errors reported while rendering').toEqual([]);
  } finally {
    await view.unmount();
  }
}

/** The first `count` accounts (from `accountIds`, in order) for which the dashboard proposes an action to accept. */
export async function accountsWithProposals(dataSource: CxDataSource, accountIds: readonly string[], asOf: string, count: number): Promise<string[]> {
  const found: string[] = [];
  for (const accountId of accountIds) {
    if (found.length === count) break;
    const context = await dataSource.getAccountContext(accountId);
    if (nextBestActions(context, { asOf, playbooks: defaultPlaybookConfig }).proposed.length > 0) found.push(accountId);
  }
  return found;
}
