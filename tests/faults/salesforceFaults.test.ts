// @vitest-environment jsdom
import type { CrmErrorCode } from '@kizuna/crm-core';
import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createSalesforceKnobs, createSalesforceOrg, type SalesforceFault } from '@kizuna/crm-sim';
import { startSalesforceServer } from '@kizuna/crm-sim/node';
import { generateOrganisation } from '@kizuna/sample-data';
import { afterAll, describe, expect, it } from 'vitest';
import { accountsWithProposals, expectDashboardOutcome, expectReadOutcome, expectWriteOutcome, foreignNames, type Outcome, type WriteOutcome } from './support/faultScenario';
import { sessionTokens } from './support/sessionTokens';
import { answer, createWireFaults, mapObjects, networkDown, rewriteJson, slow, timedOut, truncate, type RequestMatcher, type WireFault } from './support/wireFaults';

/**
 * Faults on the way between the Salesforce adapter and the simulated org, one row each: the
 * simulator's own knobs (token expiry, limits, failNext faults, expired query locators) and
 * rewrites of its real answers (status, body, timing). Every row is checked twice: the data
 * source's typed outcome, and the account manager's real Dashboard in jsdom (words, retry, and no
 * other account's names on screen).
 */
const dataset = generateOrganisation({ seed: 11, accounts: 450 });
const asOf = '2026-10-01T00:00:00.000Z';
const org = createSalesforceOrg(dataset, { now: () => Date.parse(asOf) });
const instanceUrl = 'https://faults.my.salesforce.com';
const knobs = createSalesforceKnobs();
const sim = startSalesforceServer(org, { instanceUrl, accessTokens: ['token-0'], knobs });
const wire = createWireFaults();
const tokens = sessionTokens('token-0', () => org.sessions.issue());
const noWait = { sleep: () => Promise.resolve() };
afterAll(() => sim.close());

const account = dataset.accounts[3];
if (account === undefined) throw new Error('the organisation has accounts');
const accountId = org.salesforceIdOf('account', account.id);
const foreign = foreignNames(dataset, account.id);
const otherAccount = dataset.accounts[4];
if (otherAccount === undefined) throw new Error('the organisation has accounts');

const isComposite: RequestMatcher = (url, method) => method === 'POST' && url.endsWith('/composite');
const isQueryMore: RequestMatcher = (url) => /\/query\/[^?]+$/.test(url);
const isUpsert: RequestMatcher = (url, method) => method === 'PATCH' && url.includes('/sobjects/Task/');

function sfFaults(...faults: SalesforceFault[]): () => void {
  return () => void knobs.failNext.push(...faults);
}
const always = (apply: WireFault['apply'], when: RequestMatcher = isComposite): (() => void) => () => wire.inject({ when, apply, times: Infinity });
const once = (apply: WireFault['apply'], when: RequestMatcher = isComposite): (() => void) => () => wire.inject({ when, apply });
const recordsOf = (type: string, change: (record: Record<string, unknown>) => Record<string, unknown>) => (body: unknown) =>
  mapObjects(body, (object) => {
    const attributes = object['attributes'];
    return typeof attributes === 'object' && attributes !== null && 'type' in attributes && attributes.type === type ? change(object) : object;
  });
/** One composite subresponse replaced (the rest kept): a part the org refuses. */
const subresponse = (referenceId: string, httpStatusCode: number, body: unknown) => (composite: unknown) => {
  const parsed = composite as { compositeResponse: Array<{ referenceId: string }> };
  return { compositeResponse: parsed.compositeResponse.map((part) => (part.referenceId === referenceId ? { ...part, httpStatusCode, body } : part)) };
};
const salesforceError = (errorCode: string, message: string) => [{ errorCode, message }];

interface Scenario {
  readonly name: string;
  readonly arrange: () => void | Promise<void>;
  /** What the account view read (and the dashboard) must come to. */
  readonly outcome: Outcome;
  /** When the fault is about paging, the account list (three pages of 200) is read too, with this outcome. */
  readonly list?: 'shows' | { readonly code: CrmErrorCode };
}

