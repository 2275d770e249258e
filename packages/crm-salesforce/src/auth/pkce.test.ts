import { describe, expect, it } from 'vitest';
import { createPkcePair, pkceChallenge } from './pkce';

describe('PKCE', () => {
  it("computes RFC 7636's example challenge (Appendix B)", async () => {
    await expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier from the unreserved set, with its S256 challenge', async () => {
    const pair = await createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(pair.method).toBe('S256');
    await expect(pkceChallenge(pair.verifier)).resolves.toBe(pair.challenge);
    expect((await createPkcePair()).verifier).not.toBe(pair.verifier);
  });

  it('makes verifiers up to the 128-character maximum, and no longer', async () => {
    expect((await createPkcePair(96)).verifier).toHaveLength(128);
    await expect(createPkcePair(97)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createPkcePair(31)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a verifier outside RFC 7636', async () => {
    await expect(pkceChallenge('too-short')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(pkceChallenge(`${'a'.repeat(42)}+`)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
