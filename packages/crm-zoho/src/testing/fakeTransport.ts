import type { HttpRequest, HttpResponse, HttpTransport } from '@kizuna/crm-core';

/*
 * Test doubles (not exported from the package): a transport that answers from a function of the
 * request with documented Zoho shapes, and records what it was asked.
 */

export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers(headers), text: body === undefined ? '' : JSON.stringify(body) };
}

export interface Recorded {
  readonly transport: HttpTransport;
  readonly requests: HttpRequest[];
}

export function answering(answer: (request: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse>): Recorded {
  const requests: HttpRequest[] = [];
  return {
    requests,
    transport: async (request) => {
      requests.push(request);
      return answer(request, requests.length - 1);
    },
  };
}

/** The COQL text of a request (`{"select_query": …}`), or undefined. */
export function coqlOf(request: HttpRequest | undefined): string | undefined {
  if (request?.body === undefined) return undefined;
  const body: unknown = JSON.parse(request.body);
  return typeof body === 'object' && body !== null && 'select_query' in body && typeof body.select_query === 'string' ? body.select_query : undefined;
}

export function bodyOf(request: HttpRequest | undefined): unknown {
  return request?.body === undefined ? undefined : JSON.parse(request.body);
}

/** Zoho's request-level error envelope. */
export function zohoError(status: number, code: string, message = '', details: Record<string, unknown> = {}): HttpResponse {
  return jsonResponse(status, { code, details, message, status: 'error' });
}
