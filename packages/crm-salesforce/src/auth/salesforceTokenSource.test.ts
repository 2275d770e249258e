import { describe, expect, it } from 'vitest';
import { parseSalesforceConnection } from '../connection';
import { json, loginUrl, tokenBody, tokenEndpoint } from './fakeSalesforce';
import { createSalesforceJwtTokenSource, createSalesforceTokenSource } from './salesforceTokenSource';
import type { SalesforceSession } from './tokenResponse';

const session: SalesforceSession = {
  connection: parseSalesforceConnection({ instanceUrl: 'https://acme.my.salesforce.com' }),
  accessToken: 'A1',
  refreshToken: 'R1',
  identityUrl: 'https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P',
  scopes: ['api', 'refresh_token'],
  issuedAt: undefined,
};
const app = { loginUrl, clientId: '3MVG9_consumer_key' };

describe('createSalesforceTokenSource', () => {
  it('refreshes with the refresh-token grant, taking up rotated refresh tokens in turn', async () => {
    const endpoint = tokenEndpoint(
      json(200, tokenBody('A2', { refresh_token: 'R2' })),
      json(200, tokenBody('A3', { refresh_token: 'R3', instance_url: 'https://acme2.my.salesforce.com' })),
    );
    const stored: string[] = [];
    const tokens = createSalesforceTokenSource({
      ...app,
      session,
      transport: endpoint.transport,
      onRefreshTokenRotated: (refreshToken) => {
        stored.push(refreshToken);
      },
    });

    await expect(tokens.current()).resolves.toBe('A1');
    await expect(Promise.all([tokens.refresh('A1'), tokens.refresh('A1')])).resolves.toEqual(['A2', 'A2']);
    await expect(tokens.refresh('A2')).resolves.toBe('A3');
    expect(endpoint.forms().map((form) => form['refresh_token'])).toEqual(['R1', 'R2']);
    expect(stored).toEqual(['R2', 'R3']);
    expect(tokens.connection().instanceUrl).toBe('https://acme2.my.salesforce.com');
  });

  it('asks for a new sign-in once the refresh token is refused, and does not ask Salesforce again', async () => {
    const endpoint = tokenEndpoint(json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' }));
    const tokens = createSalesforceTokenSource({ ...app, session, transport: endpoint.transport });
    await expect(tokens.refresh('A1')).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    await expect(tokens.refresh('A1')).rejects.toMatchObject({ code: 'AUTH_INVALID' });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('cannot renew a session granted without the refresh_token scope', async () => {
    const endpoint = tokenEndpoint();
    const tokens = createSalesforceTokenSource({ ...app, session: { ...session, refreshToken: undefined }, transport: endpoint.transport });
    await expect(tokens.refresh('A1')).rejects.toMatchObject({ code: 'AUTH_INVALID', message: expect.stringContaining('Sign in') });
    expect(endpoint.requests).toHaveLength(0);
  });
});

describe('createSalesforceJwtTokenSource', () => {
  it('renews by signing a fresh assertion', async () => {
    const keys = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      false,
      ['sign', 'verify'],
    );
    const endpoint = tokenEndpoint(json(200, tokenBody('A2')));
    const tokens = createSalesforceJwtTokenSource({
      ...app,
      username: 'integration@acme.example',
      privateKey: keys.privateKey,
      session: { ...session, refreshToken: undefined },
      transport: endpoint.transport,
    });
    await expect(tokens.refresh('A1')).resolves.toBe('A2');
    expect(endpoint.forms()[0]?.['grant_type']).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
  });
});
