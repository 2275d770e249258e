import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { SalesforceConnection } from '../connection';
import { createTokenSource, type TokenSource } from '@kizuna/crm-core';
import { exchangeJwt, type JwtExchange } from './jwtBearer';
import type { SalesforceSession, TokenEndpoint } from './tokenResponse';
import { refreshAccessToken } from './webServerFlow';

/** A TokenSource that also knows where the org is, from the latest token response. */
export interface SalesforceTokenSource extends TokenSource {
  connection(): SalesforceConnection;
}

export interface SalesforceTokenSourceOptions extends Omit<TokenEndpoint, 'signal'> {
  /** From `exchangeCode` (or `refreshAccessToken` after a restart). */
  readonly session: SalesforceSession;
  /** A plain transport for the token endpoint — not the one this source feeds. */
  readonly transport: HttpTransport;
  /** Told of each rotated refresh token, so a server can store it; the old one is dead. */
  readonly onRefreshTokenRotated?: (refreshToken: string) => void | Promise<void>;
}

function withConnection(
  session: SalesforceSession,
  renew: (refreshToken: string | undefined) => Promise<SalesforceSession>,
  onRefreshTokenRotated: ((refreshToken: string) => void | Promise<void>) | undefined,
): SalesforceTokenSource {
  let connection = session.connection;
  const tokens = createTokenSource({
    accessToken: session.accessToken,
    ...(session.refreshToken === undefined ? {} : { refreshToken: session.refreshToken }),
    ...(onRefreshTokenRotated === undefined ? {} : { onRefreshTokenRotated }),
    grant: async (refreshToken) => {
      const renewed = await renew(refreshToken);
      connection = renewed.connection;
      return { accessToken: renewed.accessToken, refreshToken: renewed.refreshToken };
    },
  });
  return { current: tokens.current, refresh: tokens.refresh, connection: () => connection };
}

/**
 * The web-server flow's TokenSource: refreshes with the refresh-token grant, one refresh at a
 * time, taking up a rotated refresh token before the next refresh can start. A session without a
 * refresh token (the `refresh_token` scope was not granted) cannot be refreshed: on expiry the
 * user is asked to sign in again.
 */
export function createSalesforceTokenSource(options: SalesforceTokenSourceOptions): SalesforceTokenSource {
  const { session, transport, onRefreshTokenRotated, ...endpoint } = options;
  return withConnection(
    session,
    (refreshToken) => {
      if (refreshToken === undefined) {
        return Promise.reject(
          new CrmError('AUTH_INVALID', 'The Salesforce session ended and Kizuna may not renew it (no refresh_token scope). Sign in to Salesforce again.'),
        );
      }
      return refreshAccessToken({ ...endpoint, refreshToken }, transport);
    },
    onRefreshTokenRotated,
  );
}

export interface SalesforceJwtTokenSourceOptions extends Omit<JwtExchange, 'signal'> {
  /** From `exchangeJwt`. */
  readonly session: SalesforceSession;
  readonly transport: HttpTransport;
}

/** The JWT bearer flow's TokenSource: "refreshes" by signing a new assertion. */
export function createSalesforceJwtTokenSource(options: SalesforceJwtTokenSourceOptions): SalesforceTokenSource {
  const { session, transport, ...exchange } = options;
  return withConnection(session, () => exchangeJwt(exchange, transport), undefined);
}
