/** A fault the next authenticated request answers with instead of its real answer. */
export type ZohoFault =
  /** 500 INTERNAL_ERROR. */
  | 'internalError'
  /** 503 with Zoho's request-level envelope (code `INTERNAL_ERROR`): a maintenance window or overloaded node. */
  | 'serviceUnavailable'
  /** 429 TOO_MANY_REQUESTS, as when the credits or the concurrency are exhausted. */
  | 'tooManyRequests'
  /** 401 INVALID_TOKEN although the token is valid (revoked meanwhile): the client should refresh. */
  | 'invalidToken'
  /** No answer for `timeoutMs`, then a network error: a client timeout should fire first. */
  | 'timeout'
  /** 200 with an HTML page instead of JSON, as a proxy in front of the API might send. */
  | 'malformedBody'
  /** 200 with the real JSON body cut in half. */
  | 'truncatedBody';

/** Runtime knobs of the simulated Zoho CRM API. The handlers read them on every request: mutate freely. */
export interface ZohoKnobs {
  /** Delay before every answer, in ms (the token endpoint too). */
  latencyMs: number;
  /** Lifetime of access tokens issued from now on, in ms. Zoho's is one hour (`expires_in: 3600`). */
  accessTokenLifetimeMs: number;
  /** A token expires (401 INVALID_TOKEN) after this many calls made with it; `null`: never. */
  tokenExpiresAfterCalls: number | null;
  /** After this many admitted API calls, every call answers 429 TOO_MANY_REQUESTS (credits exhausted); `null`: never. */
  tooManyRequestsAfter: number | null;
  /**
   * More requests than this waiting out `latencyMs` at once → 429 TOO_MANY_REQUESTS at once;
   * `null`: no cap. Zoho's is 5–25 per app by edition (reference §C Concurrency).
   */
  concurrencyLimit: number | null;
  /** The separate sub-concurrency cap of COQL requests (10 in every edition); `null`: no cap. */
  coqlConcurrencyLimit: number | null;
  /** Faults consumed one per authenticated request, first first. Push to inject. */
  failNext: ZohoFault[];
  /** How long a `'timeout'` fault hangs before the network error, in ms. */
  timeoutMs: number;
  /** Lifetime of records-API page tokens, in ms (24 h documented). */
  pageTokenLifetimeMs: number;
  /** Access tokens one refresh token may mint per `refreshWindowMs` (10 per 10 minutes documented). */
  refreshLimit: number;
  refreshWindowMs: number;
}

export const zohoAccessTokenLifetimeMs = 60 * 60 * 1000;
export const zohoPageTokenLifetimeMs = 24 * 60 * 60 * 1000;

export function createZohoKnobs(overrides: Partial<ZohoKnobs> = {}): ZohoKnobs {
  return {
    latencyMs: overrides.latencyMs ?? 0,
    accessTokenLifetimeMs: overrides.accessTokenLifetimeMs ?? zohoAccessTokenLifetimeMs,
    tokenExpiresAfterCalls: overrides.tokenExpiresAfterCalls ?? null,
    tooManyRequestsAfter: overrides.tooManyRequestsAfter ?? null,
    concurrencyLimit: overrides.concurrencyLimit ?? null,
    coqlConcurrencyLimit: overrides.coqlConcurrencyLimit ?? null,
    failNext: overrides.failNext ?? [],
    timeoutMs: overrides.timeoutMs ?? 30_000,
    pageTokenLifetimeMs: overrides.pageTokenLifetimeMs ?? zohoPageTokenLifetimeMs,
    refreshLimit: overrides.refreshLimit ?? 10,
    refreshWindowMs: overrides.refreshWindowMs ?? 10 * 60 * 1000,
  };
}