const scenarios: readonly Scenario[] = [
  { name: 'token expired before the read: refreshed once, then read', arrange: async () => org.sessions.expire(await tokens.source.current()), outcome: { kind: 'shows' } },
  { name: 'token expired and the refresh fails', arrange: async () => { org.sessions.expire(await tokens.source.current()); tokens.state.refreshFails = true; }, outcome: { kind: 'fails', code: 'AUTH_INVALID' } },
  { name: 'token expires mid-paging (after the first page): refreshed, paging goes on', arrange: () => { knobs.tokenExpiresAfterCalls = 1; }, outcome: { kind: 'shows' }, list: 'shows' },
  { name: 'token expires mid-paging and the refresh fails', arrange: () => { knobs.tokenExpiresAfterCalls = 1; tokens.state.refreshFails = true; }, outcome: { kind: 'fails', code: 'AUTH_INVALID' }, list: { code: 'AUTH_INVALID' } },
  { name: 'session not valid for the REST API', arrange: sfFaults(...Array<SalesforceFault>(12).fill('sessionNotValidForRest')), outcome: { kind: 'fails', code: 'AUTH_INVALID' } },
  { name: 'daily API limit spent', arrange: () => { knobs.dailyLimit = 0; }, outcome: { kind: 'fails', code: 'DAILY_LIMIT' }, list: { code: 'DAILY_LIMIT' } },
  { name: 'daily API limit spent mid-paging', arrange: () => { knobs.dailyLimit = 2; }, outcome: { kind: 'shows' }, list: { code: 'DAILY_LIMIT' } },
  { name: 'concurrent request limit, every request', arrange: () => { knobs.concurrentLimit = 0; knobs.latencyMs = 5; }, outcome: { kind: 'fails', code: 'RATE_LIMITED' } },
  { name: 'concurrent request limit once: retried', arrange: once(async () => answer(403, JSON.stringify(salesforceError('REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.')))), outcome: { kind: 'shows' } },
  { name: '429 once: retried', arrange: once(async () => answer(429, JSON.stringify(salesforceError('REQUEST_LIMIT_EXCEEDED', 'Too many requests')), { 'Content-Type': 'application/json', 'Retry-After': '0' })), outcome: { kind: 'shows' } },
  { name: '429 on every request', arrange: always(async () => answer(429, '', { 'Retry-After': '0' })), outcome: { kind: 'fails', code: 'RATE_LIMITED' } },
  { name: '500 once: retried', arrange: sfFaults('serverError'), outcome: { kind: 'shows' } },
  { name: '500 on every request', arrange: sfFaults(...Array<SalesforceFault>(12).fill('serverError')), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: '503 once: retried', arrange: sfFaults('serviceUnavailable'), outcome: { kind: 'shows' } },
  { name: '503 on every request', arrange: sfFaults(...Array<SalesforceFault>(12).fill('serviceUnavailable')), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: '502 from a proxy, HTML body', arrange: always(async () => answer(502, '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html' })), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: 'query timeout on every request', arrange: sfFaults(...Array<SalesforceFault>(12).fill('queryTimeout')), outcome: { kind: 'fails', code: 'TIMEOUT' } },
  { name: 'client timeout once: retried', arrange: once(timedOut), outcome: { kind: 'shows' } },
  { name: 'client timeout on every request', arrange: always(timedOut), outcome: { kind: 'fails', code: 'TIMEOUT' } },
  { name: 'network down', arrange: always(networkDown), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: 'truncated JSON (the simulator cuts the body)', arrange: sfFaults(...Array<SalesforceFault>(12).fill('malformedBody')), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'truncated JSON mid-paging', arrange: once((real) => real().then((response) => truncate(response, 0.3)), isQueryMore), outcome: { kind: 'shows' }, list: { code: 'MALFORMED_RESPONSE' } },
  { name: 'malformed JSON: an HTML login page with 200', arrange: always(async () => answer(200, '<!DOCTYPE html><title>Login</title>', { 'Content-Type': 'text/html' })), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'JSON of the wrong shape (an object where an array is expected)', arrange: always(async () => answer(200, JSON.stringify({ compositeResponse: { nope: true } }))), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'empty 204 where a body is expected', arrange: always(async () => answer(204, null, {})), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'unexpected extra fields on every record', arrange: always((real) => real().then((response) => rewriteJson(response, (body) => mapObjects(body, (object) => ('attributes' in object ? { ...object, Surprise__c: { nested: [1, 2] }, Another_New_Field__c: 'x' } : object))))), outcome: { kind: 'shows' } },
  { name: 'missing fields on contacts (LastName and Email gone)', arrange: always((real) => real().then((response) => rewriteJson(response, recordsOf('Contact', ({ Email: _e, Name: _n, ...rest }) => rest)))), outcome: { kind: 'shows' } },
  { name: 'missing required field on the account itself', arrange: always((real) => real().then((response) => rewriteJson(response, recordsOf('Account', ({ Name: _n, ...rest }) => rest)))), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'query locator expired mid-paging', arrange: once(async (real) => { org.cursors.expireAll(); return real(); }, isQueryMore), outcome: { kind: 'shows' }, list: { code: 'INVALID_QUERY' } },
  { name: 'composite partial failure: feedback object missing', arrange: always((real) => real().then((response) => rewriteJson(response, subresponse('feedback', 400, salesforceError('INVALID_TYPE', "sObject type 'Kizuna_Feedback__c' is not supported."))))), outcome: { kind: 'partial', code: 'INVALID_TYPE' } },
  { name: 'composite partial failure: no access to events', arrange: always((real) => real().then((response) => rewriteJson(response, subresponse('events', 403, salesforceError('INSUFFICIENT_ACCESS', 'insufficient access rights on object id'))))), outcome: { kind: 'partial', code: 'PERMISSION_DENIED' } },
  { name: 'composite partial failure: a task field hidden', arrange: always((real) => real().then((response) => rewriteJson(response, subresponse('tasks', 400, salesforceError('INVALID_FIELD', "No such column 'Kizuna_Playbook__c' on entity 'Task'."))))), outcome: { kind: 'partial', code: 'INVALID_FIELD' } },
  { name: 'composite: the account itself refused', arrange: always((real) => real().then((response) => rewriteJson(response, subresponse('account', 403, salesforceError('INSUFFICIENT_ACCESS', 'insufficient access rights on object id'))))), outcome: { kind: 'fails', code: 'PERMISSION_DENIED' } },
  { name: "another account's contact slipped into the answer", arrange: always((real) => real().then((response) => rewriteJson(response, recordsOf('Contact', (record) => ({ ...record, Name: dataset.contacts.find((c) => c.accountId === otherAccount.id)?.name ?? 'x', AccountId: org.salesforceIdOf('account', otherAccount.id) }))))), outcome: { kind: 'shows' } },
  { name: 'slow answers (400 ms each)', arrange: () => { knobs.latencyMs = 400; }, outcome: { kind: 'shows' }, list: 'shows' },
  { name: 'one very slow answer (1.5 s) on the wire', arrange: once(slow(1500)), outcome: { kind: 'shows' } },
];

