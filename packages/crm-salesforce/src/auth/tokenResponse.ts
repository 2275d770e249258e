import { CrmError, parseJsonBody, type HttpTransport } from '@kizuna/crm-core';
import { z } from 'zod';
import { parseSalesforceConnection, type SalesforceConnection } from '../connection';
import { loginOrigin, secureOrigin } from './loginUrl';
import { oauthErrorFrom, type SalesforceGrant } from './oauthError';

/** The token response (reference E.3). There is no `expires_in`: expiry shows as a 401. */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.string(),
  id: z.url(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  signature: z.string().optional(),
  issued_at: z.string().regex(/^\d+$/).optional(),
  sfdc_community_url: z.string().optional(),
  sfdc_community_id: z.string().optional(),
});

/** A signed-in session. Held in memory; the tokens are never logged or put in messages. */
export interface SalesforceSession {
  /** Where the org's data lives: `instance_url`, never the login host. */
  readonly connection: SalesforceConnection;
  readonly accessToken: string;
  /** Present after a code exchange (with the `refresh_token` scope) and after a rotating refresh. */
  readonly refreshToken: string | undefined;
  /** The identity URL, `https://login.salesforce.com/id/<orgId>/<userId>`. */
  readonly identityUrl: string;
  readonly scopes: readonly string[];
  /** Epoch milliseconds, when Salesforce says. */
  readonly issuedAt: number | undefined;
}

/** What every call to the token endpoint needs. */
export interface TokenEndpoint {
  readonly loginUrl: string;
  /** The connected app's consumer key. */
  readonly clientId: string;
  /** Only for connected apps that require it; a browser never holds one. */
  readonly clientSecret?: string;
  /** For the returned connection, e.g. `v66.0`; default that of `salesforceConnectionSchema`. */
  readonly apiVersion?: string;
  readonly signal?: AbortSignal;
}

function malformed(detail: string): CrmError {
  return new CrmError('MALFORMED_RESPONSE', `Salesforce's token endpoint answered with ${detail}.`);
}

function sessionFrom(body: unknown, apiVersion: string | undefined): SalesforceSession {
  const parsed = tokenResponseSchema.safeParse(body);
  // Name the fields at fault, never their values: they may be tokens.
  if (!parsed.success) throw malformed(`an unexpected token response (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')})`);
  const token = parsed.data;
  const instanceUrl = secureOrigin(token.instance_url);
  if (instanceUrl === undefined) throw malformed('an instance_url that is not an https origin');
  return {
    connection: parseSalesforceConnection({ instanceUrl, ...(apiVersion === undefined ? {} : { apiVersion }) }),
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    identityUrl: token.id,
    scopes: token.scope === undefined ? [] : token.scope.split(' ').filter((scope) => scope !== ''),
    issuedAt: token.issued_at === undefined ? undefined : Number(token.issued_at),
  };
}

/**
 * POSTs a grant to `{login}/services/oauth2/token` and returns the validated session. Call it
 * through a plain transport — never one wrapped in `withTokenRefresh`.
 */
export async function requestToken(
  transport: HttpTransport,
  endpoint: TokenEndpoint,
  grant: SalesforceGrant,
  form: Readonly<Record<string, string>>,
): Promise<SalesforceSession> {
  const body = new URLSearchParams({ ...form, client_id: endpoint.clientId });
  if (endpoint.clientSecret !== undefined) body.set('client_secret', endpoint.clientSecret);
  const response = await transport({
    method: 'POST',
    url: `${loginOrigin(endpoint.loginUrl)}/services/oauth2/token`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: body.toString(),
    ...(endpoint.signal === undefined ? {} : { signal: endpoint.signal }),
  });
  if (response.status !== 200) throw oauthErrorFrom(response, grant);
  const json = parseJsonBody(response, 'token response');
  if (typeof json === 'object' && json !== null && 'error' in json) throw oauthErrorFrom(response, grant);
  return sessionFrom(json, endpoint.apiVersion);
}
