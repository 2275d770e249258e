import type { ZohoOAuth } from './zohoOAuth';

/** A token endpoint answer: Zoho Accounts answers errors with HTTP 200 and an `error` key. */
export interface TokenAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

// Token errors come back as HTTP 200 `{"error":"invalid_code"}` (also invalid_client,
// invalid_redirect_uri): reference §E, Kaizen #79; the official TS SDK throws when a 200 body
// has `error`. An unknown refresh token is also `invalid_code` (seen in integrations' issue
// threads, e.g. "local.ERROR: invalid_code" in Weble/ZohoBooksApi#84).
const tokenError = (error: string, description?: string): TokenAnswer => ({
  status: 200,
  body: description === undefined ? { error } : { error, error_description: description },
});

/**
 * `POST {accounts-server}/oauth/v2/token` for the `authorization_code` and `refresh_token`
 * grants. `oauth` is the org of this accounts server's data centre, or `undefined` when the
 * simulator serves no org there (every code and token is then unknown). Parameters may come in
 * the form body or the query string, as Zoho accepts both.
 */
export function exchangeZohoToken(params: URLSearchParams, oauth: ZohoOAuth | undefined): TokenAnswer {
  const grantType = params.get('grant_type');
  const clientId = params.get('client_id') ?? '';
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return tokenError('unsupported_grant_type');
  const client = oauth?.client(clientId);
  if (oauth === undefined) return tokenError(grantType === 'authorization_code' ? 'invalid_code' : 'invalid_client');
  if (client === undefined || client.clientSecret !== params.get('client_secret')) return tokenError('invalid_client');
  if (grantType === 'authorization_code') {
    const grant = oauth.redeemCode(params.get('code') ?? '');
    if (grant === undefined || grant.clientId !== clientId) return tokenError('invalid_code');
    if (grant.redirectUri !== params.get('redirect_uri')) return tokenError('invalid_redirect_uri');
    const refreshToken = grant.offline ? oauth.issueRefreshToken(clientId, grant.userId, grant.scopes) : null;
    const session = oauth.issueAccessToken(undefined, { scopes: grant.scopes, userId: grant.userId }, refreshToken);
    return {
      status: 200,
      body: {
        access_token: session.token,
        ...(refreshToken === null ? {} : { refresh_token: refreshToken }),
        api_domain: oauth.apiDomain,
        token_type: 'Bearer',
        expires_in: secondsLeft(session.expiresAt, oauth),
      },
    };
  }
  const outcome = oauth.refresh(params.get('refresh_token') ?? '', clientId);
  if (outcome === 'unknown') return tokenError('invalid_code');
  // The wording of the throttled answer is what integrations report; the limit itself is
  // documented (10 access tokens per refresh token per 10 minutes, reference §E).
  if (outcome === 'throttled') return tokenError('Access Denied', 'You have made too many requests continuously. Please try again after some time.');
  // No new refresh token on refresh (reference §E "Flow" step 4).
  return {
    status: 200,
    body: { access_token: outcome.token, api_domain: oauth.apiDomain, token_type: 'Bearer', expires_in: secondsLeft(outcome.expiresAt, oauth) },
  };
}

function secondsLeft(expiresAt: number, oauth: ZohoOAuth): number {
  return Math.max(0, Math.round((expiresAt - oauth.now()) / 1000));
}
