import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { zohoDataCentres } from '../dataCentres';
import { createZohoOrg } from '../zohoOrg';
import { zohoHandlers } from '../zohoHandlers';
import { objectOf, zohoTestClient, zohoTokenRequest } from '../testing/zohoTestClient';

let clock = Date.parse('2026-06-01T00:00:00Z');
const now = (): number => clock;
const us = createZohoOrg(canonicalFixture(), { dataCentre: 'US', now });
const jp = createZohoOrg(canonicalFixture(), { dataCentre: 'JP', now });
const server = setupServer(...zohoHandlers([us, jp], { signInDataCentre: 'JP' }));
const client = { clientId: '1000.KIZUNA', clientSecret: 'secret', redirectUris: ['https://app.example/callback'] };
us.oauth.registerClient(client);
jp.oauth.registerClient(client);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const exchange = (accountsServer: string, code: string) =>
  zohoTokenRequest(accountsServer, {
    grant_type: 'authorization_code',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uri: 'https://app.example/callback',
    code,
  });

describe('Zoho Accounts OAuth, several data centres', () => {
  it('serves each data centre on its own hosts', () => {
    expect(zohoDataCentres.CA.accountsServer).toBe('https://accounts.zohocloud.ca');
    expect(zohoDataCentres.CN).toEqual({ location: 'cn', accountsServer: 'https://accounts.zoho.com.cn', apiDomain: 'https://www.zohoapis.com.cn' });
    expect([us.apiDomain, jp.apiDomain, jp.accountsServer]).toEqual(['https://www.zohoapis.com', 'https://www.zohoapis.jp', 'https://accounts.zoho.jp']);
  });

  it('authorize on accounts.zoho.com redirects with code, location and accounts-server; the code is exchanged there for api_domain', async () => {
    const authorize = new URL('https://accounts.zoho.com/oauth/v2/auth');
    for (const [key, value] of Object.entries({
      scope: 'ZohoCRM.modules.ALL,ZohoCRM.coql.READ,ZohoCRM.users.READ',
      client_id: client.clientId,
      response_type: 'code',
      access_type: 'offline',
      redirect_uri: 'https://app.example/callback',
      state: 'xyz',
    })) {
      authorize.searchParams.set(key, value);
    }
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('Location') ?? '');
    expect(back.searchParams.get('location')).toBe('jp');
    expect(back.searchParams.get('accounts-server')).toBe('https://accounts.zoho.jp');
    expect(back.searchParams.get('state')).toBe('xyz');
    const code = back.searchParams.get('code') ?? '';

    const wrongServer = await exchange('https://accounts.zoho.com', code);
    expect(wrongServer.status).toBe(200);
    expect(wrongServer.body).toEqual({ error: 'invalid_code' });

    const tokens = await exchange('https://accounts.zoho.jp', code);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual({
      access_token: expect.stringMatching(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/),
      refresh_token: expect.stringMatching(/^1000\./),
      api_domain: 'https://www.zohoapis.jp',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect((await exchange('https://accounts.zoho.jp', code)).body).toEqual({ error: 'invalid_code' });

    const access = String(objectOf(tokens.body)['access_token']);
    const me = await zohoTestClient('https://www.zohoapis.jp', access).get('/users?type=CurrentUser');
    expect(me.status).toBe(200);
    expect(objectOf(me.body)['users']).toEqual([expect.objectContaining({ id: jp.admin.id, locale: 'ja_JP', time_zone: 'Asia/Tokyo', email: jp.admin.email })]);
    const elsewhere = await zohoTestClient('https://www.zohoapis.com', access).get('/users?type=CurrentUser');
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  });

  it('answers token errors with HTTP 200 and an error key', async () => {
    expect((await zohoTokenRequest(jp.accountsServer, { grant_type: 'authorization_code', client_id: 'nobody', client_secret: 'x', code: 'x' })).body).toEqual({ error: 'invalid_client' });
    const { code } = jp.oauth.issueAuthorizationCode({ clientId: client.clientId, redirectUri: 'https://app.example/callback' });
    const wrongRedirect = await zohoTokenRequest(jp.accountsServer, {
      grant_type: 'authorization_code',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uri: 'https://elsewhere.example/',
      code,
    });
    expect(wrongRedirect.status).toBe(200);
    expect(wrongRedirect.body).toEqual({ error: 'invalid_redirect_uri' });
    const { code: late } = jp.oauth.issueAuthorizationCode({ clientId: client.clientId, redirectUri: 'https://app.example/callback' });
    clock += 3 * 60 * 1000;
    expect((await exchange(jp.accountsServer, late)).body).toEqual({ error: 'invalid_code' });
  });

  it('refreshes without a new refresh token, at most 10 times per 10 minutes', async () => {
    const { code } = us.oauth.issueAuthorizationCode({ clientId: client.clientId, redirectUri: 'https://app.example/callback' });
    const refreshToken = String(objectOf((await exchange(us.accountsServer, code)).body)['refresh_token']);
    const refresh = () =>
      zohoTokenRequest(us.accountsServer, { grant_type: 'refresh_token', client_id: client.clientId, client_secret: client.clientSecret, refresh_token: refreshToken });
    for (let i = 0; i < 10; i += 1) {
      const reply = await refresh();
      expect(Object.keys(objectOf(reply.body)).sort()).toEqual(['access_token', 'api_domain', 'expires_in', 'token_type']);
    }
    const throttled = await refresh();
    expect(throttled.status).toBe(200);
    expect(objectOf(throttled.body)['error']).toBe('Access Denied');
    clock += 10 * 60 * 1000 + 1;
    expect(objectOf((await refresh()).body)['api_domain']).toBe('https://www.zohoapis.com');
    expect((await zohoTokenRequest(us.accountsServer, { grant_type: 'refresh_token', client_id: client.clientId, client_secret: client.clientSecret, refresh_token: '1000.nope' })).body).toEqual({
      error: 'invalid_code',
    });
  });

  it('revokes a refresh token and the access tokens minted from it', async () => {
    const { code } = us.oauth.issueAuthorizationCode({ clientId: client.clientId, redirectUri: 'https://app.example/callback' });
    const tokens = objectOf((await exchange(us.accountsServer, code)).body);
    const api = zohoTestClient(us.apiDomain, String(tokens['access_token']));
    expect((await api.get('/users?type=CurrentUser')).status).toBe(200);
    const revoke = await fetch(`${us.accountsServer}/oauth/v2/token/revoke?token=${String(tokens['refresh_token'])}`, { method: 'POST' });
    expect(await revoke.json()).toEqual({ status: 'success' });
    expect(objectOf((await api.get('/users?type=CurrentUser')).body)['code']).toBe('INVALID_TOKEN');
  });

  it('expires access tokens after an hour (401 INVALID_TOKEN) and refuses other schemes (401 AUTHENTICATION_FAILURE)', async () => {
    const session = us.oauth.issueAccessToken();
    const api = zohoTestClient(us.apiDomain, session.token);
    expect((await api.get('/Accounts?fields=Account_Name')).status).toBe(200);
    const bearer = await api.get('/Accounts?fields=Account_Name', { authorization: `Bearer ${session.token}` });
    expect(bearer.status).toBe(401);
    expect(objectOf(bearer.body)['code']).toBe('AUTHENTICATION_FAILURE');
    clock += 60 * 60 * 1000;
    expect(objectOf((await api.get('/Accounts?fields=Account_Name')).body)['code']).toBe('INVALID_TOKEN');
  });
});