interface WriteScenario {
  readonly name: string;
  readonly arrange: () => void | Promise<void>;
  readonly outcome: WriteOutcome;
}

/** Accepting an action (the outbox's upsert of a Task by its key) while the write meets a fault. */
const writeScenarios: readonly WriteScenario[] = [
  { name: 'accept: saved at once', arrange: () => undefined, outcome: { kind: 'saved' } },
  { name: 'accept: 500 once on the write, retried by the adapter', arrange: sfFaults('serverError'), outcome: { kind: 'saved' } },
  { name: 'accept: duplicate-write answer 300 (two tasks claim the key)', arrange: always(async () => answer(300, JSON.stringify(['/services/data/v66.0/sobjects/Task/00T5g0000000001AAA', '/services/data/v66.0/sobjects/Task/00T5g0000000002AAA'])), isUpsert), outcome: { kind: 'refused' } },
  { name: 'accept: duplicate-write answer 200 created:false (another tab wrote it first)', arrange: once(async (real) => { await real(); return real(); }, isUpsert), outcome: { kind: 'saved' } },
  { name: 'accept: the answer is lost after the CRM stored the task', arrange: always(async (real) => { await real(); return timedOut(); }, isUpsert), outcome: { kind: 'retrying' } },
  { name: 'accept: DUPLICATE_VALUE on the key field', arrange: always(async () => answer(400, JSON.stringify([{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: Kizuna_Action_Key__c duplicates value on record with id: 00T5g0000000001', fields: [] }])), isUpsert), outcome: { kind: 'refused' } },
  { name: 'accept: daily limit spent while writing', arrange: () => { knobs.dailyLimit = 0; }, outcome: { kind: 'retrying' } },
  { name: 'accept: truncated JSON answer to the write', arrange: always((real) => real().then((response) => truncate(response, 0.4)), isUpsert), outcome: { kind: 'refused' } },
];

function reset(): void {
  Object.assign(knobs, createSalesforceKnobs());
  wire.clear();
  tokens.reset();
  org.calls.reset();
}

const dataSource = () => createSalesforceDataSource({ connection: { instanceUrl }, tokens: tokens.source, transport: wire.transport, retry: noWait });
/** The account list in pages of 200 (the wire asks for small batches on every query). */
function listInSmallBatches() {
  const base = wire.transport;
  const source = createSalesforceDataSource({
    connection: { instanceUrl },
    tokens: tokens.source,
    retry: noWait,
    transport: (request) => base(request.url.includes('/query?q=') ? { ...request, headers: { ...request.headers, 'Sforce-Query-Options': 'batchSize=200' } } : request),
  });
  return source.listAccounts();
}

describe(`Salesforce: ${scenarios.length + writeScenarios.length} fault scenarios through the simulator`, () => {
  it('has at least 30 scenarios', () => {
    console.log(`[faults] Salesforce scenarios: ${scenarios.length + writeScenarios.length} (${scenarios.length} reads, ${writeScenarios.length} write-backs)`);
    expect(scenarios.length + writeScenarios.length).toBeGreaterThanOrEqual(30);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    reset();
    if (scenario.list !== undefined) {
      await scenario.arrange();
      const list = scenario.list;
      if (list === 'shows') expect(await listInSmallBatches()).toHaveLength(dataset.accounts.length);
      else await expectReadOutcome(listInSmallBatches, { kind: 'fails', code: list.code });
      reset();
    }
    await scenario.arrange();
    await expectReadOutcome(() => dataSource().getAccountContext(accountId), scenario.outcome);
    reset();
    await scenario.arrange();
    await expectDashboardOutcome({ dataSource: dataSource(), accountId, asOf, outcome: scenario.outcome, foreign, heal: reset });
  });

  const writeTargets: string[] = [];
  it('finds accounts with actions to accept', async () => {
    reset();
    writeTargets.push(...(await accountsWithProposals(dataSource(), dataset.accounts.map((candidate) => org.salesforceIdOf('account', candidate.id)), asOf, writeScenarios.length)));
    expect(writeTargets).toHaveLength(writeScenarios.length);
  });

  it.each(writeScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    reset();
    const target = writeTargets[writeScenarios.indexOf(scenario)];
    if (target === undefined) throw new Error('no account with an action to accept');
    const tasksWithKey = (key: string) => org.records('Task').filter((task) => task['Kizuna_Action_Key__c'] === key).length;
    await expectWriteOutcome({ dataSource: dataSource(), accountId: target, asOf, outcome: scenario.outcome, heal: reset, arrange: scenario.arrange, tasksWithKey });
  });
});
