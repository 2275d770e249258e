import { CrmError, toCrmError } from './crmError';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** An absolute URL. Adapters build it from a validated base; transports never join user text. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The raw body text; adapters parse and validate it. */
  readonly text: string;
}

/** One round trip. Layers (auth, retry, accounting) wrap a transport and are transports themselves. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The bottom layer: a real round trip through `fetch`. Network failures become CrmErrors. */
export function createFetchTransport(fetchImpl: FetchLike = (input, init) => fetch(input, init)): HttpTransport {
  return async (request) => {
    try {
      const init: RequestInit = { method: request.method };
      if (request.headers !== undefined) init.headers = request.headers;
      if (request.body !== undefined) init.body = request.body;
      if (request.signal !== undefined) init.signal = request.signal;
      const response = await fetchImpl(request.url, init);
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      throw toCrmError(error);
    }
  };
}

/** Adds `Authorization` from a token source (kept in memory; never written anywhere). */
export function withBearerAuth(
  transport: HttpTransport,
  getAccessToken: () => string | Promise<string>,
  scheme = 'Bearer',
): HttpTransport {
  return async (request) => {
    const token = await getAccessToken();
    return transport({ ...request, headers: { ...request.headers, Authorization: `${scheme} ${token}` } });
  };
}

export interface CallStats {
  /** Round trips made. */
  calls: number;
  /** Bytes of response bodies received. */
  bytesReceived: number;
}

/** Counts round trips and bytes; the figures behind every "API cost" claim. */
export function withCallAccounting(transport: HttpTransport, stats: CallStats): HttpTransport {
  return async (request) => {
    stats.calls += 1;
    const response = await transport(request);
    stats.bytesReceived += new TextEncoder().encode(response.text).byteLength;
    return response;
  };
}

/** Parses a JSON body or fails with MALFORMED_RESPONSE naming what was expected. */
export function parseJsonBody(response: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch (error) {
    throw new CrmError('MALFORMED_RESPONSE', `The CRM's ${what} was not valid JSON (HTTP ${response.status}).`, {
      status: response.status,
      cause: error,
    });
  }
}
