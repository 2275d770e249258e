import { CrmError, parseJsonBody, type HttpResponse } from '@kizuna/crm-core';
import { z } from 'zod';
import { apiDomainOf } from '../dataCentres';

/**
 * `POST {accounts-server}/oauth/v2/token` answers `{access_token, refresh_token?, api_domain,
 * token_type, expires_in}` (seconds) — and its errors often as HTTP 200 with an `error` key
 * (`invalid_code`, `invalid_client`, …), which the official SDKs check before anything else.
 */
const tokenSuccessSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  api_domain: z.string(),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  /** Very old answers gave seconds here and milliseconds in `expires_in` (the official SDK reads both). */
  expires_in_sec: z.number().positive().optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface ZohoTokens {
  readonly accessToken: string;
  /** Present on the code exchange only: a refresh never rotates it. */
  readonly refreshToken: string | undefined;
  readonly apiDomain: string;
  /** Seconds the access token lives (1 hour). */
  readonly expiresIn: number;
}

/** Token errors a person has to fix (a new sign-in, the client's settings); refreshing cannot. */
const refusals: Readonly<Record<string, string>> = {
  invalid_code: 'The Zoho authorisation code or refresh token is invalid, expired or revoked: sign in again.',
  invalid_client: 'Zoho does not know this client (client id or secret, or the data centre): check the client in the API console and enable multi-DC for it.',
  invalid_redirect_uri: 'The redirect URI does not match the one registered for the Zoho client.',
  access_denied: 'The user declined access, or Zoho blocked the request: sign in again.',
  invalid_client_secret: 'The Zoho client secret is wrong.',
};

/** Reads a token endpoint answer; every failure (HTTP 200 with `error` included) becomes a CrmError. */
export function readTokenResponse(response: HttpResponse, allowLocal = false): ZohoTokens {
  const body = response.text === '' ? undefined : parseJsonBody(response, 'token response');
  const error = tokenErrorSchema.safeParse(body);
  if (error.success) {
    const code = error.data.error;
    // Access tokens per refresh token are limited to 10 per 10 minutes; past that Zoho answers
    // `{"error":"Access Denied","error_description":"You have made too many requests …"}` [obs].
    if (code === 'Access Denied') {
      throw new CrmError('RATE_LIMITED', 'Zoho refused to issue another access token now (at most 10 per 10 minutes): try again later.', { crmCode: code, status: response.status });
    }
    throw new CrmError('AUTH_INVALID', (Object.hasOwn(refusals, code) ? refusals[code] : undefined) ?? `Zoho refused the sign-in (${code}): sign in again.`, { crmCode: code, status: response.status });
  }
  if (response.status < 200 || response.status >= 300) {
    throw new CrmError(response.status >= 500 ? 'UNAVAILABLE' : 'AUTH_INVALID', `Zoho's accounts server answered HTTP ${response.status}.`, { status: response.status });
  }
  const parsed = tokenSuccessSchema.safeParse(body);
  if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', "Zoho's token response has an unexpected shape.", { cause: parsed.error });
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    apiDomain: apiDomainOf(parsed.data.api_domain, allowLocal),
    expiresIn: parsed.data.expires_in_sec ?? parsed.data.expires_in ?? 3600,
  };
}
