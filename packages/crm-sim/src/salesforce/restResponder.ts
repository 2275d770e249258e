import { delay, HttpResponse } from 'msw';
import type { SalesforceEndpoint } from './apiCallStats';
import { checkVersion, errorAnswer, type RestAnswer } from './restAnswer';
import {
  concurrentLimitExceeded,
  invalidSession,
  requestLimitExceeded,
  SalesforceApiError,
  sessionNotValidForRest,
} from './salesforceApiError';
import type { SalesforceFault, SalesforceKnobs } from './salesforceKnobs';
import type { SalesforceOrg } from './salesforceOrg';

export const jsonHeaders = { 'Content-Type': 'application/json;charset=UTF-8' };
const encoder = new TextEncoder();

/** Runs the resource once the request is admitted. */
export type Run = () => RestAnswer | Promise<RestAnswer>;
export type Responder = (request: Request, endpoint: SalesforceEndpoint, version: string, run: Run) => Promise<Response>;

function faultAnswer(fault: SalesforceFault): RestAnswer | undefined {
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
    case 'sessionNotValidForRest':
      throw sessionNotValidForRest();
    case 'malformedBody':
      return undefined;
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header === null ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Checks version, session and allocation, as the API does before running anything. */
function admit(org: SalesforceOrg, knobs: SalesforceKnobs, highest: number, request: Request, version: string): string {
  checkVersion(version, highest);
  const token = bearerToken(request);
  if (token === null || org.sessions.status(token, knobs.tokenExpiresAfterCalls) !== 'valid') throw invalidSession();
  org.sessions.use(token);
  if (org.calls.apiUsage >= knobs.dailyLimit) throw requestLimitExceeded();
  return `api-usage=${org.calls.useAllocation()}/${knobs.dailyLimit}`;
}

/** Puts an answer on the wire and counts it (one call, its body bytes). */
export function sendAnswer(org: SalesforceOrg, endpoint: SalesforceEndpoint, answer: RestAnswer, headers: Record<string, string>, truncate = false): Response {
  const allHeaders = { ...headers, ...answer.headers };
  if (answer.status === 204) {
    delete allHeaders['Content-Type'];
    org.calls.record(endpoint, 0);
    return new HttpResponse(null, { status: 204, headers: allHeaders });
  }
  const json = JSON.stringify(answer.body);
  const text = truncate ? json.slice(0, Math.floor(json.length / 2)) : json;
  org.calls.record(endpoint, encoder.encode(text).length);
  return new HttpResponse(text, { status: answer.status, headers: allHeaders });
}

/**
 * What every REST request goes through: the concurrency limit and latency, admission (version,
 * session, daily allocation), injected faults, the resource, then accounting. "In flight" means
 * waiting out `latencyMs`: with no latency nothing overlaps, so `concurrentLimit` never trips.
 */
export function createResponder(org: SalesforceOrg, knobs: SalesforceKnobs, highest: number): Responder {
  let inFlight = 0;
  const wait = async (): Promise<void> => {
    if (knobs.latencyMs <= 0) return;
    inFlight += 1;
    try {
      await delay(knobs.latencyMs);
    } finally {
      inFlight -= 1;
    }
  };
  return async (request, endpoint, version, run) => {
    const headers: Record<string, string> = { ...jsonHeaders };
    // Refused at once, before admission: no allocation spent, no Sforce-Limit-Info.
    if (knobs.concurrentLimit !== null && inFlight >= knobs.concurrentLimit) {
      return sendAnswer(org, endpoint, errorAnswer(concurrentLimitExceeded()), headers);
    }
    let result: RestAnswer;
    let truncate = false;
    try {
      await wait();
      headers['Sforce-Limit-Info'] = admit(org, knobs, highest, request, version);
      const fault = knobs.failNext.shift();
      truncate = fault === 'malformedBody';
      result = (fault === undefined ? undefined : faultAnswer(fault)) ?? (await run());
    } catch (error) {
      if (!(error instanceof SalesforceApiError)) throw error;
      if (error.errorCode === 'REQUEST_LIMIT_EXCEEDED') headers['Sforce-Limit-Info'] = `api-usage=${org.calls.apiUsage}/${knobs.dailyLimit}`;
      if (error.status === 401) delete headers['Sforce-Limit-Info'];
      result = errorAnswer(error);
    }
    return sendAnswer(org, endpoint, result, headers, truncate);
  };
}
