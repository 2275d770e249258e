import { CrmError, type CrmErrorCode, type HttpResponse } from '@kizuna/crm-core';
import { z } from 'zod';

/** Which grant was asked for: the same OAuth error needs different advice for each. */
export type SalesforceGrant = 'authorization_code' | 'refresh_token' | 'jwt_bearer';

const oauthErrorBodySchema = z.object({ error: z.string().min(1), error_description: z.string().optional() });

const invalidGrantAdvice: Readonly<Record<SalesforceGrant, string>> = {
  authorization_code: 'The sign-in code was refused (expired, already used, or not from this sign-in). Start the sign-in again.',
  refresh_token: 'Salesforce no longer accepts the saved sign-in (it expired or was revoked). Sign in to Salesforce again to reconnect Kizuna.',
  jwt_bearer:
    'Salesforce refused the server sign-in. An administrator must pre-authorize the connected app for this user, upload the ' +
    "certificate matching Kizuna's private key, and check the username and login URL.",
};

const clientAdvice = "Salesforce does not accept the connected app's consumer key or secret. An administrator must check Kizuna's Salesforce connection settings.";

const adviceFor: Readonly<Record<string, readonly [CrmErrorCode, string]>> = {
  invalid_client_id: ['AUTH_INVALID', clientAdvice],
  invalid_client: ['AUTH_INVALID', clientAdvice],
  invalid_client_credentials: ['AUTH_INVALID', clientAdvice],
  redirect_uri_mismatch: ['AUTH_INVALID', "Kizuna's callback URL is not registered on the connected app. An administrator must add it."],
  invalid_request: ['AUTH_INVALID', 'Salesforce refused the sign-in request as incomplete or inconsistent. Start the sign-in again.'],
  unsupported_grant_type: ['AUTH_INVALID', 'The connected app does not allow this way of signing in. An administrator must enable the flow.'],
  invalid_scope: ['AUTH_INVALID', 'The connected app does not grant the access Kizuna asked for. An administrator must add the scopes.'],
  inactive_user: ['AUTH_INVALID', 'This Salesforce user is inactive. An administrator must reactivate the user.'],
  inactive_org: ['AUTH_INVALID', 'The Salesforce org is inactive or locked. An administrator must contact Salesforce.'],
  rate_limit_exceeded: ['RATE_LIMITED', 'Salesforce refuses sign-ins for a while after too many attempts. Try again in a few minutes.'],
};

/**
 * The CrmError for an OAuth error from `/services/oauth2/token` (`{error, error_description}`).
 * Branches on `error`, never on the description, which is only quoted. Never quotes a token.
 */
export function oauthErrorFrom(response: HttpResponse, grant: SalesforceGrant): CrmError {
  let body: unknown;
  try {
    body = JSON.parse(response.text) as unknown;
  } catch {
    body = undefined;
  }
  const parsed = oauthErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    const code: CrmErrorCode = response.status >= 500 ? 'UNAVAILABLE' : 'MALFORMED_RESPONSE';
    return new CrmError(code, `Salesforce's token endpoint answered HTTP ${response.status} without a readable OAuth error.`, {
      status: response.status,
    });
  }
  const { error, error_description: description } = parsed.data;
  const [code, advice] =
    error === 'invalid_grant'
      ? (['AUTH_INVALID', invalidGrantAdvice[grant]] as const)
      : ((Object.hasOwn(adviceFor, error) ? adviceFor[error] : undefined) ?? [response.status >= 500 ? 'UNAVAILABLE' : 'AUTH_INVALID', 'Salesforce refused the sign-in.']);
  const quoted = description === undefined || description === '' ? error : `${error}: ${description}`;
  return new CrmError(code, `${advice} (Salesforce: ${quoted})`, { status: response.status, crmCode: error });
}
