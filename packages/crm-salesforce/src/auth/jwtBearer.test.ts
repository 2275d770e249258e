import { beforeAll, describe, expect, it } from 'vitest';
import { base64UrlFromBytes, bytesFromBase64 } from './base64url';
import { json, loginUrl, tokenBody, tokenEndpoint } from './fakeSalesforce';
import { createJwtAssertion, exchangeJwt, importPkcs8PrivateKey } from './jwtBearer';

const rs256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

async function rsaKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ ...rs256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
}

/** Checks the signature with the public key and returns the decoded header and claims. */
async function verified(jwt: string, publicKey: CryptoKey) {
  const [header = '', claims = '', signature = ''] = jwt.split('.');
  const valid = await crypto.subtle.verify(rs256, publicKey, bytesFromBase64(signature), new TextEncoder().encode(`${header}.${claims}`));
  const decode = (part: string): unknown => JSON.parse(new TextDecoder().decode(bytesFromBase64(part)));
  return { valid, header: decode(header), claims: decode(claims) };
}

const now = () => Date.parse('2026-03-02T10:00:00Z');
// One key pair for the file: RSA generation is the slow part.
let keys: CryptoKeyPair;
beforeAll(async () => {
  keys = await rsaKeyPair();
});
const who = { clientId: '3MVG9_consumer_key', username: 'integration@acme.example' };

describe('createJwtAssertion', () => {
  it('signs iss, sub, aud and a short exp with RS256', async () => {
    const jwt = await createJwtAssertion({ ...who, audience: loginUrl, privateKey: keys.privateKey, now });
    await expect(verified(jwt, keys.publicKey)).resolves.toEqual({
      valid: true,
      header: { alg: 'RS256', typ: 'JWT' },
      claims: { iss: '3MVG9_consumer_key', sub: 'integration@acme.example', aud: loginUrl, exp: now() / 1000 + 180 },
    });
  });

  it('refuses lifetimes past three minutes and keys that cannot sign RS256', async () => {
    await expect(createJwtAssertion({ ...who, audience: loginUrl, privateKey: keys.privateKey, lifetimeSeconds: 181 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(createJwtAssertion({ ...who, audience: loginUrl, privateKey: keys.publicKey })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const ec = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await expect(createJwtAssertion({ ...who, audience: loginUrl, privateKey: ec.privateKey })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('exchangeJwt', () => {
  it('posts the assertion and returns a session with no refresh token', async () => {
    const endpoint = tokenEndpoint(json(200, tokenBody('00Dx!server', { scope: 'web openid api id' })));
    const session = await exchangeJwt({ ...who, loginUrl: 'https://login.salesforce.com/', privateKey: keys.privateKey, now }, endpoint.transport);

    const form = endpoint.forms()[0];
    expect(form?.['grant_type']).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    await expect(verified(form?.['assertion'] ?? '', keys.publicKey)).resolves.toMatchObject({ valid: true, claims: { aud: loginUrl } });
    expect(session).toMatchObject({ accessToken: '00Dx!server', refreshToken: undefined, scopes: ['web', 'openid', 'api', 'id'] });
  });

  it('says what an administrator must do when the user has not approved the app', async () => {
    const endpoint = tokenEndpoint(json(400, { error: 'invalid_grant', error_description: "user hasn't approved this consumer" }));
    await expect(exchangeJwt({ ...who, loginUrl, privateKey: keys.privateKey }, endpoint.transport)).rejects.toMatchObject({
      code: 'AUTH_INVALID',
      message: expect.stringContaining('An administrator must pre-authorize the connected app for this user'),
    });
  });
});

describe('importPkcs8PrivateKey', () => {
  it('reads a PKCS #8 PEM into a signing key', async () => {
    const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const base64 = base64UrlFromBytes(der).replace(/-/g, '+').replace(/_/g, '/');
    const pem = `-----BEGIN PRIVATE KEY-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END PRIVATE KEY-----\n`;
    const privateKey = await importPkcs8PrivateKey(pem);
    const jwt = await createJwtAssertion({ ...who, audience: loginUrl, privateKey });
    await expect(verified(jwt, keys.publicKey)).resolves.toMatchObject({ valid: true });
  });

  it('says how to convert a PKCS #1 key', async () => {
    await expect(importPkcs8PrivateKey('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----')).rejects.toThrow(/openssl pkcs8/);
  });
});
