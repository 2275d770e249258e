/**
 * CRM-neutral transport layers. Each is a function from transport to transport, one concern each,
 * so an adapter stacks them. A suggested order, outermost first:
 *
 *   withRetry            — waits out RATE_LIMITED / TIMEOUT / UNAVAILABLE, bounded
 *   withConcurrencyLimit — below retry, so a backoff does not hold a slot
 *   withTokenRefresh     — adds Authorization; one single-flight refresh on AUTH_EXPIRED
 *   withUsageTracking    — reads the allocation from every response (retries and refreshes too)
 *   withCallAccounting   — round trips and bytes
 *   createFetchTransport
 *
 * and `withBudgetGuard` on top of that stack for optional background work only. Token endpoints
 * are called through a plain transport, never through `withTokenRefresh`.
 */
export { abortable, cancelledError, sleep, throwIfAborted } from './abort';
export { fullJitterDelay, retryAfterMs } from './backoff';
export type { ResponseClassifier } from './responseClassifier';
export { createSemaphore } from './semaphore';
export type { Release, Semaphore } from './semaphore';
export { createTokenSource } from './tokenSource';
export type { IssuedTokens, TokenSource, TokenSourceOptions } from './tokenSource';
export { withConcurrencyLimit } from './withConcurrencyLimit';
export type { ConcurrencyLimitOptions } from './withConcurrencyLimit';
export { withRetry } from './withRetry';
export type { RetryEvent, RetryOptions } from './withRetry';
export { isAuthExpired, withTokenRefresh } from './withTokenRefresh';
export type { TokenRefreshOptions } from './withTokenRefresh';
export { usageFraction, withBudgetGuard, withUsageTracking } from './withUsageTracking';
export type { ApiUsage, BudgetGuardOptions, UsageParser, UsageTrackingOptions, UsageTrackingTransport } from './withUsageTracking';
