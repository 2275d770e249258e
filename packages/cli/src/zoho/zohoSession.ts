import { CrmError, createFetchTransport, type CallStats, type RetryOptions, type TokenSource } from '@kizuna/crm-core';
import {
  createRestGateway,
  createZohoTokenSource,
  parseZohoConnection,
  refreshZohoAccessToken,
  zohoTransport,
  type ZohoConnection,
  type ZohoGateway,
} from '@kizuna/crm-zoho';
import type { ZohoConnectionOptions } from './zohoArgs';

/** A signed-in connection to a Zoho org: the gateway and what it has observed. */
export interface ZohoCliSession {
  readonly connection: ZohoConnection;
  readonly gateway: ZohoGateway;
  readonly stats: Readonly<CallStats>;
  readonly signedInWith: string;
  readonly notes: readonly string[];
}

export interface ZohoSessionHooks {
  readonly signal?: AbortSignal | undefined;
  readonly retry?: Omit<RetryOptions, 'classify'>;
}

function fixedToken(accessToken: string): TokenSource {
  return {
    current: () => Promise.resolve(accessToken),
    refresh: () =>
      Promise.reject(
        new CrmError(
          'AUTH_EXPIRED',
          'The Zoho access token expired (they live one hour), and Kizuna has no refresh token to renew it. Pass a new --access-token, ' +
            'or --client-id, --client-secret and --refresh-token so Kizuna can renew it itself.',
        ),
      ),
  };
}

/**
 * Signs in (a refresh-token grant first when there is no access token: its `api_domain` is the
 * org's) and builds the Zoho stack. Token requests go through a plain transport. Tokens stay in
 * memory; the refresh token is never rotated by Zoho, so nothing needs storing.
 */
export async function openZohoSession(options: ZohoConnectionOptions, hooks: ZohoSessionHooks = {}): Promise<ZohoCliSession> {
  const notes: string[] = [];
  const plain = createFetchTransport();
  const { auth } = options;
  let apiDomain = options.apiDomain;
  let tokens: TokenSource;
  let signedInWith: string;
  if (auth.kind === 'refreshToken') {
    const issued = await refreshZohoAccessToken(plain, auth.refresh, { allowLocal: true, ...(hooks.signal === undefined ? {} : { signal: hooks.signal }) });
    if (apiDomain !== undefined && apiDomain !== issued.apiDomain) notes.push(`Zoho's token response names ${issued.apiDomain} as the org's API domain: using it, not --api-domain ${apiDomain}.`);
    apiDomain = issued.apiDomain;
    tokens = createZohoTokenSource({ grant: auth.refresh, transport: plain, accessToken: issued.accessToken, expiresAt: Date.now() + issued.expiresIn * 1000 - 60_000, allowLocal: true });
    signedInWith = `the refresh token (via ${auth.refresh.accountsServer})`;
  } else if (auth.refresh !== undefined) {
    tokens = createZohoTokenSource({ grant: auth.refresh, transport: plain, accessToken: auth.accessToken, allowLocal: true });
    signedInWith = 'an access token, renewed with the refresh token';
  } else {
    tokens = fixedToken(auth.accessToken);
    signedInWith = 'an access token';
  }
  const connection = parseZohoConnection({ apiDomain, apiVersion: options.apiVersion, allowLocal: true });
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const transport = zohoTransport({ tokens, stats, transport: plain, ...(hooks.retry === undefined ? {} : { retry: hooks.retry }) });
  return { connection, gateway: createRestGateway(transport, connection), stats, signedInWith, notes };
}
