import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData, expectedNps } from '../support/demoData';
import { expectNoCspViolation, openDemoPage } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';

/**
 * The demo's plain web pages in Chromium: `<kizuna-dashboard>` from @kizuna/embed-web, with the
 * simulated Salesforce's REST data source registered in code.
 */
const data = demoData();
const busiest = busiestAccount(data);
const expected = expectedNps(busiest.answers);
const csp = new CspReport();

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  csp.print('web pages');
  await browser?.close();
  await server?.close();
});

describe('web pages of the demo (<kizuna-dashboard>, Chromium)', () => {
  const accountPage = `/web/account/${busiest.salesforceId}`;

  it('mounts the element with the account and shows its figures, then unmounts it without leaving listeners', async () => {
    const probed = await openDemoPage(browser, server, data, accountPage);
    const { page } = probed;
    const element = page.locator('kizuna-dashboard');
    expect(await element.getAttribute('account')).toBe(busiest.salesforceId);
    const nps = element.getByRole('region', { name: 'Net Promoter Score' });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await nps.getByTestId('nps-responses').textContent()).toContain(`${expected.n} responses`);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'web-account-manager.png'), fullPage: true });

    const mounted = await probed.counts();
    await page.evaluate(() => {
      const dashboard = document.querySelector('kizuna-dashboard');
      if (dashboard === null) throw new Error('no <kizuna-dashboard> on the page');
      (window as unknown as { __removedDashboard: Element }).__removedDashboard = dashboard;
      dashboard.remove();
    });
    const unmounted = await probed.counts();
    const leftInShadow = await page.evaluate(
      () => (window as unknown as { __removedDashboard: Element }).__removedDashboard.shadowRoot?.querySelectorAll('.kz-widget').length ?? -1,
    );
    expect(leftInShadow, 'the element removed its dashboard').toBe(0);
    await page.evaluate(() => document.querySelector('[data-testid="web-region"]')?.append((window as unknown as { __removedDashboard: Element }).__removedDashboard));
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    await page.evaluate(() => document.querySelector('kizuna-dashboard')?.remove());
    const again = await probed.counts();
    process.stdout.write(
      `\n<kizuna-dashboard> listeners on window/document: mounted ${mounted.globalListeners}, after unmount ${unmounted.globalListeners}, after remount + unmount ${again.globalListeners}; intervals ${mounted.intervals} → ${unmounted.intervals} → ${again.intervals}\n`,
    );
    expect(unmounted.globalListeners).toBeLessThanOrEqual(mounted.globalListeners);
    expect(again.globalListeners).toBe(unmounted.globalListeners);
    expect(again.intervals).toBe(unmounted.intervals);
    await expectNoCspViolation(csp, accountPage, probed);
    await page.close();
  });

  it('switches to Japanese from the language switcher', async () => {
    const probed = await openDemoPage(browser, server, data, accountPage);
    const { page } = probed;
    await page.locator('[data-switcher="language"] a[data-lang="ja"]').click();
    await page.waitForURL(/lang=ja/);
    const nps = page.locator('kizuna-dashboard').getByRole('region', { name: 'ネット・プロモーター・スコア（NPS）' });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expected.text);
    expect(await page.locator('kizuna-dashboard').getAttribute('locale')).toBe('ja');
    await page.screenshot({ path: join(testOutputDir('e2e'), 'web-account-manager-ja.png'), fullPage: true });
    await expectNoCspViolation(csp, `${accountPage}?lang=ja`, probed);
    await page.close();
  });

  for (const role of ['bu-leader', 'cx-leader'] as const) {
    it(`shows the ${role} dashboard on the web home page`, async () => {
      const path = `/web/home?role=${role}`;
      const probed = await openDemoPage(browser, server, data, path);
      const { page } = probed;
      await expect.poll(() => page.locator('kizuna-dashboard').locator('[role="region"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('kizuna-dashboard').locator('.kz-dashboard, [role="region"]').first().innerText(), { timeout: 90_000 }).not.toMatch(/Loading…/);
      expect(await page.locator('kizuna-dashboard').getAttribute('role')).toBe(role);
      // The role's own dashboard, not the "not available" state: its widgets, none saying it is unavailable.
      expect(await page.locator('kizuna-dashboard').locator('.kz-dashboard').getAttribute('data-role')).toBe(role);
      expect(await page.locator('kizuna-dashboard').locator('[data-state="not-available"]').count()).toBe(0);
      expect(await page.locator('kizuna-dashboard').locator('.kz-widget[role="region"]').count()).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: join(testOutputDir('e2e'), `web-${role}.png`), fullPage: true });
      await expectNoCspViolation(csp, path, probed);
      await page.close();
    });
  }
});
