import { describe, expect, it } from 'vitest';
import { answering, jsonResponse } from '../testing/fakeTransport';
import { exchangeZohoCode, parseAuthorizationRedirect, zohoAuthorizationUrl } from './oauthFlow';
import { readTokenResponse } from './tokenResponse';
import { createZohoTokenSource } from './zohoTokenSource';

const client = { clientId: '1000.ABC', clientSecret: 'shh', redirectUri: 'https://app.example/callback' };
const grant = { accountsServer: 'https://accounts.zoho.jp', clientId: client.clientId, clientSecret: client.clientSecret, refreshToken: '1000.refresh' };
const tokenBody = (access: string) => ({ access_token: access, api_domain: 'https://www.zohoapis.jp', token_type: 'Bearer', expires_in: 3600 });

describe('Zoho OAuth across data centres', () => {
  it('authorises at the global accounts server and exchanges the code at the one the redirect names', async () => {
    const url = new URL(zohoAuthorizationUrl(client, 'state-1'));
    expect(url.origin).toBe('https://accounts.zoho.com');
    expect(url.searchParams.get('scope')).toBe('ZohoCRM.modules.ALL,ZohoCRM.coql.READ,ZohoCRM.users.READ');
    expect(url.searchParams.get('access_type')).toBe('offline');
    const redirect = parseAuthorizationRedirect('https://app.example/callback?state=state-1&code=1000.code&location=jp&accounts-server=https%3A%2F%2Faccounts.zoho.jp', 'state-1');
    const { transport, requests } = answering(() => jsonResponse(200, { ...tokenBody('1000.access'), refresh_token: '1000.refresh' }));
    const tokens = await exchangeZohoCode(transport, client, redirect);
    expect(requests[0]?.url).toBe('https://accounts.zoho.jp/oauth/v2/token');
    expect(new URLSearchParams(requests[0]?.body).get('grant_type')).toBe('authorization_code');
    expect(tokens).toEqual({ accessToken: '1000.access', refreshToken: '1000.refresh', apiDomain: 'https://www.zohoapis.jp', expiresIn: 3600 });
  });

  it('refuses a redirect from another sign-in or to a host that is not Zoho', () => {
    expect(() => parseAuthorizationRedirect('https://app.example/callback?state=other&code=c', 'state-1')).toThrow(/state mismatch/);
    expect(() => parseAuthorizationRedirect('https://app.example/callback?state=s&code=c&accounts-server=https%3A%2F%2Fevil.example', 's')).toThrow(/accounts server/);
    expect(() => parseAuthorizationRedirect('https://app.example/callback?error=access_denied', 's')).toThrow(/access_denied/);
  });

  it('detects token errors that arrive as HTTP 200 with an error key', () => {
    expect(() => readTokenResponse(jsonResponse(200, { error: 'invalid_code' }))).toThrow(/invalid, expired or revoked/);
    expect(() => readTokenResponse(jsonResponse(200, { error: 'invalid_client' }))).toThrow(/enable multi-DC/);
    expect(() => readTokenResponse(jsonResponse(200, { ...tokenBody('a'), api_domain: 'https://evil.example' }))).toThrow(/API domain/);
    expect(readTokenResponse(jsonResponse(200, { ...tokenBody('a'), expires_in: 3_600_000, expires_in_sec: 3600 })).expiresIn).toBe(3600);
  });

  it('caches the access token for its hour, keeps the refresh token, and refreshes when it expires', async () => {
    let now = 0;
    const { transport, requests } = answering((_request, index) => jsonResponse(200, tokenBody(`access-${index}`)));
    const source = createZohoTokenSource({ grant, transport, now: () => now });
    expect(await source.current()).toBe('access-0');
    expect(await source.current()).toBe('access-0');
    now = 59 * 60_000 + 1; // within the last minute of the hour: renewed early
    expect(await source.current()).toBe('access-1');
    expect(requests.map((request) => new URLSearchParams(request.body).get('refresh_token'))).toEqual(['1000.refresh', '1000.refresh']);
    expect(requests.every((request) => request.url === 'https://accounts.zoho.jp/oauth/v2/token')).toBe(true);
  });

  it('never asks Zoho for more than 10 access tokens in 10 minutes', async () => {
    let now = 0;
    const { transport, requests } = answering((_request, index) => jsonResponse(200, tokenBody(`access-${index}`)));
    const source = createZohoTokenSource({ grant, transport, now: () => now });
    for (let index = 0; index < 10; index += 1) await source.refresh();
    await expect(source.refresh()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(requests).toHaveLength(10);
    now = 10 * 60_000 + 1;
    expect(await source.refresh()).toBe('access-10');
  });

  it('shares one refresh among concurrent callers', async () => {
    const { transport, requests } = answering(() => jsonResponse(200, tokenBody('fresh')));
    const source = createZohoTokenSource({ grant, transport, accessToken: 'old' });
    expect(await Promise.all([source.refresh('old'), source.refresh('old'), source.refresh('old')])).toEqual(['fresh', 'fresh', 'fresh']);
    expect(requests).toHaveLength(1);
  });
});
