import type { RestAnswer } from '../restAnswer';
import { base64Encode, pkceChallenge } from './base64url';
import { audienceIncludes, parseJwt, verifyRs256 } from './jwtAssertion';
import type { OAuthGrant, SalesforceOAuth } from './salesforceOAuth';

export const jwtBearerGrantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface TokenEndpointContext {
  readonly oauth: SalesforceOAuth;
  /** `https://login.salesforce.com`, `https://test.salesforce.com` or a My Domain: the JWT `aud`. */
  readonly loginUrl: string;
  /** The org's My Domain, returned as `instance_url`. */
  readonly instanceUrl: string;
  readonly rotateRefreshTokens: boolean;
}

/** `{"error","error_description"}` with 400, the token endpoint's error form. */
function oauthError(error: string, description: string): RestAnswer {
  return { status: 400, body: { error, error_description: description } };
}

const invalidClient = (): RestAnswer => oauthError('invalid_client_id', 'client identifier invalid');
const expiredToken = (): RestAnswer => oauthError('invalid_grant', 'expired access/refresh token');

/** Salesforce signs `id + issued_at` with HMAC-SHA256 under the consumer secret; the sim uses the client id. */
async function signatureOf(clientId: string, identityUrl: string, issuedAt: string): Promise<string> {
  const algorithm = { name: 'HMAC', hash: 'SHA-256' };
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(clientId), algorithm, false, ['sign']);
  return base64Encode(new Uint8Array(await crypto.subtle.sign(algorithm, key, new TextEncoder().encode(`${identityUrl}${issuedAt}`))));
}

/** The E.3 response of the web-server and refresh flows; `refresh_token` only when one is handed out. */
async function tokenResponse(ctx: TokenEndpointContext, grant: OAuthGrant, refreshToken: string | null): Promise<RestAnswer> {
  const id = `${ctx.loginUrl}/id/${ctx.oauth.orgId}/${grant.userId}`;
  const issuedAt = String(ctx.oauth.now());
  return {
    status: 200,
    body: {
      access_token: ctx.oauth.issueAccessToken(grant.username),
      ...(refreshToken === null ? {} : { refresh_token: refreshToken }),
      signature: await signatureOf(grant.clientId, id, issuedAt),
      scope: grant.scope,
      instance_url: ctx.instanceUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    },
  };
}

function wantsRefreshToken(scope: string): boolean {
  return scope.split(/\s+/).some((entry) => entry === 'refresh_token' || entry === 'offline_access');
}

/** `grant_type=authorization_code`: code, client_id, redirect_uri and (PKCE) code_verifier. */
async function authorizationCodeGrant(form: URLSearchParams, ctx: TokenEndpointContext): Promise<RestAnswer> {
  const clientId = form.get('client_id') ?? '';
  if (!ctx.oauth.knowsClient(clientId)) return invalidClient();
  const code = ctx.oauth.takeCode(form.get('code') ?? '');
  if (code === undefined || code.grant.clientId !== clientId) return oauthError('invalid_grant', 'expired authorization code');
  if (code.redirectUri !== form.get('redirect_uri')) return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  if (code.codeChallenge !== null) {
    const verifier = form.get('code_verifier');
    if (verifier === null || (await pkceChallenge(verifier)) !== code.codeChallenge) return oauthError('invalid_grant', 'invalid code verifier');
  }
  const refreshToken = wantsRefreshToken(code.grant.scope) ? ctx.oauth.issueRefreshToken(code.grant) : null;
  return tokenResponse(ctx, code.grant, refreshToken);
}

/** `grant_type=refresh_token`: no new refresh token unless rotation is on, which spends the old one. */
async function refreshTokenGrant(form: URLSearchParams, ctx: TokenEndpointContext): Promise<RestAnswer> {
  const clientId = form.get('client_id') ?? '';
  if (!ctx.oauth.knowsClient(clientId)) return invalidClient();
  const redeemed = ctx.oauth.redeemRefreshToken(form.get('refresh_token') ?? '', clientId, ctx.rotateRefreshTokens);
  if (redeemed === undefined) return expiredToken();
  return tokenResponse(ctx, redeemed.grant, redeemed.rotated);
}

/** JWT bearer: RS256 assertion with iss = consumer key, sub = username, aud = login host, exp in the future. Never a refresh token. */
async function jwtBearerGrant(form: URLSearchParams, ctx: TokenEndpointContext): Promise<RestAnswer> {
  const jwt = parseJwt(form.get('assertion') ?? '');
  if (jwt === null) return oauthError('invalid_grant', 'invalid assertion');
  const client = ctx.oauth.jwtClient(String(jwt.claims['iss']));
  if (client === undefined) return invalidClient();
  if (!(await verifyRs256(jwt, client.publicKeyJwk))) return oauthError('invalid_grant', 'invalid assertion');
  if (!audienceIncludes(jwt.claims['aud'], ctx.loginUrl)) return oauthError('invalid_grant', 'audience is invalid');
  const exp = jwt.claims['exp'];
  if (typeof exp !== 'number' || exp * 1000 <= ctx.oauth.now()) return oauthError('invalid_grant', 'expired authorization code');
  const username = String(jwt.claims['sub']);
  const userId = ctx.oauth.userId(username);
  if (userId === undefined) return oauthError('invalid_grant', "user hasn't approved this consumer");
  return {
    status: 200,
    body: {
      access_token: ctx.oauth.issueAccessToken(username),
      scope: client.scope ?? 'api',
      instance_url: ctx.instanceUrl,
      id: `${ctx.loginUrl}/id/${ctx.oauth.orgId}/${userId}`,
      token_type: 'Bearer',
    },
  };
}

/** `POST {login}/services/oauth2/token` with a form-encoded body. */
export async function exchangeToken(form: URLSearchParams, ctx: TokenEndpointContext): Promise<RestAnswer> {
  switch (form.get('grant_type')) {
    case 'authorization_code':
      return authorizationCodeGrant(form, ctx);
    case 'refresh_token':
      return refreshTokenGrant(form, ctx);
    case jwtBearerGrantType:
      return jwtBearerGrant(form, ctx);
    default:
      return oauthError('unsupported_grant_type', 'grant type not supported');
  }
}
