/**
 * "Full jitter" exponential backoff: a uniformly random wait between 0 and
 * min(maxDelayMs, baseDelayMs × 2^(retry − 1)), so clients that failed together do not retry together.
 * `retry` counts from 1; `random` returns a number in [0, 1).
 */
export function fullJitterDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  const fraction = Math.min(Math.max(random(), 0), 1);
  return Math.floor(fraction * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds (`120`) or an
 * HTTP date. `undefined` when the header is absent or unreadable.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const value = headers.get('Retry-After')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
