// @vitest-environment jsdom
import type { CrmErrorCode } from '@kizuna/crm-core';
import { coqlField, createRestGateway, createZohoDataSource, parseZohoConnection, readAllRecords, zohoTransport } from '@kizuna/crm-zoho';
import { createZohoKnobs, createZohoOrg, type ZohoFault } from '@kizuna/crm-sim';
import { startZohoServer } from '@kizuna/crm-sim/node';
import { generateOrganisation } from '@kizuna/sample-data';
import { afterAll, describe, expect, it } from 'vitest';
import { accountsWithProposals, expectDashboardOutcome, expectReadOutcome, expectWriteOutcome, foreignNames, type Outcome, type WriteOutcome } from './support/faultScenario';
import { sessionTokens } from './support/sessionTokens';
import { answer, createWireFaults, networkDown, rewriteJson, slow, timedOut, truncate, type RequestMatcher, type WireFault } from './support/wireFaults';

/**
 * Faults on the way between the Zoho adapter and the simulated org (Japan data centre), one row
 * each: the simulator's knobs (token expiry, credits, concurrency caps, failNext faults, expired
 * page tokens) and rewrites of its real answers. Every row is checked on the data source (typed
 * outcome) and on the account manager's real Dashboard in jsdom (words, retry, no other
 * account's names on screen).
 */
const dataset = generateOrganisation({ seed: 11, accounts: 520 });
const asOf = '2026-10-01T00:00:00.000Z';
const knobs = createZohoKnobs();
const org = createZohoOrg(dataset, { dataCentre: 'JP', now: () => Date.parse(asOf), knobs });
const sim = startZohoServer(org, { accessTokens: ['ztoken-0'] });
const wire = createWireFaults();
const tokens = sessionTokens('ztoken-0', () => org.oauth.issueAccessToken().token);
const noWait = { sleep: () => Promise.resolve() };
afterAll(() => sim.close());

const account = dataset.accounts[3];
const otherAccount = dataset.accounts[4];
if (account === undefined || otherAccount === undefined) throw new Error('the organisation has accounts');
const accountId = org.zohoIdOf('account', account.id);
const foreign = foreignNames(dataset, account.id);
const otherContact = dataset.contacts.find((contact) => contact.accountId === otherAccount.id);
if (otherContact === undefined) throw new Error('the other account has contacts');

const isCoql: RequestMatcher = (url, method) => method === 'POST' && url.endsWith('/crm/v8/coql');
const isRecordsPage: RequestMatcher = (url, method) => method === 'GET' && /\/crm\/v8\/(Accounts|Tasks)\?/.test(url);
const laterPage: RequestMatcher = (url, method) => isRecordsPage(url, method) && /[?&](page=[2-9]|page_token=)/.test(url);
const isInsert: RequestMatcher = (url, method) => method === 'POST' && url.endsWith('/crm/v8/Tasks');
const isLedgerUpsert: RequestMatcher = (url, method) => method === 'POST' && url.endsWith('/upsert');
/** The body of the request being sent (set by `transport` below): COQL queries differ only there. */
let currentBody = '';
/** The COQL query of one module (the adapter sends one per module in the same round). */
const coqlOf = (module: string): RequestMatcher => (url, method) => isCoql(url, method) && currentBody.includes(` from ${module} `);

/** The access token expires between two requests: before a later page, and before the fifth COQL call of a round. */
function expireTokenMidway(): void {
  const expire: WireFault['apply'] = async (real) => {
    org.oauth.expire(await tokens.source.current());
    return real();
  };
  let coqlCalls = 0;
  wire.inject({ when: laterPage, apply: expire }, { when: (url, method) => isCoql(url, method) && ++coqlCalls === 5, apply: expire });
}

function zohoFaults(...faults: ZohoFault[]): () => void {
  return () => void knobs.failNext.push(...faults);
}
const always = (apply: WireFault['apply'], when: RequestMatcher = isCoql): (() => void) => () => wire.inject({ when, apply, times: Infinity });
const once = (apply: WireFault['apply'], when: RequestMatcher = isCoql): (() => void) => () => wire.inject({ when, apply });
const zohoError = (code: string, message: string, details: Record<string, unknown> = {}) => JSON.stringify({ code, details, message, status: 'error' });
const rewriteRows = (change: (row: Record<string, unknown>) => Record<string, unknown>) => (body: unknown) =>
  typeof body === 'object' && body !== null && 'data' in body && Array.isArray(body.data) ? { ...body, data: body.data.map((row: Record<string, unknown>) => change(row)) } : body;

