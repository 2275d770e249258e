import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { runCoql } from './coql/coqlResource';
import { zohoDataCentreCodes, zohoDataCentres, type ZohoDataCentre } from './dataCentres';
import { parseScopeParam, requireModuleScope } from './oauth/scopes';
import { exchangeZohoToken } from './oauth/tokenEndpoint';
import { countRecords, getRecord, listRecords, moduleOf } from './records/recordsResource';
import { listFields, listModules } from './settingsResource';
import { getUser, listUsers } from './usersResource';
import { invalidData, invalidUrlPattern, ZohoApiError } from './zohoApiError';
import type { ZohoOrg } from './zohoOrg';
import type { ZohoAnswer } from './zohoResource';
import type { WriteOperation } from './writes/recordWrites';
import { createZohoResponder, sendZohoAnswer, zohoJsonHeaders, type ZohoResponder } from './zohoResponder';

export interface ZohoHandlerOptions {
  /**
   * The data centre of the user who signs in at the authorize step (`/oauth/v2/auth` on any
   * accounts server): the redirect names its `location` and `accounts-server`. Default: the
   * first org's.
   */
  readonly signInDataCentre?: ZohoDataCentre;
  /** Access tokens accepted from the start, issued on the first org (its data centre only). */
  readonly accessTokens?: readonly string[];
}

/** The API version served. */
export const zohoApiVersion = 'v8';

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidData('the request body is not valid JSON', { expected_data_type: 'jsonobject' });
  }
}

/**
 * Writes answer a problem with the module or the body inside `data[]` too (v8 OAS examples:
 * createRecords and upsertRecords INVALID_MODULE); token and scope errors stay top-level.
 */
async function writeAnswer(run: () => Promise<ZohoAnswer>): Promise<ZohoAnswer> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ZohoApiError && error.status === 400) return { status: 400, body: { data: [error.body()] } };
    throw error;
  }
}

function apiHandlers(org: ZohoOrg, answer: ZohoResponder): HttpHandler[] {
  const base = `${org.apiDomain}/crm/${zohoApiVersion}`;
  const ctx = { org };
  const params = (request: Request): URLSearchParams => new URL(request.url).searchParams;
  // Insert needs CREATE, update UPDATE; upsert takes ALL, WRITE or CREATE (v8 upsert-records "Possible operation types").
  const write = (request: Request, operation: WriteOperation, moduleName: string, id: string | null): Promise<Response> =>
    answer(request, operation, (session) =>
      writeAnswer(async () => {
        const module = moduleOf(ctx, moduleName);
        requireModuleScope(session.scopes, module, operation === 'update' ? 'UPDATE' : 'CREATE');
        return org.writes.write(module, operation, await jsonBody(request), session.userId, id);
      }),
    );
  return [
    http.get(`${base}/users`, ({ request }) => answer(request, 'users', (session) => listUsers(ctx, params(request), session))),
    http.get(`${base}/users/:id`, ({ request, params: p }) => answer(request, 'users', (session) => getUser(ctx, String(p['id']), session))),
    http.get(`${base}/settings/modules`, ({ request }) => answer(request, 'settings', (session) => listModules(ctx, session))),
    http.get(`${base}/settings/fields`, ({ request }) => answer(request, 'settings', (session) => listFields(ctx, params(request), session))),
    http.post(`${base}/coql`, ({ request }) => answer(request, 'coql', async (session) => runCoql(ctx, await jsonBody(request), session))),
    http.get(`${base}/:module`, ({ request, params: p }) =>
      answer(request, 'records', (session) => listRecords(ctx, String(p['module']), params(request), session, request.headers.get('If-Modified-Since'))),
    ),
    http.get(`${base}/:module/actions/count`, ({ request, params: p }) =>
      answer(request, 'count', (session) => countRecords(ctx, String(p['module']), session)),
    ),
    http.get(`${base}/:module/:id`, ({ request, params: p }) =>
      answer(request, 'record', (session) => getRecord(ctx, String(p['module']), String(p['id']), params(request), session)),
    ),
    http.post(`${base}/:module`, ({ request, params: p }) => write(request, 'insert', String(p['module']), null)),
    http.post(`${base}/:module/upsert`, ({ request, params: p }) => write(request, 'upsert', String(p['module']), null)),
    http.put(`${base}/:module`, ({ request, params: p }) => write(request, 'update', String(p['module']), null)),
    http.put(`${base}/:module/:id`, ({ request, params: p }) => write(request, 'update', String(p['module']), String(p['id']))),
    http.all(`${org.apiDomain}/crm/*`, ({ request }) =>
      answer(request, 'other', () => {
        throw invalidUrlPattern();
      }),
    ),
  ];
}

