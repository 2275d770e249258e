import { createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bcp47FromSalesforceLocale } from './currentUser';
import { createSalesforceDataSource } from './salesforceDataSource';

/** The signed-in user from the simulated org's UserInfo endpoint, over (intercepted) HTTP. */
const instanceUrl = 'https://user.my.salesforce.com';
const org = createSalesforceOrg(generateOrganisation({ seed: 2, accounts: 3 }));
org.oauth.addUser('aiko@kizuna.example', { name: '佐藤 愛子', email: 'aiko@kizuna.example', locale: 'ja_JP', language: 'ja', timeZone: 'Asia/Tokyo' });
const server = setupServer(...salesforceHandlers(org, { instanceUrl, accessTokens: ['integration-token'] }));
const aikoToken = org.sessions.issue('aiko-token', 'aiko@kizuna.example');
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('currentUser', () => {
  it('reads the user of the access token: id, name, email, locale as BCP 47 and IANA time zone', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => aikoToken });
    expect(await dataSource.currentUser()).toEqual({
      id: org.oauth.userId('aiko@kizuna.example'),
      name: '佐藤 愛子',
      email: 'aiko@kizuna.example',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
    });
    expect(dataSource.stats.calls).toBe(1);
    expect(org.calls.apiUsage).toBe(0);
  });

  it('gets a new token once when UserInfo refuses the old one (403 Bad_OAuth_Token)', async () => {
    const issued = ['stale-token', 'integration-token'];
    let asked = 0;
    const dataSource = createSalesforceDataSource({
      connection: { instanceUrl },
      tokens: () => issued[Math.min(asked++, issued.length - 1)] ?? '',
    });
    expect(await dataSource.currentUser()).toMatchObject({ name: 'Kizuna Integration', locale: 'en-US', timeZone: 'America/Los_Angeles' });
    expect(dataSource.stats.calls).toBe(2);
  });

  it('reports a token that stays refused as an expired session', async () => {
    const dataSource = createSalesforceDataSource({ connection: { instanceUrl }, tokens: () => 'stolen' });
    await expect(dataSource.currentUser()).rejects.toMatchObject({ code: 'AUTH_EXPIRED', crmCode: 'Bad_OAuth_Token', status: 403 });
  });

  it.each([
    ['en_US', 'en-US'],
    ['ja_JP', 'ja-JP'],
    ['ja', 'ja'],
    ['zh_CN_PINYIN', 'zh-CN'],
    ['de_DE_EURO', 'de-DE'],
    ['sr_Latn_RS', 'sr-Latn-RS'],
    ['es_419', 'es-419'],
  ])('turns the Salesforce locale %s into %s', (locale, tag) => {
    expect(bcp47FromSalesforceLocale(locale)).toBe(tag);
  });
});
