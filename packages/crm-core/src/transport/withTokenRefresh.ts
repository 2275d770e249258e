import type { CrmError } from '../crmError';
import type { HttpRequest, HttpTransport } from '../httpTransport';
import { abortable } from './abort';
import type { ResponseClassifier } from './responseClassifier';
import type { TokenSource } from './tokenSource';

export interface TokenRefreshOptions {
  readonly tokens: TokenSource;
  readonly classify: ResponseClassifier;
  /** Errors a refresh can fix. Default: AUTH_EXPIRED only — never AUTH_INVALID. */
  readonly isRefreshable?: (error: CrmError) => boolean;
  /** The `Authorization` scheme: `Bearer` (Salesforce), `Zoho-oauthtoken` (Zoho). */
  readonly scheme?: string;
}

export function isAuthExpired(error: CrmError): boolean {
  return error.code === 'AUTH_EXPIRED';
}

/**
 * Sends each request with the source's access token. When the answer is classified as
 * refreshable, refreshes once (concurrent failures share one refresh) and sends the request once
 * more with the new token. Whatever that second answer is, it is returned: a second expiry
 * surfaces to the caller, never a loop. Replaces `withBearerAuth` in a stack.
 */
export function withTokenRefresh(transport: HttpTransport, options: TokenRefreshOptions): HttpTransport {
  const isRefreshable = options.isRefreshable ?? isAuthExpired;
  const scheme = options.scheme ?? 'Bearer';
  const send = (request: HttpRequest, token: string) =>
    transport({ ...request, headers: { ...request.headers, Authorization: `${scheme} ${token}` } });

  return async (request) => {
    const token = await abortable(options.tokens.current(), request.signal);
    const response = await send(request, token);
    const error = options.classify(response);
    if (error === undefined || !isRefreshable(error)) return response;
    const fresh = await abortable(options.tokens.refresh(token), request.signal);
    return send(request, fresh);
  };
}
