import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { salesforceTestClient } from '../../testing/salesforceTestClient';
import { salesforceHandlers } from '../salesforceHandlers';
import { createSalesforceKnobs } from '../salesforceKnobs';
import { createSalesforceOrg, type SalesforceOrg } from '../salesforceOrg';
import { base64UrlEncode, pkceChallenge } from './base64url';
import { defaultSalesforceUsername } from './salesforceOAuth';

/** The OAuth token endpoint over real fetch (msw/node): web server + PKCE, refresh, JWT bearer. */
const instanceUrl = 'https://kizuna-oauth.my.salesforce.com';
const loginUrl = 'https://login.kizuna-test.example';
const now = Date.parse('2026-06-01T09:30:00Z');
const knobs = createSalesforceKnobs();
let org: SalesforceOrg = createSalesforceOrg(canonicalFixture(), { now: () => now });
const server = setupServer();
const sf = salesforceTestClient(instanceUrl, 'unused');
const token = (form: Record<string, string>) => sf.token(loginUrl, form);
const redirectUri = 'https://app.kizuna.example/oauth/callback';
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(knobs, createSalesforceKnobs());
  org = createSalesforceOrg(canonicalFixture(), { now: () => now });
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, loginUrl, knobs }));
});

async function codeFlow(options: { verifier?: string } = {}) {
  const code = org.oauth.issueAuthorizationCode({ clientId: 'kizuna-app', redirectUri, codeChallenge: await pkceChallenge(verifier) });
  return token({ grant_type: 'authorization_code', code, client_id: 'kizuna-app', redirect_uri: redirectUri, code_verifier: options.verifier ?? verifier });
}

const error = (name: string, description: string) => ({ status: 400, body: { error: name, error_description: description } });
const statusAndBody = (reply: { status: number; body: unknown }) => ({ status: reply.status, body: reply.body });

describe('grant_type=authorization_code (PKCE S256)', () => {
  it('answers the E.3 token response, and the access token works on the REST API', async () => {
    const reply = await codeFlow();
    expect(reply.status).toBe(200);
    const body = reply.body as Record<string, string>;
    const userId = org.oauth.userId(defaultSalesforceUsername) ?? '';
    expect(body).toEqual({
      access_token: expect.stringMatching(new RegExp(`^${org.oauth.orgId.slice(0, 15)}!AQ[0-9A-Za-z]+$`)),
      refresh_token: expect.stringMatching(/^5Aep/),
      signature: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      scope: 'api refresh_token',
      instance_url: instanceUrl,
      id: `${loginUrl}/id/${org.oauth.orgId}/${userId}`,
      token_type: 'Bearer',
      issued_at: String(now),
    });
    const api = salesforceTestClient(instanceUrl, body['access_token'] ?? '');
    expect((await api.query('SELECT COUNT() FROM Account')).body).toEqual({ totalSize: 3, done: true, records: [] });
  });

  it('is single-use, checks the verifier, the redirect URI and the client', async () => {
    const code = org.oauth.issueAuthorizationCode({ clientId: 'kizuna-app', redirectUri });
    const form = { grant_type: 'authorization_code', code, client_id: 'kizuna-app', redirect_uri: redirectUri };
    expect((await token(form)).status).toBe(200);
    expect(statusAndBody(await token(form))).toEqual(error('invalid_grant', 'expired authorization code'));
    expect(statusAndBody(await codeFlow({ verifier: 'wrong-verifier' }))).toEqual(error('invalid_grant', 'invalid code verifier'));
    const other = org.oauth.issueAuthorizationCode({ clientId: 'kizuna-app', redirectUri });
    expect(statusAndBody(await token({ ...form, code: other, redirect_uri: 'https://evil.example/cb' }))).toEqual(
      error('redirect_uri_mismatch', 'redirect_uri must match configuration'),
    );
    expect(statusAndBody(await token({ ...form, client_id: 'nobody' }))).toEqual(error('invalid_client_id', 'client identifier invalid'));
    expect(statusAndBody(await token({ grant_type: 'password' }))).toEqual(error('unsupported_grant_type', 'grant type not supported'));
  });
});

