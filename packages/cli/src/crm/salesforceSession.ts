import {
  CrmError,
  createFetchTransport,
  withCallAccounting,
  withRetry,
  withTokenRefresh,
  withUsageTracking,
  type ApiUsage,
  type CallStats,
  type HttpTransport,
  type RetryOptions,
  type TokenSource,
} from '@kizuna/crm-core';
import {
  classifySalesforceResponse,
  createSalesforceTokenSource,
  isSalesforceRefreshable,
  parseSalesforceConnection,
  refreshAccessToken,
  salesforceUsageFrom,
  type SalesforceConnection,
  type SalesforceSession,
} from '@kizuna/crm-salesforce';
import type { ConnectionOptions, RefreshGrant } from './connectionArgs';

/** A signed-in connection to the org: the transport stack and what it has observed. */
export interface CliSession {
  readonly connection: SalesforceConnection;
  /** Retry → token refresh → usage tracking → call accounting → fetch, as the Salesforce adapter stacks them. */
  readonly transport: HttpTransport;
  readonly stats: Readonly<CallStats>;
  usage(): ApiUsage | undefined;
  /** How the session was obtained, in words, for reports. */
  readonly signedInWith: string;
  /** Things the user should know (a rotated refresh token, a different instance URL); never a secret. */
  readonly notes: readonly string[];
}

export interface SessionHooks {
  readonly signal?: AbortSignal | undefined;
  /** Retry tuning; tests pass a fake sleep. */
  readonly retry?: Omit<RetryOptions, 'classify'>;
}

const rotatedNote =
  'Salesforce rotated the refresh token: the one you passed no longer works, and Kizuna did not keep the new one ' +
  '(it never stores tokens). Sign in again for the next run, or turn off refresh-token rotation for the connected app.';

/** A token source for a bare access token: nothing to renew it with, so an expiry ends the run. */
function fixedToken(accessToken: string): TokenSource {
  return {
    current: () => Promise.resolve(accessToken),
    refresh: () =>
      Promise.reject(
        new CrmError(
          'AUTH_EXPIRED',
          'The Salesforce session expired or was revoked, and Kizuna has no refresh token to renew it. Pass a new ' +
            '--access-token, or --client-id and --refresh-token so Kizuna can renew the session itself.',
        ),
      ),
  };
}

function renewing(grant: RefreshGrant, session: SalesforceSession, plain: HttpTransport, notes: string[]): TokenSource {
  return createSalesforceTokenSource({
    loginUrl: grant.loginUrl,
    clientId: grant.clientId,
    ...(grant.clientSecret === undefined ? {} : { clientSecret: grant.clientSecret }),
    session,
    transport: plain,
    onRefreshTokenRotated: () => {
      if (!notes.includes(rotatedNote)) notes.push(rotatedNote);
    },
  });
}

interface Signed {
  readonly connection: SalesforceConnection;
  readonly tokens: TokenSource;
  readonly signedInWith: string;
}

async function signIn(options: ConnectionOptions, plain: HttpTransport, notes: string[], signal: AbortSignal | undefined): Promise<Signed> {
  const { auth, apiVersion } = options;
  if (auth.kind === 'accessToken') {
    const connection = parseSalesforceConnection({ instanceUrl: options.instanceUrl, apiVersion });
    if (auth.refresh === undefined) return { connection, tokens: fixedToken(auth.accessToken), signedInWith: 'an access token' };
    const session: SalesforceSession = {
      connection,
      accessToken: auth.accessToken,
      refreshToken: auth.refresh.refreshToken,
      identityUrl: '',
      scopes: [],
      issuedAt: undefined,
    };
    return { connection, tokens: renewing(auth.refresh, session, plain, notes), signedInWith: 'an access token, renewed with the refresh token' };
  }
  const grant = auth.refresh;
  const endpoint = { loginUrl: grant.loginUrl, clientId: grant.clientId, refreshToken: grant.refreshToken, apiVersion };
  const session = await refreshAccessToken(
    { ...endpoint, ...(grant.clientSecret === undefined ? {} : { clientSecret: grant.clientSecret }), ...(signal === undefined ? {} : { signal }) },
    plain,
  );
  if (session.refreshToken !== undefined && session.refreshToken !== grant.refreshToken) notes.push(rotatedNote);
  if (options.instanceUrl !== undefined && options.instanceUrl !== session.connection.instanceUrl) {
    notes.push(`Salesforce's token response names ${session.connection.instanceUrl} as the org's instance: using it, not --instance-url ${options.instanceUrl}.`);
  }
  const held = { ...session, refreshToken: session.refreshToken ?? grant.refreshToken };
  return { connection: session.connection, tokens: renewing(grant, held, plain, notes), signedInWith: `the refresh token (via ${grant.loginUrl})` };
}

/**
 * Signs in (with the refresh token first when there is no access token) and builds the transport
 * stack. Token requests go through a plain transport, never through the refresh layer. Tokens stay
 * in memory; errors name what failed, never a token.
 */
export async function openSalesforceSession(options: ConnectionOptions, hooks: SessionHooks = {}): Promise<CliSession> {
  const notes: string[] = [];
  const plain = createFetchTransport();
  const { connection, tokens, signedInWith } = await signIn(options, plain, notes, hooks.signal);
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  const tracked = withUsageTracking(withCallAccounting(plain, stats), { parse: salesforceUsageFrom });
  const authorised = withTokenRefresh(tracked, { tokens, classify: classifySalesforceResponse, isRefreshable: isSalesforceRefreshable });
  const transport = withRetry(authorised, { ...hooks.retry, classify: classifySalesforceResponse });
  return { connection, transport, stats, usage: () => tracked.usage(), signedInWith, notes };
}
