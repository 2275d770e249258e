import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { SalesforceEndpoint } from './apiCallStats';
import { runComposite } from './composite/runComposite';
import { exchangeToken } from './oauth/tokenEndpoint';
import { answerUserInfo } from './oauth/userInfoEndpoint';
import { batchSizeOf, runQuery, runQueryMore } from './queryResource';
import { parseJsonBody, versionNumber, type RestCall } from './restAnswer';
import { createResponder, jsonHeaders, sendAnswer, type Responder } from './restResponder';
import { routeRestCall } from './restRouter';
import { createSalesforceKnobs, type SalesforceKnobs } from './salesforceKnobs';
import { defaultSalesforceApiVersion, type SalesforceOrg } from './salesforceOrg';

export interface SalesforceHandlerOptions {
  /** The org's My Domain, e.g. `https://acme.my.salesforce.com` (no trailing slash needed). */
  readonly instanceUrl: string;
  /** Highest API version served; lower versions (v31.0+) are answered too. Default `v66.0`. */
  readonly apiVersion?: string;
  /** Bearer tokens accepted from the start; more can be issued with `org.sessions.issue()` or OAuth. */
  readonly accessTokens?: readonly string[];
  /** Latency, token expiry, limits and injected faults; read on every request. */
  readonly knobs?: SalesforceKnobs;
  /**
   * The login host of the OAuth token endpoint (`{loginUrl}/services/oauth2/token`), which a JWT
   * bearer assertion's `aud` must name. Default `https://login.salesforce.com`. Give each org its
   * own when several share one server: the first handler registered for a host answers.
   */
  readonly loginUrl?: string;
}

export const defaultLoginUrl = 'https://login.salesforce.com';

async function restCallOf(request: Request): Promise<RestCall> {
  const url = new URL(request.url);
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    body: parseJsonBody(await request.text()),
    header: (name) => request.headers.get(name),
  };
}

function queryHandlers(base: string, org: SalesforceOrg, answer: Responder): HttpHandler[] {
  const first = (resource: 'query' | 'queryAll') =>
    http.get(`${base}/services/data/:version/${resource}`, ({ request, params }) => {
      const version = String(params['version']);
      return answer(request, resource, version, () => ({
        status: 200,
        body: runQuery(org, new URL(request.url).searchParams.get('q'), {
          version,
          includeDeleted: resource === 'queryAll',
          batchSize: batchSizeOf(request.headers.get('Sforce-Query-Options')),
        }),
      }));
    });
  const more = (resource: 'query' | 'queryAll') =>
    http.get(`${base}/services/data/:version/${resource}/:locator`, ({ request, params }) => {
      const version = String(params['version']);
      return answer(request, 'queryMore', version, () => ({ status: 200, body: runQueryMore(org, String(params['locator']), version) }));
    });
  return [first('query'), first('queryAll'), more('query'), more('queryAll')];
}

function writeHandlers(base: string, org: SalesforceOrg, answer: Responder, highestVersion: number): HttpHandler[] {
  const routed = (path: string, endpoint: SalesforceEndpoint) =>
    http.all(`${base}/services/data/:version/${path}`, ({ request, params }) =>
      answer(request, endpoint, String(params['version']), async () => routeRestCall(org, await restCallOf(request), { highestVersion }).answer),
    );
  const composite = http.post(`${base}/services/data/:version/composite`, ({ request, params }) =>
    answer(request, 'composite', String(params['version']), async () => runComposite(org, parseJsonBody(await request.text()), highestVersion)),
  );
  return [routed('sobjects/*', 'sobjects'), routed('composite/sobjects', 'collections'), routed('composite/sobjects/*', 'collections'), composite];
}

/** `POST {loginUrl}/services/oauth2/token`: counted as `token`, not against the daily allocation. */
function tokenHandler(loginUrl: string, instanceUrl: string, org: SalesforceOrg, knobs: SalesforceKnobs): HttpHandler {
  return http.post(`${loginUrl}/services/oauth2/token`, async ({ request }) => {
    if (knobs.latencyMs > 0) await delay(knobs.latencyMs);
    const form = new URLSearchParams(await request.text());
    const result = await exchangeToken(form, { oauth: org.oauth, loginUrl, instanceUrl, rotateRefreshTokens: knobs.rotateRefreshTokens });
    return sendAnswer(org, 'token', result, { ...jsonHeaders });
  });
}

/**
 * `GET|POST /services/oauth2/userinfo`, on the login host and on the org's My Domain: counted as
 * `userinfo`, not against the daily allocation. Latency applies; injected faults do not.
 */
function userInfoHandlers(hosts: readonly string[], context: Omit<Parameters<typeof answerUserInfo>[0], 'expiresAfterCalls'>, org: SalesforceOrg, knobs: SalesforceKnobs): HttpHandler[] {
  const answer = async ({ request }: { request: Request }) => {
    if (knobs.latencyMs > 0) await delay(knobs.latencyMs);
    const result = answerUserInfo({ ...context, expiresAfterCalls: knobs.tokenExpiresAfterCalls }, request.headers.get('Authorization'));
    if (result.status === 403) {
      org.calls.record('userinfo', result.text.length);
      return new HttpResponse(result.text, { status: 403, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    }
    return sendAnswer(org, 'userinfo', result, { ...jsonHeaders });
  };
  return [...new Set(hosts)].flatMap((host) => [http.get(`${host}/services/oauth2/userinfo`, answer), http.post(`${host}/services/oauth2/userinfo`, answer)]);
}

/**
 * MSW handlers answering the Salesforce REST API from `org`, as the documented API does: the
 * query resources (`/query?q=`, `/queryAll?q=`, follow-ups), the sObject resources (create,
 * retrieve, update, upsert by external id, delete), sObject Collections, composite, and the
 * OAuth token endpoint on `loginUrl`, and UserInfo on both hosts. Works under `msw/node` (tests, benchmarks) and
 * `msw/browser` (demo, Storybook): no Node imports.
 */
export function salesforceHandlers(org: SalesforceOrg, options: SalesforceHandlerOptions): HttpHandler[] {
  const base = options.instanceUrl.replace(/\/+$/, '');
  const loginUrl = (options.loginUrl ?? defaultLoginUrl).replace(/\/+$/, '');
  const highest = versionNumber(options.apiVersion ?? defaultSalesforceApiVersion);
  if (highest === null) throw new Error(`apiVersion must look like v66.0, got ${options.apiVersion ?? ''}`);
  const knobs = options.knobs ?? createSalesforceKnobs();
  const answer = createResponder(org, knobs, highest);
  for (const token of options.accessTokens ?? []) org.sessions.issue(token);
  const userInfo = userInfoHandlers([base, loginUrl], { oauth: org.oauth, sessions: org.sessions, loginUrl, instanceUrl: base, apiVersion: options.apiVersion ?? defaultSalesforceApiVersion }, org, knobs);
  return [...queryHandlers(base, org, answer), ...writeHandlers(base, org, answer, highest), tokenHandler(loginUrl, base, org, knobs), ...userInfo];
}
