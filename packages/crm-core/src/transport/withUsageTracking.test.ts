import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../httpTransport';
import { answersInOrder, httpResponse } from './scriptedTransport';
import { usageFraction, withBudgetGuard, withUsageTracking, type ApiUsage } from './withUsageTracking';

/** A stand-in for a CRM's usage header, `X-Usage: used/limit`. */
function parseUsage(response: HttpResponse) {
  const match = /^(\d+)\/(\d+)$/.exec(response.headers.get('X-Usage') ?? '');
  return match === null ? undefined : { used: Number(match[1]), limit: Number(match[2]) };
}
const request = { method: 'GET', url: 'https://crm.example/api' } as const;

describe('withUsageTracking', () => {
  it('reads usage from every response that carries it, errors included', async () => {
    let clock = 1_000;
    const { transport } = answersInOrder(
      httpResponse(200, '', { 'X-Usage': '10/100' }),
      httpResponse(200),
      httpResponse(403, '', { 'X-Usage': '100/100' }),
    );
    const tracked = withUsageTracking(transport, { parse: parseUsage, now: () => clock });
    expect(tracked.usage()).toBeUndefined();

    await tracked(request);
    expect(tracked.usage()).toEqual({ used: 10, limit: 100, at: 1_000 });
    clock = 2_000;
    await tracked(request);
    expect(tracked.usage()).toEqual({ used: 10, limit: 100, at: 1_000 });
    clock = 3_000;
    await tracked(request);
    expect(tracked.usage()).toEqual({ used: 100, limit: 100, at: 3_000 });
  });
});

describe('withBudgetGuard', () => {
  const at = 50_000;
  function guarded(usage: ApiUsage | undefined, now = at) {
    const { transport, requests } = answersInOrder(httpResponse(200));
    return { requests, send: withBudgetGuard(transport, { usage: () => usage, threshold: 0.8, now: () => now }) };
  }

  it('lets background work through below the threshold, or before anything was read', async () => {
    await expect(guarded({ used: 79, limit: 100, at }).send(request)).resolves.toMatchObject({ status: 200 });
    await expect(guarded(undefined).send(request)).resolves.toMatchObject({ status: 200 });
  });

  it('refuses background work at the threshold without sending anything', async () => {
    const { send, requests } = guarded({ used: 80_000, limit: 100_000, at });
    await expect(send(request)).rejects.toMatchObject({
      code: 'DAILY_LIMIT',
      crmCode: 'BUDGET_RESERVED',
      message: 'Background refresh is paused: 80000 of 100000 daily API calls are used, and the last 20% are kept for people using the dashboard.',
    });
    expect(requests).toHaveLength(0);
  });

  it('stops trusting a reading that has gone stale', async () => {
    const { send } = guarded({ used: 95, limit: 100, at }, at + 10 * 60_000 + 1);
    await expect(send(request)).resolves.toMatchObject({ status: 200 });
  });

  it('shares one reading between the interactive stack and the guarded background stack', async () => {
    const { transport } = answersInOrder(httpResponse(200, '', { 'X-Usage': '90/100' }), httpResponse(200));
    const interactive = withUsageTracking(transport, { parse: parseUsage });
    const background = withBudgetGuard(interactive, { usage: interactive.usage });
    await expect(background(request)).resolves.toMatchObject({ status: 200 });
    await expect(background(request)).rejects.toMatchObject({ code: 'DAILY_LIMIT' });
    await expect(interactive(request)).resolves.toMatchObject({ status: 200 });
  });

  it('computes the share used, above 1 when a burst overran the allocation', () => {
    expect(usageFraction({ used: 110_018, limit: 100_000, at })).toBeCloseTo(1.10018);
    expect(usageFraction(undefined)).toBeUndefined();
  });
});
