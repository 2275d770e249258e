import { describe, expect, it } from 'vitest';
import { fullJitterDelay, retryAfterMs } from './backoff';

describe('fullJitterDelay', () => {
  it('draws between zero and a doubling ceiling, capped', () => {
    expect([1, 2, 3, 4, 5].map((retry) => fullJitterDelay(retry, 100, 1_000, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(fullJitterDelay(3, 100, 1_000, () => 0)).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it('reads delay-seconds and HTTP dates, and ignores the unreadable', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '120' }), now)).toBe(120_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Mon, 02 Mar 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Mon, 02 Mar 2026 09:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});
