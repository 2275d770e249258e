import { describe, expect, it } from 'vitest';
import { instanceUrl, json, loginUrl, tokenBody, tokenEndpoint } from './fakeSalesforce';
import { exchangeCode, refreshAccessToken } from './webServerFlow';

const app = { loginUrl, clientId: '3MVG9_consumer_key', redirectUri: 'https://app.kizuna.example/oauth/callback' };

describe('exchangeCode', () => {
  it('posts the code and PKCE verifier to the login host and returns a session on the instance', async () => {
    const endpoint = tokenEndpoint(json(200, tokenBody('00Dx!access', { refresh_token: '5Aep861refresh' })));
    const session = await exchangeCode({ ...app, code: 'aPrx4sgo', codeVerifier: 'v'.repeat(43) }, endpoint.transport);

    expect(endpoint.requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://login.salesforce.com/services/oauth2/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    });
    expect(endpoint.forms()[0]).toEqual({
      grant_type: 'authorization_code',
      code: 'aPrx4sgo',
      redirect_uri: 'https://app.kizuna.example/oauth/callback',
      code_verifier: 'v'.repeat(43),
      client_id: '3MVG9_consumer_key',
    });
    expect(session).toEqual({
      connection: { instanceUrl, apiVersion: 'v66.0' },
      accessToken: '00Dx!access',
      refreshToken: '5Aep861refresh',
      identityUrl: 'https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P',
      scopes: ['id', 'api', 'refresh_token'],
      issuedAt: 1278448384422,
    });
  });

  it('sends the client secret only when the app has one', async () => {
    const endpoint = tokenEndpoint(json(200, tokenBody('00Dx!access')));
    await exchangeCode({ ...app, clientSecret: 's3cret', code: 'c', codeVerifier: 'v'.repeat(43) }, endpoint.transport);
    expect(endpoint.forms()[0]?.['client_secret']).toBe('s3cret');
  });

  it('explains a refused code and what to do about it', async () => {
    const endpoint = tokenEndpoint(json(400, { error: 'invalid_grant', error_description: 'invalid authorization code' }));
    await expect(exchangeCode({ ...app, code: 'used', codeVerifier: 'v'.repeat(43) }, endpoint.transport)).rejects.toMatchObject({
      code: 'AUTH_INVALID',
      crmCode: 'invalid_grant',
      status: 400,
      message: expect.stringMatching(/^The sign-in code was refused .* Start the sign-in again\. \(Salesforce: invalid_grant: invalid authorization code\)$/),
    });
  });

  it('refuses a session whose instance_url is not an https origin', async () => {
    const endpoint = tokenEndpoint(json(200, tokenBody('00Dx!access', { instance_url: 'http://acme.my.salesforce.com' })));
    await expect(exchangeCode({ ...app, code: 'c', codeVerifier: 'v'.repeat(43) }, endpoint.transport)).rejects.toMatchObject({
      code: 'MALFORMED_RESPONSE',
    });
  });

  it('sends nothing to a login URL that is not https', async () => {
    const endpoint = tokenEndpoint();
    await expect(
      exchangeCode({ ...app, loginUrl: 'http://login.salesforce.com', code: 'c', codeVerifier: 'v'.repeat(43) }, endpoint.transport),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(endpoint.requests).toHaveLength(0);
  });
});

describe('refreshAccessToken', () => {
  it('uses the refresh-token grant; no refresh_token back means it was not rotated', async () => {
    const endpoint = tokenEndpoint(json(200, tokenBody('00Dx!fresh')));
    const session = await refreshAccessToken({ ...app, refreshToken: '5Aep861refresh' }, endpoint.transport);
    expect(endpoint.forms()[0]).toEqual({ grant_type: 'refresh_token', refresh_token: '5Aep861refresh', client_id: '3MVG9_consumer_key' });
    expect(session).toMatchObject({ accessToken: '00Dx!fresh', refreshToken: undefined });
  });

  it('tells the user to sign in again when the refresh token is dead, without quoting it', async () => {
    const endpoint = tokenEndpoint(json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' }));
    const refused = refreshAccessToken({ ...app, refreshToken: '5Aep861refresh' }, endpoint.transport);
    await expect(refused).rejects.toMatchObject({ code: 'AUTH_INVALID', message: expect.stringContaining('Sign in to Salesforce again') });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringContaining('5Aep861refresh') });
  });

  it.each([
    [json(400, { error: 'invalid_client_id', error_description: 'client identifier invalid' }), 'AUTH_INVALID', /administrator/],
    [json(400, { error: 'rate_limit_exceeded', error_description: 'too many requests' }), 'RATE_LIMITED', /Try again/],
    [{ status: 503, headers: new Headers(), text: '<html>Maintenance</html>' }, 'UNAVAILABLE', /HTTP 503/],
    [json(400, { unexpected: true }), 'MALFORMED_RESPONSE', /HTTP 400/],
  ])('maps OAuth failures to CrmErrors (%#)', async (answer, code, message) => {
    const endpoint = tokenEndpoint(answer);
    await expect(refreshAccessToken({ ...app, refreshToken: 'r' }, endpoint.transport)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('names the fields of a malformed token response, never their values', async () => {
    const endpoint = tokenEndpoint(json(200, { ...tokenBody(''), refresh_token: '5Aep861refresh' }));
    const refused = refreshAccessToken({ ...app, refreshToken: 'r' }, endpoint.transport);
    await expect(refused).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', message: expect.stringContaining('access_token') });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringContaining('5Aep861refresh') });
  });
});
