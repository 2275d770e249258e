import type { HttpTransport } from '@kizuna/crm-core';
import { requestToken, type SalesforceSession, type TokenEndpoint } from './tokenResponse';

export interface CodeExchange extends TokenEndpoint {
  /** Exactly the redirect URI given to `authorizationUrl`. */
  readonly redirectUri: string;
  /** From `readAuthorizationCallback`. */
  readonly code: string;
  /** The verifier whose challenge went to `authorizationUrl`. */
  readonly codeVerifier: string;
}

/** Step two of the web-server flow: trades the authorization code (and PKCE verifier) for a session. */
export function exchangeCode(exchange: CodeExchange, transport: HttpTransport): Promise<SalesforceSession> {
  return requestToken(transport, exchange, 'authorization_code', {
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.codeVerifier,
  });
}

export interface TokenRefresh extends TokenEndpoint {
  readonly refreshToken: string;
}

/**
 * A new access token from a refresh token. The session's `refreshToken` is set only when the
 * connected app rotates refresh tokens — then the one given here is no longer valid. Refreshes
 * must be serialised; `createSalesforceTokenSource` does that.
 */
export function refreshAccessToken(refresh: TokenRefresh, transport: HttpTransport): Promise<SalesforceSession> {
  return requestToken(transport, refresh, 'refresh_token', {
    grant_type: 'refresh_token',
    refresh_token: refresh.refreshToken,
  });
}
