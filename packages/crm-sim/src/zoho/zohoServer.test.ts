import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { startZohoServer } from '../node';
import { createZohoOrg } from './zohoOrg';

describe('startZohoServer', () => {
  it('serves each org on its api_domain until closed', async () => {
    const eu = createZohoOrg(canonicalFixture(), { dataCentre: 'EU' });
    const sa = createZohoOrg(canonicalFixture(), { dataCentre: 'SA' });
    const sim = startZohoServer([eu, sa], { accessTokens: ['eu-token'] });
    try {
      const reply = await fetch(`${eu.apiDomain}/crm/v8/Accounts/actions/count`, { headers: { Authorization: 'Zoho-oauthtoken eu-token' } });
      expect(await reply.json()).toEqual({ count: 3 });
      const wrongDc = await fetch(`${sa.apiDomain}/crm/v8/Accounts/actions/count`, { headers: { Authorization: 'Zoho-oauthtoken eu-token' } });
      expect(wrongDc.status).toBe(401);
      expect(eu.calls.snapshot().byEndpoint.count).toBe(1);
    } finally {
      sim.close();
    }
  });
});
