import { createTokenSource } from '@kizuna/crm-core';
import { describe, expect, it } from 'vitest';
import { answering, jsonResponse, zohoError } from './testing/fakeTransport';
import { zohoTransport } from './zohoTransport';

const url = 'https://www.zohoapis.jp/crm/v8/Accounts?fields=id&page=1';
const noWait = { sleep: () => Promise.resolve(), random: () => 0 };

function tokens() {
  let issued = 0;
  return createTokenSource({ accessToken: 'first', grant: () => Promise.resolve({ accessToken: `renewed-${(issued += 1)}` }) });
}

describe('the Zoho transport stack', () => {
  it('sends Zoho-oauthtoken, not Bearer', async () => {
    const { transport, requests } = answering(() => jsonResponse(204));
    await zohoTransport({ tokens: tokens(), transport })({ method: 'GET', url });
    expect(requests[0]?.headers?.['Authorization']).toBe('Zoho-oauthtoken first');
  });

  it('refreshes once on INVALID_TOKEN and sends the request again', async () => {
    const { transport, requests } = answering((_request, index) => (index === 0 ? zohoError(401, 'INVALID_TOKEN', 'invalid oauth token') : jsonResponse(204)));
    const response = await zohoTransport({ tokens: tokens(), transport, retry: noWait })({ method: 'GET', url });
    expect(response.status).toBe(204);
    expect(requests.map((request) => request.headers?.['Authorization'])).toEqual(['Zoho-oauthtoken first', 'Zoho-oauthtoken renewed-1']);
  });

  it('does not refresh or retry AUTHENTICATION_FAILURE or OAUTH_SCOPE_MISMATCH', async () => {
    for (const code of ['AUTHENTICATION_FAILURE', 'OAUTH_SCOPE_MISMATCH']) {
      const { transport, requests } = answering(() => zohoError(401, code));
      const response = await zohoTransport({ tokens: tokens(), transport, retry: noWait })({ method: 'GET', url });
      expect(response.status).toBe(401);
      expect(requests).toHaveLength(1);
    }
  });

  it('backs off on 429 without relying on any rate-limit header', async () => {
    const delays: number[] = [];
    const { transport, requests } = answering((_request, index) => (index < 2 ? zohoError(429, 'TOO_MANY_REQUESTS') : jsonResponse(204)));
    const stats = { calls: 0, bytesReceived: 0 };
    const sleep = (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    };
    const response = await zohoTransport({ tokens: tokens(), transport, stats, retry: { sleep, random: () => 0.5 } })({ method: 'GET', url });
    expect(response.status).toBe(204);
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
    expect(stats.calls).toBe(3);
  });

  it('keeps COQL under its own cap of 10 and everything under the edition cap', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const { transport } = answering(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
      return jsonResponse(204);
    });
    const stack = zohoTransport({ tokens: tokens(), transport, edition: 'ultimate' });
    let done = 0;
    const calls = Array.from({ length: 14 }, () => stack({ method: 'POST', url: 'https://www.zohoapis.jp/crm/v8/coql', body: '{}' }).then(() => (done += 1)));
    while (done < calls.length) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.splice(0).forEach((release) => release());
    }
    expect(most).toBe(10);
  });
});
