import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData, expectedNps, pinClock } from '../support/demoData';
import { expectNoCspViolation as expectCspClean } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport, probePage, type ProbedPage } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';

/**
 * The demo's Salesforce pages in Chromium: the real `kizunaDashboard` LWC (compiled with the LWC
 * compiler, synthetic shadow) loads the real static resource, and reads through the reference
 * Apex gateway over the simulated org. Expected figures are computed here from the generated data.
 */
const data = demoData();
const busiest = busiestAccount(data);
const expected = expectedNps(busiest.answers);
const contactNames = data.dataset.contacts.filter((contact) => contact.accountId === busiest.account.id).map((contact) => contact.name);
const csp = new CspReport();

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  csp.print('Salesforce pages');
  await browser?.close();
  await server?.close();
});

/** A demo page, with every Apex read the page makes kept (the plans the component sent). */
async function open(path: string): Promise<ProbedPage & { readonly plans: string[] }> {
  const page = await browser.context.newPage();
  await pinClock(page, data.asOf);
  const probed = await probePage(page);
  const plans: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(`${demoConfig.apexGatewayPath}/read`)) plans.push(request.postData() ?? '');
  });
  await page.goto(`${server.url}${path}`);
  return { ...probed, plans };
}

const expectNoCspViolation = (label: string, probed: ProbedPage) => expectCspClean(csp, label, probed);

function dashboardOf(page: Page) {
  return page.locator('c-kizuna-dashboard');
}

describe('Salesforce pages of the demo (LWC + static resource + Apex gateway, Chromium)', () => {
  const accountPage = `/salesforce/account/${busiest.salesforceId}`;

  it('mounts the component on the account page with its record and shows that account’s figures', async () => {
    const probed = await open(accountPage);
    const { page } = probed;
    const nps = dashboardOf(page).getByRole('region', { name: 'Net Promoter Score' });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await nps.getByTestId('nps-responses').textContent()).toContain(`${expected.n} responses`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(busiest.account.name);
    // The record context reached the gateway: its plans name this account, and its people are shown.
    expect(probed.plans.some((plan) => plan.includes(busiest.salesforceId))).toBe(true);
    const shown = await dashboardOf(page).locator('.kizuna-embed').innerText();
    expect(contactNames.some((name) => shown?.includes(name))).toBe(true);
    expect(await page.evaluate(() => typeof window.KizunaEmbed)).toBe('object');
    await page.screenshot({ path: join(testOutputDir('e2e'), 'salesforce-account-manager.png'), fullPage: true });
    await expectNoCspViolation(accountPage, probed);
    await page.close();
  });

  it('unmounts when the component leaves the page, leaving no listener or interval behind', async () => {
    const probed = await open(accountPage);
    const { page } = probed;
    const value = dashboardOf(page).getByTestId('nps-value');
    await expect.poll(() => value.textContent(), { timeout: 60_000 }).toBe(expected.text);
    // Lightning removes a component when the user navigates away; do that, then bring it back and remove it again.
    const mountedRoots = () =>
      page.evaluate(() => {
        const element = document.querySelector('c-kizuna-dashboard');
        return element?.shadowRoot?.querySelector('.kizuna-root')?.childElementCount ?? -1;
      });
    expect(await mountedRoots()).toBe(1);
    const mounted = await probed.counts();
    await page.evaluate(() => {
      const element = document.querySelector('c-kizuna-dashboard');
      if (element === null) throw new Error('no component on the page');
      (window as unknown as { __removedDashboard: Element }).__removedDashboard = element;
      element.remove();
    });
    const afterFirst = await probed.counts();
    const leftInRemoved = await page.evaluate(
      () => (window as unknown as { __removedDashboard: Element }).__removedDashboard.shadowRoot?.querySelector('.kizuna-root')?.childElementCount ?? -1,
    );
    expect(leftInRemoved, 'the embed removed what it rendered').toBe(0);
    await page.evaluate(() => document.querySelector('[data-testid="lightning-region"]')?.append((window as unknown as { __removedDashboard: Element }).__removedDashboard));
    await expect.poll(() => value.textContent(), { timeout: 60_000 }).toBe(expected.text);
    await page.evaluate(() => document.querySelector('c-kizuna-dashboard')?.remove());
    const afterSecond = await probed.counts();
    process.stdout.write(
      `\nLWC listeners on window/document: mounted ${mounted.globalListeners}, after unmount ${afterFirst.globalListeners}, after remount + unmount ${afterSecond.globalListeners}; intervals ${mounted.intervals} → ${afterFirst.intervals} → ${afterSecond.intervals}\n`,
    );
    expect(afterFirst.globalListeners).toBeLessThanOrEqual(mounted.globalListeners);
    expect(afterSecond.globalListeners).toBe(afterFirst.globalListeners);
    expect(afterSecond.intervals).toBe(afterFirst.intervals);
    await expectNoCspViolation(`${accountPage} (unmount, remount)`, probed);
    await page.close();
  });

  it('switches to Japanese from the language switcher (the component gets the user’s new locale)', async () => {
    const probed = await open(accountPage);
    const { page } = probed;
    await page.locator('[data-switcher="language"] a[data-lang="ja"]').click();
    await page.waitForURL(/lang=ja/);
    const nps = dashboardOf(page).getByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.screenshot({ path: join(testOutputDir('e2e'), 'salesforce-account-manager-ja.png'), fullPage: true });
    await expectNoCspViolation(`${accountPage}?lang=ja`, probed);
    await page.close();
  });

  for (const role of ['bu-leader', 'cx-leader'] as const) {
    it(`mounts the ${role} dashboard on the Lightning home page, in dark`, async () => {
      const path = `/salesforce/home?role=${role}&theme=dark`;
      const probed = await open(path);
      const { page } = probed;
      // The dashboard of the role (or its typed "not available" state): a titled region inside the component.
      await expect.poll(() => dashboardOf(page).locator('.kizuna-embed [role="region"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      // …and it has finished loading its figures through the gateway.
      await expect.poll(() => dashboardOf(page).locator('.kizuna-embed').innerText(), { timeout: 90_000 }).not.toMatch(/Loading…/);
      expect(await dashboardOf(page).locator('.kizuna-error').count()).toBe(0);
      // The role's own dashboard, not the "not available" state: its widgets, none saying it is unavailable.
      expect(await dashboardOf(page).locator('.kizuna-embed').locator('.kz-dashboard').getAttribute('data-role')).toBe(role);
      expect(await dashboardOf(page).locator('.kizuna-embed').locator('[data-state="not-available"]').count()).toBe(0);
      expect(await dashboardOf(page).locator('.kizuna-embed').locator('.kz-widget[role="region"]').count()).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: join(testOutputDir('e2e'), `salesforce-${role}.png`), fullPage: true });
      await expectNoCspViolation(path, probed);
      await page.close();
    });
  }
});
