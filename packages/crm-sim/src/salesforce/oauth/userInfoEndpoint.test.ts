import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalFixture } from '../../testing/canonicalFixture';
import { salesforceHandlers } from '../salesforceHandlers';
import { createSalesforceKnobs } from '../salesforceKnobs';
import { createSalesforceOrg, type SalesforceOrg } from '../salesforceOrg';
import { pkceChallenge } from './base64url';
import { defaultSalesforceUsername } from './salesforceOAuth';

/** `/services/oauth2/userinfo` over real fetch (msw/node): who the bearer token belongs to. */
const instanceUrl = 'https://kizuna-userinfo.my.salesforce.com';
const loginUrl = 'https://login.kizuna-test.example';
const now = Date.parse('2026-06-01T09:30:00Z');
const knobs = createSalesforceKnobs();
let org: SalesforceOrg = createSalesforceOrg(canonicalFixture(), { now: () => now });
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  Object.assign(knobs, createSalesforceKnobs());
  org = createSalesforceOrg(canonicalFixture(), { now: () => now });
  server.resetHandlers(...salesforceHandlers(org, { instanceUrl, loginUrl, knobs, accessTokens: ['plain-token'] }));
});

const userInfo = (token: string, host = instanceUrl) => fetch(`${host}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${token}` } });

describe('the UserInfo endpoint', () => {
  it('answers the default user for a token given to the handlers, with the documented claims', async () => {
    const response = await userInfo('plain-token');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const userId = org.oauth.userId(defaultSalesforceUsername);
    expect(body).toMatchObject({
      sub: `${loginUrl}/id/${org.oauth.orgId}/${userId ?? ''}`,
      user_id: userId,
      organization_id: org.oauth.orgId,
      preferred_username: defaultSalesforceUsername,
      name: 'Kizuna Integration',
      email: defaultSalesforceUsername,
      email_verified: true,
      zoneinfo: 'America/Los_Angeles',
      locale: 'en_US',
      language: 'en_US',
      utcOffset: -7 * 3_600_000,
      active: true,
      user_type: 'STANDARD',
    });
    expect(org.calls.byEndpoint.userinfo).toBe(1);
    expect(org.calls.apiUsage).toBe(0);
  });

  it('answers the user a token was issued to, with their locale and time zone, on the login host too', async () => {
    org.oauth.addUser('aiko@kizuna.example', { name: '佐藤 愛子', email: 'aiko@kizuna.example', locale: 'ja_JP', language: 'ja', timeZone: 'Asia/Tokyo' });
    const redirectUri = 'https://app.kizuna.example/cb';
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const code = org.oauth.issueAuthorizationCode({ clientId: 'kizuna-app', redirectUri, codeChallenge: await pkceChallenge(verifier), username: 'aiko@kizuna.example' });
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'kizuna-app', redirect_uri: redirectUri, code_verifier: verifier });
    const tokenResponse = await fetch(`${loginUrl}/services/oauth2/token`, { method: 'POST', body: form });
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
    const body = (await (await userInfo(accessToken, loginUrl)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user_id: org.oauth.userId('aiko@kizuna.example'), name: '佐藤 愛子', locale: 'ja_JP', language: 'ja', zoneinfo: 'Asia/Tokyo', utcOffset: 9 * 3_600_000 });
  });

  it('refuses an unknown or expired token with 403 Bad_OAuth_Token, not the REST 401', async () => {
    const unknown = await userInfo('stolen');
    expect([unknown.status, await unknown.text()]).toEqual([403, 'Bad_OAuth_Token']);
    org.sessions.expire('plain-token');
    const expired = await userInfo('plain-token');
    expect([expired.status, await expired.text()]).toEqual([403, 'Bad_OAuth_Token']);
  });
});
