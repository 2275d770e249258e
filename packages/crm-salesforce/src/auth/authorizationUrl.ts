import { CrmError } from '@kizuna/crm-core';
import { loginOrigin } from './loginUrl';

export interface AuthorizationRequest {
  readonly loginUrl: string;
  /** The connected app's consumer key. */
  readonly clientId: string;
  readonly redirectUri: string;
  /** E.g. `['api', 'refresh_token']`; `refresh_token` is needed to stay signed in. */
  readonly scope: string | readonly string[];
  /** An unguessable value kept by the app and checked on the way back (CSRF). */
  readonly state: string;
  /** From `createPkcePair()`. */
  readonly codeChallenge: string;
  /** E.g. `login consent` to force the login page. */
  readonly prompt?: string;
}

/** Where to send the user to sign in: the web-server flow with PKCE (S256). */
export function authorizationUrl(request: AuthorizationRequest): string {
  if (request.state.length < 16) {
    throw new CrmError('INVALID_INPUT', 'The OAuth state must be an unguessable value of at least 16 characters.');
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(request.codeChallenge)) {
    throw new CrmError('INVALID_INPUT', 'The PKCE code challenge must be a base64url SHA-256 digest (43 characters).');
  }
  const scope = typeof request.scope === 'string' ? request.scope : request.scope.join(' ');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  if (request.prompt !== undefined) query.set('prompt', request.prompt);
  // URLSearchParams writes a space as "+"; a literal "+" is already "%2B", so this is exact.
  return `${loginOrigin(request.loginUrl)}/services/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

/**
 * The authorization code from the redirect back to `redirectUri`, once its `state` is the one the
 * app sent. A refusal by the user, or any other error Salesforce reports there, becomes a CrmError.
 */
export function readAuthorizationCallback(callbackUrl: string, expectedState: string): string {
  if (!URL.canParse(callbackUrl)) throw new CrmError('INVALID_INPUT', 'The sign-in callback is not a URL.');
  const query = new URL(callbackUrl).searchParams;
  if (query.get('state') !== expectedState) {
    throw new CrmError('AUTH_INVALID', 'This sign-in answer does not belong to the sign-in Kizuna started. Start the sign-in again.');
  }
  const error = query.get('error');
  if (error === 'access_denied') {
    throw new CrmError('PERMISSION_DENIED', 'Kizuna was not allowed to access Salesforce. Connect again and choose Allow.', { crmCode: error });
  }
  if (error !== null) {
    const description = query.get('error_description') ?? error;
    throw new CrmError('AUTH_INVALID', `Salesforce refused the sign-in (${description}). Start the sign-in again, or ask an administrator to check the connected app.`, { crmCode: error });
  }
  const code = query.get('code');
  if (code === null || code === '') {
    throw new CrmError('MALFORMED_RESPONSE', 'Salesforce redirected back without an authorization code.');
  }
  return code;
}
