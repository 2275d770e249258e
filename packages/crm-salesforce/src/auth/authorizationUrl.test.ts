import { describe, expect, it } from 'vitest';
import { authorizationUrl, readAuthorizationCallback } from './authorizationUrl';

const request = {
  loginUrl: 'https://login.salesforce.com/',
  clientId: '3MVG9_consumer_key',
  redirectUri: 'https://app.kizuna.example/oauth/callback',
  scope: ['api', 'refresh_token'],
  state: 'b3f1c0d2e9a84c7f',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
} as const;

describe('authorizationUrl', () => {
  it('asks for a code with an S256 challenge at /services/oauth2/authorize', () => {
    const url = authorizationUrl(request);
    expect(url).toMatch(/^https:\/\/login\.salesforce\.com\/services\/oauth2\/authorize\?/);
    expect(url).toContain('scope=api%20refresh_token');
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
      response_type: 'code',
      client_id: '3MVG9_consumer_key',
      redirect_uri: 'https://app.kizuna.example/oauth/callback',
      scope: 'api refresh_token',
      state: 'b3f1c0d2e9a84c7f',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('signs in at a My Domain or sandbox login host just the same', () => {
    expect(authorizationUrl({ ...request, loginUrl: 'https://acme.my.salesforce.com' })).toMatch(/^https:\/\/acme\.my\.salesforce\.com\/services/);
  });

  it('refuses login URLs that are not bare https origins, and weak state', () => {
    for (const loginUrl of ['http://login.salesforce.com', 'https://login.salesforce.com/services', 'login.salesforce.com']) {
      expect(() => authorizationUrl({ ...request, loginUrl })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(() => authorizationUrl({ ...request, state: '1' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('readAuthorizationCallback', () => {
  const back = (query: string) => `https://app.kizuna.example/oauth/callback?${query}`;

  it('returns the code when the state is the one sent', () => {
    expect(readAuthorizationCallback(back('code=aPrx4sgo&state=b3f1c0d2e9a84c7f'), request.state)).toBe('aPrx4sgo');
  });

  it('refuses an answer to a sign-in Kizuna did not start', () => {
    expect(() => readAuthorizationCallback(back('code=aPrx4sgo&state=forged'), request.state)).toThrow(
      expect.objectContaining({ code: 'AUTH_INVALID' }),
    );
  });

  it('turns a refusal by the user into PERMISSION_DENIED, other errors into AUTH_INVALID', () => {
    const denied = back('error=access_denied&error_description=end-user+denied+authorization&state=b3f1c0d2e9a84c7f');
    expect(() => readAuthorizationCallback(denied, request.state)).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' }));
    const other = back('error=invalid_request&error_description=missing+required+code+challenge&state=b3f1c0d2e9a84c7f');
    expect(() => readAuthorizationCallback(other, request.state)).toThrow(/missing required code challenge/);
  });
});