function tokenParams(request: Request, body: string): URLSearchParams {
  // Zoho takes the parameters in the query string or a form body; both are read.
  const merged = new URLSearchParams(new URL(request.url).search);
  for (const [key, value] of new URLSearchParams(body)) merged.set(key, value);
  return merged;
}

function accountsHandlers(orgs: readonly ZohoOrg[], options: ZohoHandlerOptions): HttpHandler[] {
  const orgIn = (dataCentre: ZohoDataCentre): ZohoOrg | undefined => orgs.find((org) => org.dataCentre === dataCentre);
  const first = orgs[0];
  const signIn = options.signInDataCentre === undefined ? first : orgIn(options.signInDataCentre);
  const json = (org: ZohoOrg | undefined, endpoint: 'token' | 'revoke' | 'authorize', status: number, body: unknown): Response =>
    org === undefined ? new HttpResponse(JSON.stringify(body), { status, headers: zohoJsonHeaders }) : sendZohoAnswer(org, endpoint, { status, body });
  return zohoDataCentreCodes.flatMap((dataCentre) => {
    const server = zohoDataCentres[dataCentre].accountsServer;
    const org = orgIn(dataCentre);
    return [
      http.post(`${server}/oauth/v2/token`, async ({ request }) => {
        if (org !== undefined && org.knobs.latencyMs > 0) await delay(org.knobs.latencyMs);
        const result = exchangeZohoToken(tokenParams(request, await request.text()), org?.oauth);
        return json(org, 'token', result.status, result.body);
      }),
      http.post(`${server}/oauth/v2/token/revoke`, async ({ request }) => {
        const token = tokenParams(request, await request.text()).get('token') ?? '';
        const revoked = org?.oauth.revoke(token) === true;
        return json(org, 'revoke', 200, revoked ? { status: 'success' } : { error: 'invalid_code' });
      }),
      http.get(`${server}/oauth/v2/auth`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const clientId = query.get('client_id') ?? '';
        const redirectUri = query.get('redirect_uri') ?? '';
        const client = signIn?.oauth.client(clientId);
        if (signIn === undefined || client === undefined) return json(signIn, 'authorize', 400, { error: 'invalid_client' });
        if (!client.redirectUris.includes(redirectUri)) return json(signIn, 'authorize', 400, { error: 'invalid_redirect_uri' });
        if (query.get('response_type') !== 'code') return json(signIn, 'authorize', 400, { error: 'unsupported_response_type' });
        const scopes = parseScopeParam(query.get('scope'));
        if (scopes.length === 0) return json(signIn, 'authorize', 400, { error: 'invalid_scope' });
        const grant = signIn.oauth.issueAuthorizationCode({ clientId, redirectUri, scopes, offline: query.get('access_type') === 'offline' });
        const target = new URL(redirectUri);
        const state = query.get('state');
        if (state !== null) target.searchParams.set('state', state);
        target.searchParams.set('code', grant.code);
        target.searchParams.set('location', grant.location);
        target.searchParams.set('accounts-server', grant.accountsServer);
        signIn.calls.record('authorize', 0);
        return new HttpResponse(null, { status: 302, headers: { Location: target.toString() } });
      }),
    ];
  });
}

/**
 * MSW handlers answering Zoho CRM API v8 for each org on its data centre's `api_domain`
 * (records, record counts, COQL, inserts, updates and upserts, users, module and field metadata), and Zoho Accounts on every data centre's
 * accounts server (authorize, token, revoke). A token is valid only on the data centre that
 * issued it. No Node imports: works under `msw/node` and `msw/browser`.
 */
export function zohoHandlers(orgs: ZohoOrg | readonly ZohoOrg[], options: ZohoHandlerOptions = {}): HttpHandler[] {
  const list: readonly ZohoOrg[] = 'store' in orgs ? [orgs] : orgs;
  const seen = new Set<ZohoDataCentre>();
  for (const org of list) {
    if (seen.has(org.dataCentre)) throw new Error(`two orgs in data centre ${org.dataCentre}: give each org its own data centre`);
    seen.add(org.dataCentre);
  }
  const first = list[0];
  if (first === undefined) throw new Error('zohoHandlers needs at least one org');
  for (const token of options.accessTokens ?? []) first.oauth.issueAccessToken(token);
  return [...list.flatMap((org) => apiHandlers(org, createZohoResponder(org))), ...accountsHandlers(list, options)];
}
