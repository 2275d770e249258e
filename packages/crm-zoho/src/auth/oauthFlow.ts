import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import { accountsServerOf, globalAccountsServer } from '../dataCentres';
import { zohoScopes } from '../zohoError';
import { readTokenResponse, type ZohoTokens } from './tokenResponse';

export interface ZohoClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/**
 * Where the user signs in: always the global accounts server, which sends users of other data
 * centres on to their own and redirects back with `location` and `accounts-server` (v8 multi-DC).
 * `access_type=offline` asks for a refresh token; `prompt=consent` forces a new one.
 */
export function zohoAuthorizationUrl(client: Pick<ZohoClient, 'clientId' | 'redirectUri'>, state: string, scopes: readonly string[] = zohoScopes): string {
  const params = new URLSearchParams({
    scope: scopes.join(','),
    client_id: client.clientId,
    response_type: 'code',
    access_type: 'offline',
    redirect_uri: client.redirectUri,
    state,
    prompt: 'consent',
  });
  return `${globalAccountsServer}/oauth/v2/auth?${params.toString()}`;
}

export interface AuthorizationRedirect {
  readonly code: string;
  /** The user's data centre, e.g. `jp`. */
  readonly location: string | undefined;
  /** Where the code must be exchanged (checked to be a Zoho accounts server). */
  readonly accountsServer: string;
}

/**
 * Reads the redirect back from Zoho: `?code=…&location=jp&accounts-server=https://accounts.zoho.jp`.
 * The state must match; an `error` parameter (the user declined) is AUTH_INVALID.
 */
export function parseAuthorizationRedirect(redirectUrl: string, expectedState: string, allowLocal = false): AuthorizationRedirect {
  const params = new URL(redirectUrl).searchParams;
  const error = params.get('error');
  if (error !== null) throw new CrmError('AUTH_INVALID', `Zoho sign-in did not complete (${error}): sign in again.`, { crmCode: error });
  if (params.get('state') !== expectedState) throw new CrmError('AUTH_INVALID', 'The sign-in answer does not belong to this sign-in (state mismatch): sign in again.');
  const code = params.get('code');
  if (code === null || code === '') throw new CrmError('AUTH_INVALID', 'Zoho sent no authorisation code: sign in again.');
  const server = params.get('accounts-server');
  return {
    code,
    location: params.get('location') ?? undefined,
    accountsServer: server === null ? globalAccountsServer : accountsServerOf(server, allowLocal),
  };
}

async function postToken(transport: HttpTransport, accountsServer: string, form: Record<string, string>, allowLocal: boolean, signal?: AbortSignal): Promise<ZohoTokens> {
  const response = await transport({
    method: 'POST',
    url: `${accountsServerOf(accountsServer, allowLocal)}/oauth/v2/token`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    ...(signal === undefined ? {} : { signal }),
  });
  return readTokenResponse(response, allowLocal);
}

/** Exchanges the code at the accounts server the redirect named (never the global one by default). */
export function exchangeZohoCode(
  transport: HttpTransport,
  client: ZohoClient,
  redirect: AuthorizationRedirect,
  options: { readonly allowLocal?: boolean; readonly signal?: AbortSignal } = {},
): Promise<ZohoTokens> {
  const form = { grant_type: 'authorization_code', client_id: client.clientId, client_secret: client.clientSecret, redirect_uri: client.redirectUri, code: redirect.code };
  return postToken(transport, redirect.accountsServer, form, options.allowLocal ?? false, options.signal);
}

export interface ZohoRefreshGrant {
  readonly accountsServer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** A new access token for the refresh token; the refresh token itself stays the same. */
export function refreshZohoAccessToken(
  transport: HttpTransport,
  grant: ZohoRefreshGrant,
  options: { readonly allowLocal?: boolean; readonly signal?: AbortSignal } = {},
): Promise<ZohoTokens> {
  const form = { grant_type: 'refresh_token', client_id: grant.clientId, client_secret: grant.clientSecret, refresh_token: grant.refreshToken };
  return postToken(transport, grant.accountsServer, form, options.allowLocal ?? false, options.signal);
}
