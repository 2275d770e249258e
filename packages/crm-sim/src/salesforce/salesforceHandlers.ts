import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { SalesforceEndpoint } from './apiCallStats';
import { runQuery, runQueryMore, batchSizeOf } from './queryResource';
import {
  invalidSession,
  notFound,
  requestLimitExceeded,
  SalesforceApiError,
} from './salesforceApiError';
import { createSalesforceKnobs, type SalesforceFault, type SalesforceKnobs } from './salesforceKnobs';
import { defaultSalesforceApiVersion, type SalesforceOrg } from './salesforceOrg';

export interface SalesforceHandlerOptions {
  /** The org's My Domain, e.g. `https://acme.my.salesforce.com` (no trailing slash needed). */
  readonly instanceUrl: string;
  /** Highest API version served; lower versions (v31.0+) are answered too. Default `v66.0`. */
  readonly apiVersion?: string;
  /** Bearer tokens accepted from the start; more can be issued with `org.sessions.issue()`. */
  readonly accessTokens?: readonly string[];
  /** Latency, token expiry, daily limit and injected faults; read on every request. */
  readonly knobs?: SalesforceKnobs;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const jsonHeaders = { 'Content-Type': 'application/json;charset=UTF-8' };
const encoder = new TextEncoder();

function faultAnswer(fault: SalesforceFault): Answer | undefined {
  switch (fault) {
    case 'serverError':
      return {
        status: 500,
        body: [{ message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1180204739-24357 (-1398574432)', errorCode: 'UNKNOWN_EXCEPTION' }],
      };
    case 'serviceUnavailable':
      return { status: 503, body: [{ message: 'Server is temporarily unavailable. Please try again later.', errorCode: 'SERVER_UNAVAILABLE' }] };
    case 'queryTimeout':
      return { status: 400, body: [{ message: 'Your query request was running for too long.', errorCode: 'QUERY_TIMEOUT' }] };
    case 'malformedBody':
      return undefined;
  }
}

function versionNumber(version: string): number | null {
  const match = /^v(\d{2,3})\.0$/.exec(version);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

type Responder = (request: Request, endpoint: SalesforceEndpoint, version: string, run: () => unknown) => Promise<Response>;

/** Checks version, session and allocation, as the API does before running anything. */
function admit(org: SalesforceOrg, knobs: SalesforceKnobs, highest: number, request: Request, version: string): string {
  const requested = versionNumber(version);
  if (requested === null || requested < 31 || requested > highest) throw notFound();
  const token = bearerToken(request);
  if (token === null || org.sessions.status(token, knobs.tokenExpiresAfterCalls) !== 'valid') throw invalidSession();
  org.sessions.use(token);
  if (org.calls.apiUsage >= knobs.dailyLimit) throw requestLimitExceeded();
  return `api-usage=${org.calls.useAllocation()}/${knobs.dailyLimit}`;
}

/** What every request goes through: latency, admission, injected faults, accounting. */
function createResponder(org: SalesforceOrg, knobs: SalesforceKnobs, highest: number): Responder {
  return async (request, endpoint, version, run) => {
    if (knobs.latencyMs > 0) await delay(knobs.latencyMs);
    const headers: Record<string, string> = { ...jsonHeaders };
    let result: Answer;
    let truncate = false;
    try {
      headers['Sforce-Limit-Info'] = admit(org, knobs, highest, request, version);
      const fault = knobs.failNext.shift();
      truncate = fault === 'malformedBody';
      result = (fault === undefined ? undefined : faultAnswer(fault)) ?? { status: 200, body: run() };
    } catch (error) {
      if (!(error instanceof SalesforceApiError)) throw error;
      if (error.errorCode === 'REQUEST_LIMIT_EXCEEDED') headers['Sforce-Limit-Info'] = `api-usage=${org.calls.apiUsage}/${knobs.dailyLimit}`;
      result = { status: error.status, body: error.body() };
    }
    const json = JSON.stringify(result.body);
    const text = truncate ? json.slice(0, Math.floor(json.length / 2)) : json;
    org.calls.record(endpoint, encoder.encode(text).length);
    return new HttpResponse(text, { status: result.status, headers });
  };
}

/**
 * MSW handlers answering the Salesforce REST query resources from `org`, as the documented API
 * does: `/query?q=`, `/queryAll?q=`, and their follow-ups `/query/<locator>`, `/queryAll/<locator>`.
 * Works under `msw/node` (tests, benchmarks) and `msw/browser` (demo, Storybook): no Node imports.
 */
export function salesforceHandlers(org: SalesforceOrg, options: SalesforceHandlerOptions): HttpHandler[] {
  const base = options.instanceUrl.replace(/\/+$/, '');
  const highest = versionNumber(options.apiVersion ?? defaultSalesforceApiVersion);
  if (highest === null) throw new Error(`apiVersion must look like v66.0, got ${options.apiVersion ?? ''}`);
  const answer = createResponder(org, options.knobs ?? createSalesforceKnobs(), highest);
  for (const token of options.accessTokens ?? []) org.sessions.issue(token);

  const queryHandler = (resource: 'query' | 'queryAll') =>
    http.get(`${base}/services/data/:version/${resource}`, ({ request, params }) => {
      const version = String(params['version']);
      return answer(request, resource, version, () =>
        runQuery(org, new URL(request.url).searchParams.get('q'), {
          version,
          includeDeleted: resource === 'queryAll',
          batchSize: batchSizeOf(request.headers.get('Sforce-Query-Options')),
        }),
      );
    });
  const queryMoreHandler = (resource: 'query' | 'queryAll') =>
    http.get(`${base}/services/data/:version/${resource}/:locator`, ({ request, params }) => {
      const version = String(params['version']);
      return answer(request, 'queryMore', version, () => runQueryMore(org, String(params['locator']), version));
    });

  return [queryHandler('query'), queryHandler('queryAll'), queryMoreHandler('query'), queryMoreHandler('queryAll')];
}
