import { describe, expect, it, vi } from 'vitest';
import { CrmError, type CrmErrorCode } from '../crmError';
import { answersInOrder, classifyByStatus, httpResponse, settle } from './scriptedTransport';
import { withRetry, type RetryEvent, type RetryOptions } from './withRetry';

const classify = classifyByStatus({
  400: 'INVALID_QUERY',
  401: 'AUTH_INVALID',
  403: 'PERMISSION_DENIED',
  408: 'TIMEOUT',
  420: 'DAILY_LIMIT',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
});
const request = { method: 'GET', url: 'https://acme.my.salesforce.com/services/data/v66.0/query?q=x' } as const;

/** Fixed randomness and a sleep that records instead of waiting. */
function fakeClock(random = 0.5) {
  const delays: number[] = [];
  const options = {
    classify,
    baseDelayMs: 100,
    random: () => random,
    sleep: (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    },
    now: () => Date.parse('2026-03-02T10:00:00Z'),
  } satisfies RetryOptions;
  return { delays, options };
}

describe('withRetry', () => {
  it('retries a retryable failure with exponential backoff and full jitter', async () => {
    const { transport, requests } = answersInOrder(httpResponse(503), httpResponse(429), httpResponse(200, 'ok'));
    const { delays, options } = fakeClock(0.5);
    await expect(withRetry(transport, options)(request)).resolves.toMatchObject({ status: 200, text: 'ok' });
    expect(requests).toHaveLength(3);
    // half of 100 × 2^0, then half of 100 × 2^1
    expect(delays).toEqual([50, 100]);
  });

  it('stops after maxAttempts and hands back the last answer', async () => {
    const { transport, requests } = answersInOrder(...Array.from({ length: 4 }, () => httpResponse(503)));
    const { delays, options } = fakeClock(0.999);
    const onRetry = vi.fn((_event: RetryEvent) => undefined);
    const answer = await withRetry(transport, { ...options, maxAttempts: 4, maxDelayMs: 250, onRetry })(request);
    expect(answer.status).toBe(503);
    expect(requests).toHaveLength(4);
    expect(delays).toEqual([99, 199, 249]); // the third ceiling, 400, is capped at maxDelayMs
    expect(onRetry.mock.calls.map(([event]) => event.attempt)).toEqual([1, 2, 3]);
  });

  it('bounds the total wait', async () => {
    const { transport, requests } = answersInOrder(...Array.from({ length: 10 }, () => httpResponse(503)));
    const { delays, options } = fakeClock(0.999);
    await withRetry(transport, { ...options, maxAttempts: 10, maxTotalDelayMs: 500 })(request);
    expect(delays).toEqual([99, 199]); // a further 399 would pass 500
    expect(requests).toHaveLength(3);
  });

  it('waits as long as Retry-After asks, in seconds or as a date', async () => {
    const { transport } = answersInOrder(
      httpResponse(429, '', { 'Retry-After': '2' }),
      httpResponse(503, '', { 'Retry-After': 'Mon, 02 Mar 2026 10:00:03 GMT' }),
      httpResponse(200),
    );
    const { delays, options } = fakeClock();
    await withRetry(transport, { ...options, maxDelayMs: 5_000 })(request);
    expect(delays).toEqual([2_000, 3_000]);
  });

  it('gives up rather than retry sooner than Retry-After allows', async () => {
    const { transport, requests } = answersInOrder(httpResponse(429, '', { 'Retry-After': '3600' }));
    const { delays, options } = fakeClock();
    await expect(withRetry(transport, options)(request)).resolves.toMatchObject({ status: 429 });
    expect(delays).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it.each<[number, CrmErrorCode]>([
    [420, 'DAILY_LIMIT'],
    [401, 'AUTH_INVALID'],
    [403, 'PERMISSION_DENIED'],
    [400, 'INVALID_QUERY'],
  ])('never retries HTTP %i (%s)', async (status) => {
    const { transport, requests } = answersInOrder(httpResponse(status));
    const { delays, options } = fakeClock();
    await expect(withRetry(transport, options)(request)).resolves.toMatchObject({ status });
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries thrown retryable errors and rethrows the rest', async () => {
    const unreachable = new CrmError('UNAVAILABLE', 'The CRM could not be reached: fetch failed');
    const { transport, requests } = answersInOrder(unreachable, httpResponse(200));
    const { options } = fakeClock();
    await expect(withRetry(transport, options)(request)).resolves.toMatchObject({ status: 200 });
    expect(requests).toHaveLength(2);

    const refused = new CrmError('DAILY_LIMIT', 'TotalRequests Limit exceeded.');
    const once = answersInOrder(refused);
    await expect(withRetry(once.transport, options)(request)).rejects.toBe(refused);
    expect(once.requests).toHaveLength(1);
  });

  it('stops waiting and sends nothing more when the caller aborts mid-backoff', async () => {
    const { transport, requests } = answersInOrder(httpResponse(503), httpResponse(200));
    const controller = new AbortController();
    const sleep = (_ms: number, signal?: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new CrmError('CANCELLED', 'The request was cancelled.')));
      });
    const answer = withRetry(transport, { classify, random: () => 0.5, sleep })({ ...request, signal: controller.signal });
    await settle();
    controller.abort();
    await expect(answer).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(requests).toHaveLength(1);
  });

  it('sends nothing for a request already aborted', async () => {
    const { transport, requests } = answersInOrder(httpResponse(200));
    const { options } = fakeClock();
    await expect(withRetry(transport, options)({ ...request, signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses options that would not bound anything', () => {
    const { transport } = answersInOrder();
    expect(() => withRetry(transport, { classify, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => withRetry(transport, { classify, maxTotalDelayMs: Infinity })).toThrow(/maxTotalDelayMs/);
  });
});
