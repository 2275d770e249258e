import { createSalesforceOrg } from '@kizuna/crm-sim';
import type { Feedback } from '@kizuna/model';
import { generateOrganisation } from '@kizuna/sample-data';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { testOutputDir } from '../support/testOutput';

/**
 * The thin path end to end: generated data → simulated Salesforce REST (service worker) →
 * Salesforce adapter → metrics core → React widget, in Chromium. The expected NPS is computed
 * here, directly from the generated data, without the metrics package.
 */
const dataset = generateOrganisation({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf: demoConfig.asOf });
const org = createSalesforceOrg(dataset);
const windowStart = Date.parse(demoConfig.asOf) - 365 * 86_400_000;

function npsAnswersOf(accountId: string): Feedback[] {
  return dataset.feedback.filter((answer) => {
    const at = Date.parse(answer.respondedAt);
    return answer.kind === 'nps' && answer.accountId === accountId && at > windowStart && at <= Date.parse(demoConfig.asOf);
  });
}

function expectedNps(answers: readonly Feedback[]): { text: string; n: number } {
  const promoters = answers.filter((answer) => answer.score >= 9).length;
  const detractors = answers.filter((answer) => answer.score <= 6).length;
  const nps = ((promoters - detractors) / answers.length) * 100;
  return { text: new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(Math.round(nps)), n: answers.length };
}

const byAnswers = dataset.accounts
  .map((account) => ({ account, answers: npsAnswersOf(account.id) }))
  .filter((entry) => entry.answers.length > 0)
  .sort((a, b) => b.answers.length - a.answers.length || a.account.id.localeCompare(b.account.id));

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('account NPS in the demo (Chromium)', () => {
  it('shows the NPS, interval and response count computed from the generated data', async () => {
    const busiest = byAnswers[0];
    expect(busiest, 'the demo data has NPS answers').toBeDefined();
    if (busiest === undefined) return;
    const expected = expectedNps(busiest.answers);
    const page = await browser.context.newPage();
    const salesforceId = org.salesforceIdOf('account', busiest.account.id);
    await page.goto(`${server.url}/salesforce/account/${salesforceId}`);

    const region = page.getByRole('region', { name: 'Net Promoter Score' });
    await expect.poll(() => region.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await region.getByTestId('nps-responses').textContent()).toContain(`${expected.n} responses`);
    expect(await region.getByTestId('nps-interval').textContent()).toMatch(/^95% interval: [-+]?\d+ to [-+]?\d+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(busiest.account.name);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'account-nps.png'), fullPage: true });
    await page.close();
  });

  it('marks an account with few answers as indicative, in Japanese when asked', async () => {
    const quiet = byAnswers.findLast((entry) => entry.answers.length < 10);
    expect(quiet, 'the demo data has an account with fewer than 10 answers').toBeDefined();
    if (quiet === undefined) return;
    const expected = expectedNps(quiet.answers);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/salesforce/account/${org.salesforceIdOf('account', quiet.account.id)}?lang=ja`);
    const region = page.getByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' });
    await expect.poll(() => region.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await region.locator('[data-warning="small_sample"]').textContent()).toContain(`回答が${expected.n}件`);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'account-nps-ja-small-sample.png'), fullPage: true });
    await page.close();
  });

  it('lists the demo accounts and links each to its account page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    const links = page.getByRole('link', { name: dataset.accounts[0]?.name ?? '' });
    await expect.poll(() => links.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.locator('table.demo-table tbody tr').count()).toBe(dataset.accounts.length);
    await page.close();
  });
});
