import { delay, HttpResponse } from 'msw';
import type { ZohoSession } from './oauth/zohoOAuth';
import { authenticationFailure, internalError, invalidToken, tooManyRequests, ZohoApiError } from './zohoApiError';
import type { ZohoEndpoint } from './zohoCallStats';
import type { ZohoFault } from './zohoKnobs';
import type { ZohoOrg } from './zohoOrg';
import type { ZohoAnswer } from './zohoResource';

export const zohoJsonHeaders = { 'Content-Type': 'application/json;charset=utf-8' };
const encoder = new TextEncoder();

/** Runs the resource once the request is admitted, with the token's session. */
export type ZohoRun = (session: ZohoSession) => ZohoAnswer | Promise<ZohoAnswer>;
export type ZohoResponder = (request: Request, endpoint: ZohoEndpoint, run: ZohoRun) => Promise<Response>;

/** `Authorization: Zoho-oauthtoken <token>` (not `Bearer`: reference §A, TS SDK `OAUTH_HEADER_PREFIX`). */
function zohoToken(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Zoho-oauthtoken\s+(\S+)$/.exec(header);
  return match?.[1] ?? null;
}

function admit(org: ZohoOrg, request: Request): ZohoSession {
  const token = zohoToken(request);
  // No header, another scheme or a garbled one: AUTHENTICATION_FAILURE; a token this data
  // centre did not issue, or an expired one: INVALID_TOKEN (reference §C 401).
  if (token === null) throw authenticationFailure();
  const session = org.oauth.session(token);
  if (session === undefined || org.oauth.status(token) !== 'valid') throw invalidToken();
  org.oauth.use(token);
  const limit = org.knobs.tooManyRequestsAfter;
  if (limit !== null && org.calls.apiCalls >= limit) throw tooManyRequests();
  org.calls.admit();
  return session;
}

function faultAnswer(fault: ZohoFault): ZohoAnswer | null {
  switch (fault) {
    case 'internalError':
      return { status: 500, body: internalError().body() };
    case 'serviceUnavailable':
      return { status: 503, body: new ZohoApiError(503, 'INTERNAL_ERROR', 'Service temporarily unavailable').body() };
    case 'tooManyRequests':
      return { status: 429, body: tooManyRequests().body() };
    case 'invalidToken':
      return { status: 401, body: invalidToken().body() };
    default:
      return null;
  }
}

/** Puts an answer on the wire and counts it; 204 goes out with no body and no content type. */
export function sendZohoAnswer(org: ZohoOrg, endpoint: ZohoEndpoint, answer: ZohoAnswer, mangle: 'none' | 'html' | 'truncate' = 'none'): Response {
  if (answer.status === 204 || answer.status === 304) {
    org.calls.record(endpoint, 0);
    return new HttpResponse(null, { status: answer.status });
  }
  const json = JSON.stringify(answer.body);
  const text =
    mangle === 'truncate'
      ? json.slice(0, Math.floor(json.length / 2))
      : mangle === 'html'
        ? '<html><head><title>Zoho</title></head><body><h1>Something went wrong</h1></body></html>'
        : json;
  org.calls.record(endpoint, encoder.encode(text).length);
  const headers = mangle === 'html' ? { 'Content-Type': 'text/html;charset=utf-8' } : zohoJsonHeaders;
  return new HttpResponse(text, { status: answer.status, headers });
}

/**
 * What every CRM API request goes through: the concurrency caps (overall, and the separate
 * COQL one), latency, admission (token, its data centre and expiry, the 429 budget), injected
 * faults, the resource, then accounting. "In flight" means waiting out `latencyMs`.
 */
export function createZohoResponder(org: ZohoOrg): ZohoResponder {
  let inFlight = 0;
  let coqlInFlight = 0;
  return async (request, endpoint, run) => {
    const knobs = org.knobs;
    const isCoql = endpoint === 'coql';
    if (
      (knobs.concurrencyLimit !== null && inFlight >= knobs.concurrencyLimit) ||
      (isCoql && knobs.coqlConcurrencyLimit !== null && coqlInFlight >= knobs.coqlConcurrencyLimit)
    ) {
      return sendZohoAnswer(org, endpoint, { status: 429, body: tooManyRequests().body() });
    }
    inFlight += 1;
    if (isCoql) coqlInFlight += 1;
    let answer: ZohoAnswer;
    let mangle: 'none' | 'html' | 'truncate' = 'none';
    try {
      if (knobs.latencyMs > 0) await delay(knobs.latencyMs);
      const session = admit(org, request);
      const fault = knobs.failNext.shift();
      if (fault === 'timeout') {
        await delay(knobs.timeoutMs);
        org.calls.record(endpoint, 0);
        return HttpResponse.error();
      }
      mangle = fault === 'malformedBody' ? 'html' : fault === 'truncatedBody' ? 'truncate' : 'none';
      answer = (fault === undefined ? null : faultAnswer(fault)) ?? (await run(session));
      org.calls.spendCredits(answer.credits ?? 1);
    } catch (error) {
      if (!(error instanceof ZohoApiError)) throw error;
      answer = { status: error.status, body: error.body() };
    } finally {
      inFlight -= 1;
      if (isCoql) coqlInFlight -= 1;
    }
    return sendZohoAnswer(org, endpoint, answer, mangle);
  };
}
