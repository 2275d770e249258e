/** Retry timing of the outbox: exponential with "full jitter", capped. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The wait before retry number `attempt` (1 = first retry): a uniform draw in
 * `[0, min(cap, base·2^(attempt−1))]`, floored at half the base so a burst of failures does not
 * hammer the CRM. "Full jitter" spreads the retries of many clients after a shared outage
 * (AWS Architecture Blog, "Exponential Backoff and Jitter").
 */
export function retryDelayMs(attempt: number, random: () => number, policy: BackoffPolicy = defaultBackoff): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(policy.baseMs / 2, Math.round(random() * ceiling));
}

/** CRM error codes that a later attempt can fix; any other refusal waits for the user. */
const retryableCodes = new Set(['RATE_LIMITED', 'DAILY_LIMIT', 'UNAVAILABLE', 'TIMEOUT', 'AUTH_EXPIRED', 'NETWORK']);

export function isRetryable(code: string | undefined): boolean {
  return code === undefined || retryableCodes.has(code);
}
