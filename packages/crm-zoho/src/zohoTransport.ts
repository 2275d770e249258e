import {
  createFetchTransport,
  createSemaphore,
  withCallAccounting,
  withConcurrencyLimit,
  withRetry,
  withTokenRefresh,
  type CallStats,
  type HttpTransport,
  type RetryOptions,
  type Semaphore,
  type TokenSource,
} from '@kizuna/crm-core';
import { classifyZohoResponse, isZohoRefreshable } from './zohoError';

/** Concurrent calls per app and org by edition (Kaizen #203): Free 5 … Ultimate 25. */
export const zohoConcurrencyByEdition = { free: 5, standard: 10, professional: 15, enterprise: 20, ultimate: 25 } as const;
export type ZohoEdition = keyof typeof zohoConcurrencyByEdition;
/** Query APIs (COQL) share a sub-concurrency cap of 10 in every edition. */
export const COQL_CONCURRENCY = 10;

export interface ZohoTransportOptions {
  readonly tokens: TokenSource;
  /** The bottom transport; defaults to `fetch`. */
  readonly transport?: HttpTransport;
  /** The org's edition, for the app's concurrency cap (default `standard`: 10). */
  readonly edition?: ZohoEdition;
  /** Semaphores shared with other stacks of the same app and org (one cap per app and org). */
  readonly semaphores?: { readonly all: Semaphore; readonly coql: Semaphore };
  readonly retry?: Omit<RetryOptions, 'classify'>;
  readonly stats?: CallStats;
}

/** COQL calls take a slot of the query cap as well as one of the app's. */
function withCoqlCap(transport: HttpTransport, coql: Semaphore): HttpTransport {
  const capped = withConcurrencyLimit(transport, { semaphore: coql });
  return (request) => (request.method === 'POST' && /\/crm\/v\d+\/coql$/.test(request.url) ? capped(request) : transport(request));
}

/**
 * The Zoho stack, outermost first: retry (429 TOO_MANY_REQUESTS, timeouts and outages only,
 * exponential backoff with jitter — Zoho documents no rate-limit or Retry-After header, so none is
 * relied on) → the app's concurrency cap and COQL's separate cap (below retry, so a backoff holds
 * no slot) → `Authorization: Zoho-oauthtoken …` with one refresh on INVALID_TOKEN only → call
 * accounting → fetch.
 */
export function zohoTransport(options: ZohoTransportOptions): HttpTransport {
  const stats = options.stats ?? { calls: 0, bytesReceived: 0 };
  const counted = withCallAccounting(options.transport ?? createFetchTransport(), stats);
  const authorised = withTokenRefresh(counted, { tokens: options.tokens, classify: classifyZohoResponse, isRefreshable: isZohoRefreshable, scheme: 'Zoho-oauthtoken' });
  const semaphores = options.semaphores ?? { all: createSemaphore(zohoConcurrencyByEdition[options.edition ?? 'standard']), coql: createSemaphore(COQL_CONCURRENCY) };
  const capped = withConcurrencyLimit(withCoqlCap(authorised, semaphores.coql), { semaphore: semaphores.all });
  return withRetry(capped, { ...options.retry, classify: classifyZohoResponse });
}
