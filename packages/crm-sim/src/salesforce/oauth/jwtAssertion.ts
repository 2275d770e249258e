import { base64UrlDecode } from './base64url';

/** A JWT split into its parts, header and claims parsed. */
export interface JwtAssertion {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** `base64url(header) + '.' + base64url(claims)`: what the signature covers. */
  readonly signingInput: string;
  readonly signature: Uint8Array<ArrayBuffer>;
}

function jsonObject(bytes: Uint8Array | null): Record<string, unknown> | null {
  if (bytes === null) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Splits a compact JWS (`header.claims.signature`); null when it is not one. */
export function parseJwt(assertion: string): JwtAssertion | null {
  const parts = assertion.split('.');
  const [header, claims, signature] = parts;
  if (parts.length !== 3 || header === undefined || claims === undefined || signature === undefined) return null;
  const headerJson = jsonObject(base64UrlDecode(header));
  const claimsJson = jsonObject(base64UrlDecode(claims));
  const signatureBytes = base64UrlDecode(signature);
  if (headerJson === null || claimsJson === null || signatureBytes === null) return null;
  return { header: headerJson, claims: claimsJson, signingInput: `${header}.${claims}`, signature: signatureBytes };
}

/** Verifies an RS256 signature with a public key given as a JWK (WebCrypto). A bad key verifies nothing. */
export async function verifyRs256(jwt: JwtAssertion, publicKeyJwk: JsonWebKey): Promise<boolean> {
  if (jwt.header['alg'] !== 'RS256') return false;
  try {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const key = await crypto.subtle.importKey('jwk', publicKeyJwk, algorithm, false, ['verify']);
    return await crypto.subtle.verify(algorithm, key, jwt.signature, new TextEncoder().encode(jwt.signingInput));
  } catch {
    return false;
  }
}

/** Whether `aud` (a string or an array of strings) names `loginUrl` (a trailing slash is ignored). */
export function audienceIncludes(aud: unknown, loginUrl: string): boolean {
  const wanted = loginUrl.replace(/\/+$/, '');
  const audiences = Array.isArray(aud) ? aud : [aud];
  return audiences.some((entry) => typeof entry === 'string' && entry.replace(/\/+$/, '') === wanted);
}
