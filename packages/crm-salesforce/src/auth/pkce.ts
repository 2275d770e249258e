import { CrmError } from '@kizuna/crm-core';
import { base64UrlFromBytes } from './base64url';

/** A PKCE verifier (kept by the app until the code exchange) and its S256 challenge (sent to authorize). */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/** base64url(SHA-256(verifier)), RFC 7636 §4.2. */
export async function pkceChallenge(verifier: string): Promise<string> {
  if (!verifierPattern.test(verifier)) {
    throw new CrmError('INVALID_INPUT', 'A PKCE verifier must be 43–128 characters of A–Z, a–z, 0–9, "-", ".", "_", "~".');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlFromBytes(new Uint8Array(digest));
}

/**
 * A fresh verifier from `byteLength` random bytes (32 → 43 characters, the RFC's recommendation;
 * at most 96 → 128 characters), and its challenge.
 */
export async function createPkcePair(byteLength = 32): Promise<PkcePair> {
  if (!Number.isInteger(byteLength) || byteLength < 32 || byteLength > 96) {
    throw new CrmError('INVALID_INPUT', 'A PKCE verifier is made from 32 to 96 random bytes.');
  }
  const verifier = base64UrlFromBytes(crypto.getRandomValues(new Uint8Array(byteLength)));
  return { verifier, challenge: await pkceChallenge(verifier), method: 'S256' };
}