interface Scenario {
  readonly name: string;
  readonly arrange: () => void | Promise<void>;
  readonly outcome: Outcome;
  /** When the fault is about paging: the account list (three pages of 200) read with this outcome. */
  readonly list?: 'shows' | { readonly code: CrmErrorCode };
  /** When the fault is about page tokens: all Tasks (past 2,000, so by page token) read with this outcome. */
  readonly tokenPaging?: 'shows' | { readonly code: CrmErrorCode };
  /** The org's edition, which sets the adapter's concurrency cap (default standard: 10). */
  readonly edition?: 'free';
}

const scenarios: readonly Scenario[] = [
  { name: 'token expired before the read: refreshed once, then read', arrange: async () => org.oauth.expire(await tokens.source.current()), outcome: { kind: 'shows' } },
  { name: 'token expired and the refresh fails', arrange: async () => { org.oauth.expire(await tokens.source.current()); tokens.state.refreshFails = true; }, outcome: { kind: 'fails', code: 'AUTH_INVALID' } },
  { name: 'token expires mid-round and mid-paging: refreshed, reading goes on', arrange: expireTokenMidway, outcome: { kind: 'shows' }, list: 'shows' },
  { name: 'token expires mid-paging and the refresh fails', arrange: () => { expireTokenMidway(); tokens.state.refreshFails = true; }, outcome: { kind: 'fails', code: 'AUTH_INVALID' }, list: { code: 'AUTH_INVALID' } },
  { name: 'token revoked meanwhile (INVALID_TOKEN once): refreshed', arrange: zohoFaults('invalidToken'), outcome: { kind: 'shows' } },
  { name: 'API credits exhausted (429 on every call)', arrange: () => { knobs.tooManyRequestsAfter = 0; }, outcome: { kind: 'fails', code: 'RATE_LIMITED' }, list: { code: 'RATE_LIMITED' } },
  { name: 'API credits exhausted mid-paging', arrange: () => { knobs.tooManyRequestsAfter = 1; }, outcome: { kind: 'fails', code: 'RATE_LIMITED' }, list: { code: 'RATE_LIMITED' } },
  { name: 'concurrency cap of the Free edition (5 at once, slow answers)', arrange: () => { knobs.concurrencyLimit = 5; knobs.latencyMs = 20; }, outcome: { kind: 'shows' }, edition: 'free' },
  { name: 'COQL sub-concurrency cap of 10 (slow answers)', arrange: () => { knobs.coqlConcurrencyLimit = 10; knobs.latencyMs = 20; }, outcome: { kind: 'shows' } },
  { name: '429 once: retried', arrange: zohoFaults('tooManyRequests'), outcome: { kind: 'shows' } },
  { name: '429 on every request', arrange: zohoFaults(...Array<ZohoFault>(200).fill('tooManyRequests')), outcome: { kind: 'fails', code: 'RATE_LIMITED' } },
  { name: '500 once: retried', arrange: zohoFaults('internalError'), outcome: { kind: 'shows' } },
  { name: '500 on every request', arrange: zohoFaults(...Array<ZohoFault>(200).fill('internalError')), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: '503 once: retried', arrange: zohoFaults('serviceUnavailable'), outcome: { kind: 'shows' } },
  { name: '503 on every request', arrange: zohoFaults(...Array<ZohoFault>(200).fill('serviceUnavailable')), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: 'the simulator hangs, then drops the connection (once)', arrange: () => { knobs.timeoutMs = 30; knobs.failNext.push('timeout'); }, outcome: { kind: 'shows' } },
  { name: 'client timeout once: retried', arrange: once(timedOut), outcome: { kind: 'shows' } },
  { name: 'client timeout on every request', arrange: always(timedOut), outcome: { kind: 'fails', code: 'TIMEOUT' } },
  { name: 'network down', arrange: always(networkDown), outcome: { kind: 'fails', code: 'UNAVAILABLE' } },
  { name: 'truncated JSON on every answer (the simulator cuts the body)', arrange: zohoFaults(...Array<ZohoFault>(200).fill('truncatedBody')), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'truncated JSON on a later page', arrange: once((real) => real().then((response) => truncate(response, 0.3)), laterPage), outcome: { kind: 'shows' }, list: { code: 'MALFORMED_RESPONSE' } },
  { name: 'malformed JSON: an HTML page with 200 on every answer', arrange: zohoFaults(...Array<ZohoFault>(200).fill('malformedBody')), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'JSON of the wrong shape (data is an object)', arrange: always(async () => answer(200, JSON.stringify({ data: { id: 1 }, info: { more_records: 'no' } }))), outcome: { kind: 'fails', code: 'MALFORMED_RESPONSE' } },
  { name: 'empty 204 for every query (nothing found, not even the account)', arrange: always(async () => answer(204, null, {})), outcome: { kind: 'fails', code: 'NOT_FOUND' } },
  { name: 'empty 204 for the contacts query only', arrange: always(async () => answer(204, null, {}), coqlOf('Contacts')), outcome: { kind: 'shows' } },
  { name: 'unexpected extra fields on every record', arrange: always((real) => real().then((response) => rewriteJson(response, rewriteRows((row) => ({ ...row, Surprise_Field: { nested: [1, 2] }, $new_meta: true }))))), outcome: { kind: 'shows' } },
  { name: 'missing fields on contacts (names gone)', arrange: always((real) => real().then((response) => rewriteJson(response, rewriteRows(({ Full_Name: _f, Last_Name: _l, ...rest }) => rest))), coqlOf('Contacts')), outcome: { kind: 'shows' } },
  { name: 'missing required field on the account itself', arrange: always((real) => real().then((response) => rewriteJson(response, rewriteRows(({ Account_Name: _n, ...rest }) => rest))), coqlOf('Accounts')), outcome: { kind: 'fails', code: 'VALIDATION' } },
  { name: 'page token expired mid-paging', arrange: once(async (real) => { org.pageTokens.expireAll(); return real(); }, (url, method) => method === 'GET' && url.includes('page_token=')), outcome: { kind: 'shows' }, tokenPaging: { code: 'INVALID_QUERY' } },
  { name: 'partial failure: the feedback module does not exist', arrange: always(async () => answer(400, zohoError('INVALID_QUERY', 'invalid query formed', { reason: 'invalid module', module: 'Kizuna_Feedback' })), coqlOf('Kizuna_Feedback')), outcome: { kind: 'partial', code: 'INVALID_TYPE' } },
  { name: 'partial failure: a cases column is hidden', arrange: always(async () => answer(400, zohoError('INVALID_QUERY', 'invalid query formed', { column_name: 'Kizuna_Escalated', reason: 'invalid column given' })), coqlOf('Cases')), outcome: { kind: 'partial', code: 'INVALID_FIELD' } },
  { name: 'partial failure: no permission on calls', arrange: always(async () => answer(403, zohoError('NO_PERMISSION', 'permission denied', { permissions: ['Crm_Implied_View_Calls'] })), coqlOf('Calls')), outcome: { kind: 'partial', code: 'PERMISSION_DENIED' } },
  { name: "another account's contact slipped into the answer", arrange: always((real) => real().then((response) => rewriteJson(response, rewriteRows((row) => ({ ...row, Full_Name: otherContact.name, Last_Name: otherContact.name, Account_Name: { name: otherAccount.name, id: org.zohoIdOf('account', otherAccount.id) } })))), coqlOf('Contacts')), outcome: { kind: 'shows' } },
  { name: 'slow answers (300 ms each)', arrange: () => { knobs.latencyMs = 300; }, outcome: { kind: 'shows' }, list: 'shows' },
  { name: 'one very slow answer (1.5 s) on the wire', arrange: once(slow(1500)), outcome: { kind: 'shows' } },
];

