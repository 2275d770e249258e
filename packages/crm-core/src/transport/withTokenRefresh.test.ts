import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../crmError';
import type { HttpResponse } from '../httpTransport';
import {
  classifyByStatus,
  deferred,
  httpResponse,
  scriptedTransport,
  settle,
  tokenOf,
} from './scriptedTransport';
import { createTokenSource, type IssuedTokens } from './tokenSource';
import { withTokenRefresh } from './withTokenRefresh';

// 401 = session expired (a refresh can fix it); 403 stands in for "not valid for this API".
const classify = classifyByStatus({ 401: 'AUTH_EXPIRED', 403: 'AUTH_INVALID' });
const request = { method: 'GET', url: 'https://acme.my.salesforce.com/services/data/v66.0/limits' } as const;

/** A CRM that accepts only `valid` and answers 401 to every other token. */
function crmAccepting(valid: string) {
  return scriptedTransport((sent) => httpResponse(tokenOf(sent) === valid ? 200 : 401));
}

function tokensWith(grant: () => Promise<IssuedTokens>) {
  const spy = vi.fn(grant);
  return { spy, tokens: createTokenSource({ accessToken: 'old', refreshToken: 'R1', grant: spy }) };
}

describe('withTokenRefresh', () => {
  it('sends the current token in the scheme asked for', async () => {
    const { transport, requests } = crmAccepting('old');
    const { tokens } = tokensWith(() => Promise.resolve({ accessToken: 'unused' }));
    await withTokenRefresh(transport, { tokens, classify, scheme: 'Zoho-oauthtoken' })(request);
    expect(requests[0]?.headers?.['Authorization']).toBe('Zoho-oauthtoken old');
  });

  it('refreshes once for ten concurrent expiries and retries each request once', async () => {
    const granted = deferred<IssuedTokens>();
    const { transport, requests } = crmAccepting('new');
    const { spy, tokens } = tokensWith(() => granted.promise);
    const send = withTokenRefresh(transport, { tokens, classify });

    const answers = Promise.all(Array.from({ length: 10 }, () => send(request)));
    await settle();
    granted.resolve({ accessToken: 'new' });

    expect((await answers).map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(requests.map(tokenOf)).toEqual([...Array(10).fill('old'), ...Array(10).fill('new')]);
  });

  it('does not refresh again when a late expiry arrives for a token already replaced', async () => {
    const late = deferred<HttpResponse>();
    const { transport, requests } = scriptedTransport((sent, index) =>
      index === 0 ? late.promise : httpResponse(tokenOf(sent) === 'new' ? 200 : 401),
    );
    const { spy, tokens } = tokensWith(() => Promise.resolve({ accessToken: 'new' }));
    const send = withTokenRefresh(transport, { tokens, classify });

    const slow = send(request);
    await expect(send(request)).resolves.toMatchObject({ status: 200 });
    late.resolve(httpResponse(401));
    await expect(slow).resolves.toMatchObject({ status: 200 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(requests.map(tokenOf)).toEqual(['old', 'old', 'new', 'new']);
  });

  it('never refreshes on an error a refresh cannot fix', async () => {
    const { transport, requests } = scriptedTransport(() => httpResponse(403));
    const { spy, tokens } = tokensWith(() => Promise.resolve({ accessToken: 'new' }));
    await expect(withTokenRefresh(transport, { tokens, classify })(request)).resolves.toMatchObject({ status: 403 });
    expect(spy).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
  });

  it('lets a second expiry after the refresh surface instead of looping', async () => {
    const { transport, requests } = crmAccepting('nothing works');
    const { spy, tokens } = tokensWith(() => Promise.resolve({ accessToken: 'new' }));
    const answer = await withTokenRefresh(transport, { tokens, classify })(request);
    expect(classify(answer)?.code).toBe('AUTH_EXPIRED');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(requests.map(tokenOf)).toEqual(['old', 'new']);
  });

  it('surfaces a failed refresh as the refresh error, without retrying the request', async () => {
    const { transport, requests } = crmAccepting('new');
    const { tokens } = tokensWith(() => Promise.reject(new CrmError('AUTH_INVALID', 'Sign in to Salesforce again.')));
    await expect(withTokenRefresh(transport, { tokens, classify })(request)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(requests).toHaveLength(1);
  });

  it('lets one caller give up on a shared refresh while the others carry on', async () => {
    const granted = deferred<IssuedTokens>();
    const { transport } = crmAccepting('new');
    const { tokens } = tokensWith(() => granted.promise);
    const send = withTokenRefresh(transport, { tokens, classify });
    const controller = new AbortController();

    const impatient = send({ ...request, signal: controller.signal });
    const patient = send(request);
    await settle();
    controller.abort();
    await expect(impatient).rejects.toMatchObject({ code: 'CANCELLED' });
    granted.resolve({ accessToken: 'new' });
    await expect(patient).resolves.toMatchObject({ status: 200 });
  });
});
