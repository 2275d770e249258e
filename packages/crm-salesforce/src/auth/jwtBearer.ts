import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import { base64UrlFromBytes, base64UrlFromText, bytesFromBase64 } from './base64url';
import { loginOrigin } from './loginUrl';
import { requestToken, type SalesforceSession, type TokenEndpoint } from './tokenResponse';

/** Salesforce accepts assertions that expire within three minutes. */
export const MAX_JWT_LIFETIME_SECONDS = 180;

export interface JwtAssertionOptions {
  /** `iss`: the connected app's consumer key. */
  readonly clientId: string;
  /** `sub`: the Salesforce username to act as. */
  readonly username: string;
  /**
   * `aud`: `https://login.salesforce.com`, `https://test.salesforce.com` for sandboxes, or an
   * Experience Cloud site URL — not My Domain, even when the token is requested there.
   */
  readonly audience: string;
  /** RSASSA-PKCS1-v1_5 with SHA-256 (RS256), usable for `sign`. */
  readonly privateKey: CryptoKey;
  /** 1–180; default 180. */
  readonly lifetimeSeconds?: number;
  /** Epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

function isRs256SigningKey(key: CryptoKey): boolean {
  const algorithm: KeyAlgorithm & { hash?: { name?: string } } = key.algorithm;
  return (
    key.type === 'private' &&
    key.usages.includes('sign') &&
    algorithm.name === 'RSASSA-PKCS1-v1_5' &&
    algorithm.hash?.name === 'SHA-256'
  );
}

/** An RS256-signed JWT for the JWT bearer flow, signed with WebCrypto. */
export async function createJwtAssertion(options: JwtAssertionOptions): Promise<string> {
  const lifetime = options.lifetimeSeconds ?? MAX_JWT_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_JWT_LIFETIME_SECONDS) {
    throw new CrmError('INVALID_INPUT', `A JWT assertion for Salesforce must live 1–${MAX_JWT_LIFETIME_SECONDS} seconds.`);
  }
  if (!isRs256SigningKey(options.privateKey)) {
    throw new CrmError('INVALID_INPUT', 'The JWT signing key must be an RSA private key for RSASSA-PKCS1-v1_5 with SHA-256 (RS256).');
  }
  const issuedAt = Math.floor((options.now ?? Date.now)() / 1000);
  const header = base64UrlFromText(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64UrlFromText(
    JSON.stringify({ iss: options.clientId, sub: options.username, aud: options.audience, exp: issuedAt + lifetime }),
  );
  const signingInput = `${header}.${claims}`;
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', options.privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64UrlFromBytes(new Uint8Array(signature))}`;
}

export interface JwtExchange extends TokenEndpoint, Omit<JwtAssertionOptions, 'audience'> {
  /** Default: the login URL's origin (right for login.salesforce.com and test.salesforce.com). */
  readonly audience?: string;
}

/** The JWT bearer flow: a session for a pre-authorized user, without a refresh token. */
export async function exchangeJwt(exchange: JwtExchange, transport: HttpTransport): Promise<SalesforceSession> {
  const assertion = await createJwtAssertion({ ...exchange, audience: exchange.audience ?? loginOrigin(exchange.loginUrl) });
  return requestToken(transport, exchange, 'jwt_bearer', {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion,
  });
}

/**
 * A non-extractable RS256 signing key from a PKCS #8 PEM (`-----BEGIN PRIVATE KEY-----`).
 * An `openssl genrsa` key (`BEGIN RSA PRIVATE KEY`, PKCS #1) must be converted first.
 */
export async function importPkcs8PrivateKey(pem: string): Promise<CryptoKey> {
  if (pem.includes('BEGIN RSA PRIVATE KEY')) {
    throw new CrmError('INVALID_INPUT', 'This is a PKCS #1 key; convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem`.');
  }
  const match = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/.exec(pem);
  const body = match?.[1];
  if (body === undefined) throw new CrmError('INVALID_INPUT', 'Expected a PEM private key (-----BEGIN PRIVATE KEY-----).');
  try {
    const der = bytesFromBase64(body.replace(/\s+/g, ''));
    return await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  } catch (error) {
    throw new CrmError('INVALID_INPUT', 'The PEM private key could not be read as an RSA key.', { cause: error });
  }
}
