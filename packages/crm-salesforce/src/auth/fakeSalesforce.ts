import type { HttpRequest, HttpResponse, HttpTransport } from '@kizuna/crm-core';

/*
 * Test doubles for this folder's tests (not exported from the package): a token endpoint and an
 * org that answer as the reference says Salesforce does, without network or timers.
 */

export const loginUrl = 'https://login.salesforce.com';
export const instanceUrl = 'https://acme.my.salesforce.com';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers({ 'content-type': 'application/json;charset=UTF-8', ...headers }), text: JSON.stringify(body) };
}

/** A token response as reference E.3 shows it. */
export function tokenBody(accessToken: string, extra: Record<string, string> = {}) {
  return {
    id: 'https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P',
    issued_at: '1278448384422',
    instance_url: `${instanceUrl}/`,
    signature: 'SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=',
    access_token: accessToken,
    token_type: 'Bearer',
    scope: 'id api refresh_token',
    ...extra,
  };
}

export interface Recorded {
  readonly transport: HttpTransport;
  readonly requests: HttpRequest[];
  /** The form fields of each POST. */
  forms(): Record<string, string>[];
}

export function recording(answer: (request: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse>): Recorded {
  const requests: HttpRequest[] = [];
  return {
    requests,
    transport: async (request) => {
      requests.push(request);
      return answer(request, requests.length - 1);
    },
    forms: () => requests.map((request) => Object.fromEntries(new URLSearchParams(request.body ?? ''))),
  };
}

/** The token endpoint answering each request with the next of `answers`. */
export function tokenEndpoint(...answers: HttpResponse[]): Recorded {
  return recording(() => {
    const next = answers.shift();
    if (next === undefined) throw new Error('unexpected token request');
    return next;
  });
}

export const sessionExpired = () => json(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
export const notForRestApi = () =>
  json(401, [{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]);
