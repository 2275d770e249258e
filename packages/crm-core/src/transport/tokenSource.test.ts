import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../crmError';
import { deferred, settle } from './scriptedTransport';
import { createTokenSource, type IssuedTokens } from './tokenSource';

describe('createTokenSource', () => {
  it('hands out the token it holds, and obtains one first when it holds none (JWT bearer style)', async () => {
    const grant = vi.fn((_refreshToken: string | undefined) => Promise.resolve({ accessToken: 'A1' }));
    await expect(createTokenSource({ accessToken: 'A0', grant }).current()).resolves.toBe('A0');
    expect(grant).not.toHaveBeenCalled();

    await expect(createTokenSource({ grant }).current()).resolves.toBe('A1');
    expect(grant).toHaveBeenCalledWith(undefined);
  });

  it('makes one grant for any number of concurrent refreshes', async () => {
    const answer = deferred<IssuedTokens>();
    const grant = vi.fn(() => answer.promise);
    const tokens = createTokenSource({ accessToken: 'A1', refreshToken: 'R1', grant });
    const waiting = [tokens.refresh('A1'), tokens.refresh('A1'), tokens.refresh(), tokens.current()];
    answer.resolve({ accessToken: 'A2' });
    await expect(Promise.all(waiting)).resolves.toEqual(['A2', 'A2', 'A2', 'A1']);
    expect(grant).toHaveBeenCalledTimes(1);
  });

  it('does not refresh again for a token that was already replaced', async () => {
    const grant = vi.fn(() => Promise.resolve({ accessToken: 'A2' }));
    const tokens = createTokenSource({ accessToken: 'A1', refreshToken: 'R1', grant });
    await tokens.refresh('A1');
    await expect(tokens.refresh('A1')).resolves.toBe('A2');
    expect(grant).toHaveBeenCalledTimes(1);
  });

  it('serialises rotation: the rotated refresh token is stored before any other refresh starts', async () => {
    const events: string[] = [];
    const stored = deferred<undefined>();
    let issued = 1;
    const tokens = createTokenSource({
      accessToken: 'A1',
      refreshToken: 'R1',
      grant: (refreshToken) => {
        events.push(`grant with ${refreshToken ?? 'none'}`);
        issued += 1;
        return Promise.resolve({ accessToken: `A${issued}`, refreshToken: `R${issued}` });
      },
      onRefreshTokenRotated: async (refreshToken) => {
        events.push(`store ${refreshToken}`);
        if (refreshToken === 'R2') await stored.promise;
      },
    });

    const first = tokens.refresh('A1');
    await settle();
    // Still storing R2: any refresh asked for now joins the one in flight; none starts beside it.
    const joined = tokens.refresh();
    stored.resolve(undefined);
    await expect(Promise.all([first, joined])).resolves.toEqual(['A2', 'A2']);

    await expect(tokens.refresh('A2')).resolves.toBe('A3');
    expect(events).toEqual(['grant with R1', 'store R2', 'grant with R2', 'store R3']);
  });

  it('keeps the refresh token when the CRM does not rotate it', async () => {
    const grant = vi.fn((_refreshToken: string | undefined) => Promise.resolve({ accessToken: 'next' }));
    const tokens = createTokenSource({ accessToken: 'A1', refreshToken: 'R1', grant });
    await tokens.refresh();
    await tokens.refresh();
    expect(grant.mock.calls).toEqual([['R1'], ['R1']]);
  });

  it('remembers a refused refresh token instead of asking again, but not a passing outage', async () => {
    const outage = vi.fn(() => Promise.reject(new CrmError('UNAVAILABLE', 'Salesforce is down.')));
    const flaky = createTokenSource({ accessToken: 'A1', refreshToken: 'R1', grant: outage });
    await expect(flaky.refresh()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(flaky.refresh()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(outage).toHaveBeenCalledTimes(2);

    const revoked = vi.fn(() => Promise.reject(new CrmError('AUTH_INVALID', 'Sign in to Salesforce again.')));
    const dead = createTokenSource({ accessToken: 'A1', refreshToken: 'R1', grant: revoked });
    await expect(dead.refresh()).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    await expect(dead.refresh()).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(revoked).toHaveBeenCalledTimes(1);
  });
});
