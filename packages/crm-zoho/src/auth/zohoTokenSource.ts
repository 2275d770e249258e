import { CrmError, createTokenSource, type HttpTransport, type TokenSource } from '@kizuna/crm-core';
import { refreshZohoAccessToken, type ZohoRefreshGrant } from './oauthFlow';
import type { ZohoTokens } from './tokenResponse';

/** Zoho issues at most 10 access tokens per refresh token per 10 minutes, then blocks the rest of the window. */
export const MAX_REFRESHES_PER_WINDOW = 10;
export const REFRESH_WINDOW_MS = 10 * 60_000;
/** Refresh this long before the token's stated expiry, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;

export interface ZohoTokenSourceOptions {
  readonly grant: ZohoRefreshGrant;
  /** A plain transport for the accounts server (never the refreshing CRM stack). */
  readonly transport: HttpTransport;
  /** An access token already held, and when it expires (epoch ms). */
  readonly accessToken?: string;
  readonly expiresAt?: number;
  readonly allowLocal?: boolean;
  /** Told of every token issued (its api_domain included). */
  readonly onTokens?: (tokens: ZohoTokens) => void;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

export interface ZohoTokenSource extends TokenSource {
  /** Grants made within the current 10-minute window. */
  refreshesInWindow(): number;
}

/**
 * Access tokens for one Zoho refresh token: cached for their hour (renewed a minute early), one
 * grant at a time (crm-core's single flight), the refresh token kept as it is (Zoho never rotates
 * it), and never more than 10 grants in 10 minutes — the 11th fails here with RATE_LIMITED
 * instead of getting the refresh token blocked at Zoho.
 */
export function createZohoTokenSource(options: ZohoTokenSourceOptions): ZohoTokenSource {
  const now = options.now ?? Date.now;
  let expiresAt = options.expiresAt ?? (options.accessToken === undefined ? 0 : Number.POSITIVE_INFINITY);
  const grants: number[] = [];

  const inWindow = () => {
    const since = now() - REFRESH_WINDOW_MS;
    while (grants[0] !== undefined && grants[0] <= since) grants.shift();
    return grants.length;
  };

  const source = createTokenSource({
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    refreshToken: options.grant.refreshToken,
    grant: async () => {
      if (inWindow() >= MAX_REFRESHES_PER_WINDOW) {
        throw new CrmError('RATE_LIMITED', `Kizuna already renewed the Zoho access token ${MAX_REFRESHES_PER_WINDOW} times in 10 minutes (Zoho's limit): try again in a few minutes.`);
      }
      grants.push(now());
      const tokens = await refreshZohoAccessToken(options.transport, options.grant, { allowLocal: options.allowLocal ?? false });
      expiresAt = now() + tokens.expiresIn * 1000 - EXPIRY_MARGIN_MS;
      options.onTokens?.(tokens);
      // The refresh token is not part of a refresh answer: keep the one we hold.
      return { accessToken: tokens.accessToken };
    },
  });

  return {
    current: async () => {
      const token = await source.current();
      return now() < expiresAt ? token : source.refresh(token);
    },
    refresh: (rejected) => source.refresh(rejected),
    refreshesInWindow: inWindow,
  };
}
