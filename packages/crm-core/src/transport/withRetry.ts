import { type CrmError, retryableCrmErrorCodes, toCrmError } from '../crmError';
import type { HttpRequest, HttpResponse, HttpTransport } from '../httpTransport';
import { sleep as realSleep, throwIfAborted } from './abort';
import { fullJitterDelay, retryAfterMs } from './backoff';
import type { ResponseClassifier } from './responseClassifier';
import { positiveInteger, nonNegativeNumber } from './validateOptions';

export interface RetryEvent {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: CrmError;
}

export interface RetryOptions {
  readonly classify: ResponseClassifier;
  /** Attempts in all, the first included. Default 4. */
  readonly maxAttempts?: number;
  /** Default 500 ms. */
  readonly baseDelayMs?: number;
  /** The longest single wait, including one asked for by `Retry-After`. Default 8 s. */
  readonly maxDelayMs?: number;
  /** The most waited over all retries of one request. Default 20 s. */
  readonly maxTotalDelayMs?: number;
  /** Default: the closed list `retryableCrmErrorCodes` (RATE_LIMITED, TIMEOUT, UNAVAILABLE). */
  readonly isRetryable?: (error: CrmError) => boolean;
  /** A number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** Default: a real timer. Must reject when `signal` fires. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch milliseconds, for `Retry-After` dates. Default `Date.now`. */
  readonly now?: () => number;
  /** Told before each wait (for logs and call accounting; carries no tokens). */
  readonly onRetry?: (event: RetryEvent) => void;
}

type Outcome =
  | { readonly response: HttpResponse; readonly error: CrmError | undefined }
  | { readonly response: undefined; readonly error: CrmError };

async function attemptOnce(transport: HttpTransport, request: HttpRequest, classify: ResponseClassifier): Promise<Outcome> {
  try {
    const response = await transport(request);
    return { response, error: classify(response) };
  } catch (thrown) {
    return { response: undefined, error: toCrmError(thrown) };
  }
}

interface Settings {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxTotalDelayMs: number;
  readonly isRetryable: (error: CrmError) => boolean;
  readonly random: () => number;
  readonly now: () => number;
}

function settingsOf(options: RetryOptions): Settings {
  return {
    maxAttempts: positiveInteger(options.maxAttempts ?? 4, 'maxAttempts'),
    baseDelayMs: nonNegativeNumber(options.baseDelayMs ?? 500, 'baseDelayMs'),
    maxDelayMs: nonNegativeNumber(options.maxDelayMs ?? 8_000, 'maxDelayMs'),
    maxTotalDelayMs: nonNegativeNumber(options.maxTotalDelayMs ?? 20_000, 'maxTotalDelayMs'),
    isRetryable: options.isRetryable ?? ((error) => retryableCrmErrorCodes.has(error.code)),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

/** How long to wait before the next attempt, or `undefined` to give up. */
function delayBefore(next: number, outcome: Outcome, waitedMs: number, settings: Settings): number | undefined {
  const { error, response } = outcome;
  if (error === undefined || !settings.isRetryable(error) || next > settings.maxAttempts) return undefined;
  const asked = response === undefined ? undefined : retryAfterMs(response.headers, settings.now());
  const delayMs = asked ?? fullJitterDelay(next - 1, settings.baseDelayMs, settings.maxDelayMs, settings.random);
  // A server asking for a longer wait than allowed is answered by giving up, never by retrying early.
  if (delayMs > settings.maxDelayMs || waitedMs + delayMs > settings.maxTotalDelayMs) return undefined;
  return delayMs;
}

/**
 * Retries requests that failed with a retryable code, with exponential backoff and full jitter,
 * honouring `Retry-After`, within bounded attempts and total wait. Everything else — DAILY_LIMIT,
 * AUTH_INVALID, PERMISSION_DENIED, INVALID_* — passes straight through. On giving up it returns the
 * last response (or rethrows the last error) as the layer below produced it.
 *
 * A retry repeats the request as it is: put only idempotent calls through this layer (reads,
 * composite reads, upserts by external ID).
 */
export function withRetry(transport: HttpTransport, options: RetryOptions): HttpTransport {
  const settings = settingsOf(options);
  const wait = options.sleep ?? realSleep;
  return async (request) => {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      throwIfAborted(request.signal);
      const outcome = await attemptOnce(transport, request, options.classify);
      const delayMs = delayBefore(attempt + 1, outcome, waitedMs, settings);
      if (delayMs === undefined || outcome.error === undefined) {
        if (outcome.response === undefined) throw outcome.error;
        return outcome.response;
      }
      options.onRetry?.({ attempt, delayMs, error: outcome.error });
      waitedMs += delayMs;
      await wait(delayMs, request.signal);
    }
  };
}
