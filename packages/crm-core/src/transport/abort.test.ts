import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortable, sleep } from './abort';
import { deferred } from './scriptedTransport';

describe('sleep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after the wait', async () => {
    const done = vi.fn();
    void sleep(1_000).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();
  });

  it('rejects with CANCELLED as soon as the signal fires', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('abortable', () => {
  it('leaves the shared promise running for others', async () => {
    const shared = deferred<string>();
    const controller = new AbortController();
    const mine = abortable(shared.promise, controller.signal);
    controller.abort();
    await expect(mine).rejects.toMatchObject({ code: 'CANCELLED' });
    shared.resolve('token');
    await expect(shared.promise).resolves.toBe('token');
  });
});