interface WriteScenario {
  readonly name: string;
  readonly arrange: () => void | Promise<void>;
  readonly outcome: WriteOutcome;
}

/** Accepting an action (the Task insert keyed by Kizuna_Action_Key, then the ledger upsert) while the write meets a fault. */
const writeScenarios: readonly WriteScenario[] = [
  { name: 'accept: saved at once', arrange: () => undefined, outcome: { kind: 'saved' } },
  { name: 'accept: 500 once on the insert, retried by the adapter', arrange: zohoFaults('internalError'), outcome: { kind: 'saved' } },
  { name: 'accept: duplicate-write answer DUPLICATE_DATA (the first insert’s answer was lost)', arrange: once(async (real) => { await real(); return real(); }, isInsert), outcome: { kind: 'saved' } },
  { name: 'accept: the answer is lost after the CRM stored the task', arrange: always(async (real) => { await real(); return timedOut(); }, isInsert), outcome: { kind: 'retrying' } },
  { name: 'accept: the ledger upsert fails after the task was made', arrange: always(async () => answer(500, zohoError('INTERNAL_ERROR', 'Internal Server Error')), isLedgerUpsert), outcome: { kind: 'retrying' } },
  { name: 'accept: credits exhausted while writing', arrange: () => { knobs.tooManyRequestsAfter = 0; }, outcome: { kind: 'retrying' } },
  { name: 'accept: truncated JSON answer to the insert', arrange: always((real) => real().then((response) => truncate(response, 0.4)), isInsert), outcome: { kind: 'refused' } },
];