describe('grant_type=refresh_token', () => {
  const refresh = async () => ((await codeFlow()).body as { refresh_token: string }).refresh_token;

  it('returns a new access token and no refresh token without rotation', async () => {
    const reply = await token({ grant_type: 'refresh_token', refresh_token: await refresh(), client_id: 'kizuna-app' });
    expect(reply.status).toBe(200);
    expect(reply.body).not.toHaveProperty('refresh_token');
    expect(reply.body).toMatchObject({ token_type: 'Bearer', instance_url: instanceUrl, scope: 'api refresh_token' });
  });

  it('with rotateRefreshTokens, hands out a new refresh token and refuses the spent one', async () => {
    knobs.rotateRefreshTokens = true;
    const first = await refresh();
    const rotated = await token({ grant_type: 'refresh_token', refresh_token: first, client_id: 'kizuna-app' });
    const second = (rotated.body as { refresh_token: string }).refresh_token;
    expect(second).toMatch(/^5Aep/);
    expect(second).not.toBe(first);
    expect(statusAndBody(await token({ grant_type: 'refresh_token', refresh_token: first, client_id: 'kizuna-app' }))).toEqual(
      error('invalid_grant', 'expired access/refresh token'),
    );
    expect((await token({ grant_type: 'refresh_token', refresh_token: second, client_id: 'kizuna-app' })).status).toBe(200);
  });
});

describe('grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer', () => {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  const keys = crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const strangerKeys = crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);

  async function assertion(claims: Record<string, unknown>, signer?: CryptoKey): Promise<string> {
    const encode = (value: unknown) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
    const input = `${encode({ alg: 'RS256' })}.${encode({ iss: 'kizuna-server', sub: defaultSalesforceUsername, aud: loginUrl, exp: now / 1000 + 180, ...claims })}`;
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', signer ?? (await keys).privateKey, new TextEncoder().encode(input));
    return `${input}.${base64UrlEncode(new Uint8Array(signature))}`;
  }
  const jwtGrant = async (claims: Record<string, unknown> = {}, signer?: CryptoKey) =>
    statusAndBody(await token({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: await assertion(claims, signer) }));

  beforeEach(async () => {
    org.oauth.registerJwtClient({ clientId: 'kizuna-server', publicKeyJwk: await crypto.subtle.exportKey('jwk', (await keys).publicKey) });
  });

  it('answers access_token, scope, instance_url, id and token_type: never a refresh token', async () => {
    const userId = org.oauth.addUser('batch@kizuna.example');
    const reply = await jwtGrant({ sub: 'batch@kizuna.example' });
    expect(reply).toEqual({
      status: 200,
      body: {
        access_token: expect.stringMatching(/!AQ/),
        scope: 'api',
        instance_url: instanceUrl,
        id: `${loginUrl}/id/${org.oauth.orgId}/${userId}`,
        token_type: 'Bearer',
      },
    });
    expect(org.sessions.status((reply.body as { access_token: string }).access_token, null)).toBe('valid');
  });

  it('checks the signature, audience, expiry, subject and issuer', async () => {
    expect(await jwtGrant({}, (await strangerKeys).privateKey)).toEqual(error('invalid_grant', 'invalid assertion'));
    expect(await jwtGrant({ aud: 'https://login.salesforce.com' })).toEqual(error('invalid_grant', 'audience is invalid'));
    expect(await jwtGrant({ exp: now / 1000 - 1 })).toEqual(error('invalid_grant', 'expired authorization code'));
    expect(await jwtGrant({ sub: 'stranger@kizuna.example' })).toEqual(error('invalid_grant', "user hasn't approved this consumer"));
    expect(await jwtGrant({ iss: 'unknown-app' })).toEqual(error('invalid_client_id', 'client identifier invalid'));
    expect(statusAndBody(await token({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'not.a-jwt' }))).toEqual(
      error('invalid_grant', 'invalid assertion'),
    );
  });

  it('counts token requests as `token`, outside the daily API allocation', async () => {
    await jwtGrant();
    expect(org.calls.snapshot()).toMatchObject({ total: 1, apiUsage: 0, byEndpoint: { token: 1 } });
  });
});
