import { createFetchTransport } from '@kizuna/crm-core';
import { createZohoKnobs, createZohoOrg, zohoHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zohoDataCentres } from '../dataCentres';
import { createZohoDataSource } from '../zohoDataSource';
import { createZohoTokenSource } from './zohoTokenSource';
import { exchangeZohoCode, parseAuthorizationRedirect, zohoAuthorizationUrl } from './oauthFlow';

/** Sign-in across data centres and token renewal against the simulator's accounts servers. */
const dataset = generateOrganisation({ seed: 4, accounts: 10 });
const knobs = createZohoKnobs({ tokenExpiresAfterCalls: 12 });
const ca = createZohoOrg(dataset, { dataCentre: 'CA', knobs });
const client = { clientId: '1000.KIZUNA', clientSecret: 'kizuna-secret', redirectUri: 'https://kizuna.example/callback' };
ca.oauth.registerClient({ clientId: client.clientId, clientSecret: client.clientSecret, redirectUris: [client.redirectUri] });
const server = setupServer(...zohoHandlers(ca, { signInDataCentre: 'CA' }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('Zoho OAuth against the simulator', () => {
  it('signs a Canadian user in through the global server, exchanges at zohocloud.ca, and renews expired tokens', async () => {
    const authorize = await fetch(zohoAuthorizationUrl(client, 'st-1'), { redirect: 'manual' });
    const redirect = parseAuthorizationRedirect(authorize.headers.get('Location') ?? '', 'st-1');
    expect(redirect.accountsServer).toBe(zohoDataCentres.CA.accountsServer);
    const plain = createFetchTransport();
    const tokens = await exchangeZohoCode(plain, client, redirect);
    expect(tokens.apiDomain).toBe('https://www.zohoapis.ca');
    const refreshToken = tokens.refreshToken ?? '';
    const source = createZohoTokenSource({ grant: { accountsServer: redirect.accountsServer, clientId: client.clientId, clientSecret: client.clientSecret, refreshToken }, transport: plain, accessToken: tokens.accessToken });
    const zoho = createZohoDataSource({ connection: { apiDomain: tokens.apiDomain }, tokens: source });
    // Tokens die after 12 calls here: a few views of 9 calls each need renewals, each one refresh shared by the calls in flight.
    expect(await zoho.listAccounts()).toHaveLength(10);
    for (const account of dataset.accounts.slice(0, 3)) await zoho.getAccountContext(ca.zohoIdOf('account', account.id));
    expect(source.refreshesInWindow()).toBeGreaterThan(0);
    expect(source.refreshesInWindow()).toBeLessThanOrEqual(10);
  });
});
