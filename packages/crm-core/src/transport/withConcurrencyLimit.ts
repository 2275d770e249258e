import type { HttpTransport } from '../httpTransport';
import { createSemaphore, type Semaphore } from './semaphore';

/** Either a cap of its own, or a semaphore shared with other stacks (one cap per app and org). */
export type ConcurrencyLimitOptions = { readonly max: number } | { readonly semaphore: Semaphore };

/**
 * At most `max` requests in flight through this layer; the rest wait in order of arrival, and a
 * waiting request whose signal fires leaves the queue with CANCELLED. For app-side caps: Zoho's
 * concurrency limits (5–25 per edition, 10 for COQL), Salesforce's concurrent long-running calls.
 * Place it below `withRetry`, so a request waiting out a backoff does not hold a slot.
 */
export function withConcurrencyLimit(transport: HttpTransport, options: ConcurrencyLimitOptions): HttpTransport {
  const semaphore = 'semaphore' in options ? options.semaphore : createSemaphore(options.max);
  return async (request) => {
    const release = await semaphore.acquire(request.signal);
    try {
      return await transport(request);
    } finally {
      release();
    }
  };
}