function reset(): void {
  Object.assign(knobs, createZohoKnobs());
  wire.clear();
  tokens.reset();
}

/** Lets requests a failed read left in flight (its other parts, still retrying) finish before the next scenario. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

/** The wire layer sees each request's body, so a fault can pick the COQL query of one module. */
const transport: typeof wire.transport = (request) => {
  currentBody = request.body ?? '';
  return wire.transport(request);
};
const connection = { apiDomain: org.apiDomain };
const dataSource = (edition: 'free' | 'standard' = 'standard') => createZohoDataSource({ connection, tokens: tokens.source, transport, retry: noWait, edition });
function allTasksByPageToken() {
  const gateway = createRestGateway(zohoTransport({ tokens: tokens.source, transport, retry: noWait }), parseZohoConnection(connection));
  return readAllRecords(gateway, 'Tasks', ['Subject', 'What_Id'].map(coqlField));
}

describe(`Zoho CRM: ${scenarios.length + writeScenarios.length} fault scenarios through the simulator`, () => {
  it('has at least 30 scenarios', () => {
    console.log(`[faults] Zoho scenarios: ${scenarios.length + writeScenarios.length} (${scenarios.length} reads, ${writeScenarios.length} write-backs)`);
    expect(scenarios.length + writeScenarios.length).toBeGreaterThanOrEqual(30);
    expect(org.records('Tasks').length).toBeGreaterThan(2000);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    for (const [read, expected, size] of [
      [() => dataSource().listAccounts(), scenario.list, dataset.accounts.length],
      [allTasksByPageToken, scenario.tokenPaging, org.records('Tasks').length],
    ] as const) {
      if (expected === undefined) continue;
      await settle();
      reset();
      await scenario.arrange();
      if (expected === 'shows') expect(await read()).toHaveLength(size);
      else await expectReadOutcome(read, { kind: 'fails', code: expected.code });
    }
    await settle();
    reset();
    await scenario.arrange();
    await expectReadOutcome(() => dataSource(scenario.edition).getAccountContext(accountId), scenario.outcome);
    await settle();
    reset();
    await scenario.arrange();
    await expectDashboardOutcome({ dataSource: dataSource(scenario.edition), accountId, asOf, outcome: scenario.outcome, foreign, heal: reset });
  });

  const writeTargets: string[] = [];
  it('finds accounts with actions to accept', async () => {
    reset();
    writeTargets.push(...(await accountsWithProposals(dataSource(), dataset.accounts.map((candidate) => org.zohoIdOf('account', candidate.id)), asOf, writeScenarios.length)));
    expect(writeTargets).toHaveLength(writeScenarios.length);
  });

  it.each(writeScenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    reset();
    const target = writeTargets[writeScenarios.indexOf(scenario)];
    if (target === undefined) throw new Error('no account with an action to accept');
    const tasksWithKey = (key: string) => org.records('Tasks').filter((task) => task['Kizuna_Action_Key'] === key).length;
    await expectWriteOutcome({ dataSource: dataSource(), accountId: target, asOf, outcome: scenario.outcome, heal: reset, arrange: scenario.arrange, tasksWithKey });
  });
});
