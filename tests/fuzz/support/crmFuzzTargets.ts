import { isCrmError, type HttpRequest } from '@kizuna/crm-core';
import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createSalesforceOrg, createZohoOrg } from '@kizuna/crm-sim';
import { startSalesforceServer, startZohoServer } from '@kizuna/crm-sim/node';
import { createZohoDataSource } from '@kizuna/crm-zoho';
import type { Action, CanonicalDataset, CxDataSource } from '@kizuna/model';
import fc from 'fast-check';
import { answerChange, fuzzedTransport, recordingTransport, statusChange, type RecordedAnswer } from './crmAnswers';
import type { FuzzTarget, Verdict } from './fuzzTarget';

/**
 * The adapters' response parsing end to end: each input changes the answers a real simulator gave
 * (a node replaced, deleted or turned to text; other JSON; plain text; a cut body; nothing) and
 * sometimes their status; the data source must resolve or reject with a CrmError.
 */
const methods = ['view', 'list', 'write', 'writeMany', 'user'] as const;
type Method = (typeof methods)[number];

interface Recorded {
  readonly answers: ReadonlyMap<string, RecordedAnswer>;
  readonly accountId: string;
  readonly actions: readonly Action[];
}

function actionsFor(accountId: string): Action[] {
  return [0, 1].map((index) => ({
    id: `fuzz-action-${index}`,
    idempotencyKey: `fuzz-action-${index}`,
    accountId,
    playbookId: 'detractor-recovery',
    title: 'Call back the detractor',
    reasons: ['NPS 3'],
    valueAtStake: 1000,
    expectedEffect: 0.3,
    urgency: 0.5,
    status: 'accepted',
    createdAt: '2026-10-01T00:00:00.000Z',
  }));
}

async function exercise(dataSource: CxDataSource, method: Method, recorded: Pick<Recorded, 'accountId' | 'actions'>): Promise<unknown> {
  switch (method) {
    case 'view':
      return dataSource.getAccountContext(recorded.accountId);
    case 'list':
      return dataSource.listAccounts();
    case 'write':
      return dataSource.writeActions(recorded.actions.slice(0, 1));
    case 'writeMany':
      return dataSource.writeActions(recorded.actions);
    case 'user':
      return dataSource.currentUser();
  }
}

const salesforceKind = (request: HttpRequest): string => {
  if (request.url.includes('/composite/sobjects')) return 'collections';
  if (request.url.endsWith('/composite')) return 'composite';
  if (request.url.includes('/oauth2/userinfo')) return 'userinfo';
  if (request.url.includes('/sobjects/')) return 'upsert';
  return 'query';
};

const zohoKind = (request: HttpRequest): string => {
  if (request.url.includes('/coql')) return 'coql';
  if (request.url.includes('/users')) return 'users';
  if (request.url.endsWith('/upsert')) return 'upsert';
  if (request.method === 'GET') return 'records';
  return `${request.method} ${new URL(request.url).pathname}`;
};

async function recordRun(dataSource: CxDataSource, accountId: string, actions: readonly Action[]): Promise<void> {
  for (const method of methods) await exercise(dataSource, method, { accountId, actions });
}

export async function recordSalesforce(dataset: CanonicalDataset): Promise<Recorded> {
  const org = createSalesforceOrg(dataset);
  const instanceUrl = 'https://fuzz.my.salesforce.com';
  const sim = startSalesforceServer(org, { instanceUrl, accessTokens: ['fuzz-token'] });
  try {
    const { transport, answers } = recordingTransport(salesforceKind);
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('the organisation has accounts');
    const accountId = org.salesforceIdOf('account', account.id);
    const actions = actionsFor(accountId);
    await recordRun(createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'fuzz-token', transport }), accountId, actions);
    return { answers, accountId, actions };
  } finally {
    sim.close();
  }
}

export async function recordZoho(dataset: CanonicalDataset): Promise<Recorded & { readonly apiDomain: string }> {
  const org = createZohoOrg(dataset, { dataCentre: 'AU' });
  const sim = startZohoServer(org, { accessTokens: ['fuzz-token'] });
  try {
    const { transport, answers } = recordingTransport(zohoKind);
    const account = dataset.accounts[0];
    if (account === undefined) throw new Error('the organisation has accounts');
    const accountId = org.zohoIdOf('account', account.id);
    const actions = actionsFor(accountId);
    await recordRun(createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => 'fuzz-token', transport }), accountId, actions);
    return { answers, accountId, actions, apiDomain: org.apiDomain };
  } finally {
    sim.close();
  }
}

const noWait = { sleep: () => Promise.resolve() };
const inputs = fc.record({ method: fc.constantFrom(...methods), change: answerChange, status: statusChange });
type CrmInput = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

export function salesforceResponsesTarget(recorded: Recorded, runs: number): FuzzTarget<CrmInput> {
  return {
    name: 'Salesforce adapter: mutated REST/composite/UserInfo answers',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change, status }): Promise<Verdict> => {
      const transport = fuzzedTransport(salesforceKind, recorded.answers, change, status);
      const dataSource = createSalesforceDataSource({ connection: { instanceUrl: 'https://fuzz.my.salesforce.com' }, tokens: () => 'fuzz-token', transport, retry: noWait });
      await exercise(dataSource, method, recorded);
      return 'accepted';
    },
  };
}

export function zohoResponsesTarget(recorded: Recorded & { readonly apiDomain: string }, runs: number): FuzzTarget<CrmInput> {
  return {
    name: 'Zoho adapter: mutated COQL/records/write/users answers',
    inputs,
    runs,
    isTypedError: isCrmError,
    feed: async ({ method, change, status }): Promise<Verdict> => {
      const transport = fuzzedTransport(zohoKind, recorded.answers, change, status);
      const dataSource = createZohoDataSource({ connection: { apiDomain: recorded.apiDomain }, tokens: () => 'fuzz-token', transport, retry: noWait });
      await exercise(dataSource, method, recorded);
      return 'accepted';
    },
  };
}
