/** A fault the next request answers with instead of its real answer. */
export type SalesforceFault =
  /** 500 UNKNOWN_EXCEPTION */
  | 'serverError'
  /** 503 SERVER_UNAVAILABLE */
  | 'serviceUnavailable'
  /** 400 QUERY_TIMEOUT "Your query request was running for too long." */
  | 'queryTimeout'
  /** 200 with the real body cut in half: not valid JSON. */
  | 'malformedBody'
  /** 401 INVALID_SESSION_ID "This session is not valid for use with the REST API" (refreshing does not help). */
  | 'sessionNotValidForRest';

/** Runtime knobs of the simulated REST API. The handlers read them on every request: mutate freely. */
export interface SalesforceKnobs {
  /** Delay before every answer, in ms. */
  latencyMs: number;
  /** A token expires (401 INVALID_SESSION_ID) after this many calls made with it; `null`: never. */
  tokenExpiresAfterCalls: number | null;
  /** Daily API allocation: past it, 403 REQUEST_LIMIT_EXCEEDED. Shown as `api-usage=N/<dailyLimit>`. */
  dailyLimit: number;
  /** Faults consumed one per authenticated request, first first. Push to inject. */
  failNext: SalesforceFault[];
  /**
   * More requests than this waiting out `latencyMs` at once → 403 REQUEST_LIMIT_EXCEEDED
   * "ConcurrentRequests (Concurrent API Requests) Limit exceeded."; `null`: no limit.
   */
  concurrentLimit: number | null;
  /** Refresh token rotation: each refresh returns a new refresh token and spends the old one. */
  rotateRefreshTokens: boolean;
}

/** Enterprise Edition's base allocation (100,000 + 1,000 × licences); the sim has no licences. */
export const defaultDailyApiLimit = 100_000;

export function createSalesforceKnobs(overrides: Partial<SalesforceKnobs> = {}): SalesforceKnobs {
  return {
    latencyMs: overrides.latencyMs ?? 0,
    tokenExpiresAfterCalls: overrides.tokenExpiresAfterCalls ?? null,
    dailyLimit: overrides.dailyLimit ?? defaultDailyApiLimit,
    failNext: overrides.failNext ?? [],
    concurrentLimit: overrides.concurrentLimit ?? null,
    rotateRefreshTokens: overrides.rotateRefreshTokens ?? false,
  };
}
