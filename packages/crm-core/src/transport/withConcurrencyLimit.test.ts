import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../httpTransport';
import { deferred, httpResponse, scriptedTransport, settle, type Deferred } from './scriptedTransport';
import { createSemaphore } from './semaphore';
import { withConcurrencyLimit } from './withConcurrencyLimit';

/** A CRM whose answers the test releases one by one; it tracks how many calls are open. */
function heldCrm() {
  const open: { url: string; answer: Deferred<HttpResponse> }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const { transport } = scriptedTransport(async (request) => {
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const answer = deferred<HttpResponse>();
    open.push({ url: request.url, answer });
    try {
      return await answer.promise;
    } finally {
      inFlight -= 1;
    }
  });
  return { transport, open, mostInFlight: () => mostInFlight };
}

const get = (n: number, signal?: AbortSignal) => ({ method: 'GET' as const, url: `https://crm.example/${n}`, ...(signal ? { signal } : {}) });

describe('withConcurrencyLimit', () => {
  it('keeps at most max calls open and starts the waiting ones in order of arrival', async () => {
    const crm = heldCrm();
    const send = withConcurrencyLimit(crm.transport, { max: 2 });
    const answers = [1, 2, 3, 4, 5].map((n) => send(get(n)));
    await settle();
    expect(crm.open.map((call) => call.url)).toEqual(['https://crm.example/1', 'https://crm.example/2']);

    crm.open[1]?.answer.resolve(httpResponse(200));
    await settle();
    expect(crm.open.map((call) => call.url.slice(-1))).toEqual(['1', '2', '3']);
    for (let finished = 0; finished < 5; finished += 1) {
      crm.open[finished]?.answer.resolve(httpResponse(200));
      await settle();
    }
    await Promise.all(answers);
    expect(crm.open.map((call) => call.url.slice(-1))).toEqual(['1', '2', '3', '4', '5']);
    expect(crm.mostInFlight()).toBe(2);
  });

  it('lets a waiting call leave the queue when its signal fires', async () => {
    const crm = heldCrm();
    const send = withConcurrencyLimit(crm.transport, { max: 1 });
    const controller = new AbortController();
    const first = send(get(1));
    const impatient = send(get(2, controller.signal));
    const third = send(get(3));
    await settle();
    controller.abort();
    await expect(impatient).rejects.toMatchObject({ code: 'CANCELLED' });

    crm.open[0]?.answer.resolve(httpResponse(200));
    await first;
    await settle();
    crm.open[1]?.answer.resolve(httpResponse(200));
    await third;
    expect(crm.open.map((call) => call.url.slice(-1))).toEqual(['1', '3']);
  });

  it('frees the slot when a call fails', async () => {
    const semaphore = createSemaphore(1);
    const { transport } = scriptedTransport(() => Promise.reject(new Error('connection reset')));
    const send = withConcurrencyLimit(transport, { semaphore });
    await expect(send(get(1))).rejects.toThrow('connection reset');
    expect(semaphore.active).toBe(0);
  });

  it('applies one cap across stacks that share a semaphore', async () => {
    const crm = heldCrm();
    const semaphore = createSemaphore(1);
    const reads = withConcurrencyLimit(crm.transport, { semaphore });
    const coql = withConcurrencyLimit(crm.transport, { semaphore });
    const a = reads(get(1));
    const b = coql(get(2));
    await settle();
    expect(crm.open).toHaveLength(1);
    expect(semaphore.waiting).toBe(1);
    crm.open[0]?.answer.resolve(httpResponse(200));
    await settle();
    crm.open[1]?.answer.resolve(httpResponse(200));
    await Promise.all([a, b]);
  });
});

describe('createSemaphore', () => {
  it('gives a slot back only once, however often release is called', async () => {
    const semaphore = createSemaphore(1);
    const release = await semaphore.acquire();
    const next = semaphore.acquire();
    release();
    release();
    await next;
    expect(semaphore.active).toBe(1);
    expect(semaphore.waiting).toBe(0);
  });

  it('refuses a cap below one', () => {
    expect(() => createSemaphore(0)).toThrow(/max/);
  });
});
