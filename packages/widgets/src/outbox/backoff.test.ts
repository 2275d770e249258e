import { describe, expect, it } from 'vitest';
import { isRetryable, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles the ceiling per attempt up to the cap, drawing uniformly below it', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 12].map((attempt) => retryDelayMs(attempt, top))).toEqual([2_000, 4_000, 8_000, 16_000, 300_000]);
    expect(retryDelayMs(3, () => 0.25)).toBe(2_000);
  });

  it('never retries at once, even on a zero draw', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
  });
});

describe('isRetryable', () => {
  it('retries transient failures and leaves refusals to the user', () => {
    expect(['RATE_LIMITED', 'UNAVAILABLE', 'TIMEOUT', 'NETWORK'].every((code) => isRetryable(code))).toBe(true);
    expect(['PERMISSION_DENIED', 'INVALID_FIELD', 'NOT_FOUND'].some((code) => isRetryable(code))).toBe(false);
  });
});
