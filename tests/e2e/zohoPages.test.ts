import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData, expectedNps, pinClock } from '../support/demoData';
import { expectNoCspViolation as expectCspClean } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport, probePage, type ProbedPage } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';
import { probedFrame, zohoAccountIdOf, zohoWidgetFrame } from '../support/zohoDemo';

/**
 * The demo's Zoho CRM pages in Chromium: the real widget (`widget.html` and the bundle `pnpm
 * build:zoho` made) in an iframe of a Zoho-like page, over the demo's stand-in of Zoho's SDK,
 * which calls the simulated Zoho org's REST API in the service worker. Expected figures are
 * computed here from the generated data.
 */
const data = demoData();
const busiest = busiestAccount(data);
const zohoId = zohoAccountIdOf(data, busiest.account.id);
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
  csp.print('Zoho pages');
  await browser?.close();
  await server?.close();
});

/** A demo page with the COQL queries its widget sent to the simulated Zoho API. */
async function open(path: string): Promise<ProbedPage & { readonly queries: string[] }> {
  const page = await browser.context.newPage();
  await pinClock(page, data.asOf);
  const probed = await probePage(page);
  const queries: string[] = [];
  page.on('request', (request) => {
    if (request.url() === `${demoConfig.zohoApiDomain}/crm/v8/coql`) queries.push(request.postData() ?? '');
  });
  await page.goto(`${server.url}${path}`);
  return { ...probed, queries };
}

/** Records the page's and the widget frame's CSP counts; fails on any. */
async function expectNoCspViolation(label: string, probed: ProbedPage, frame: Frame | undefined): Promise<void> {
  await expectCspClean(csp, label, probed);
  if (frame !== undefined && !frame.isDetached()) await expectCspClean(csp, `${label} (widget frame)`, probedFrame(probed, frame));
}

const npsRegion = { en: 'Net Promoter Score', ja: 'ネット・プロモーター・スコア（NPS）' } as const;

/** The frame's height as the shell set it, and the height of the widget's content inside it. */
async function heights(probed: ProbedPage, frame: Frame): Promise<{ readonly frame: number; readonly content: number }> {
  const frameHeight = await probed.page.locator('[data-testid="zoho-widget-frame"]').evaluate((element) => element.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.getElementById('kizuna-root')?.getBoundingClientRect().height ?? 0);
  return { frame: frameHeight, content };
}

describe('Zoho CRM pages of the demo (widget.html in an iframe, stand-in SDK, simulated Zoho API, Chromium)', () => {
  const accountPage = `/zoho/account/${zohoId}`;

  it('runs the widget on the account page with its record, in the Zoho user’s Japanese, and fits the frame to it', async () => {
    const probed = await open(accountPage);
    const { page } = probed;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 60_000 }).toBe(busiest.account.name);
    const frame = await zohoWidgetFrame(page);
    const widget = page.frameLocator('[data-testid="zoho-widget-frame"]');
    const nps = widget.getByRole('region', { name: npsRegion.ja });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 90_000 }).toBe(expected.text);
    // The stand-in SDK defined ZOHO; the widget read this account through COQL on the simulated Zoho API.
    expect(await frame.evaluate(() => typeof window.ZOHO?.CRM.API.coql)).toBe('function');
    expect(probed.queries.some((query) => query.includes(zohoId))).toBe(true);
    const shown = await widget.locator('#kizuna-root').innerText();
    expect(contactNames.some((name) => shown.includes(name))).toBe(true);
    // ZOHO.CRM.UI.Resize: the shell gave the frame the widget's height.
    await expect.poll(async () => {
      const size = await heights(probed, frame);
      return Math.abs(size.frame - Math.max(120, Math.ceil(size.content)));
    }, { timeout: 10_000 }).toBeLessThanOrEqual(1);
    const size = await heights(probed, frame);
    process.stdout.write(`\nZoho widget frame: ${String(size.frame)} px for ${String(Math.ceil(size.content))} px of content\n`);
    expect(size.frame).toBeGreaterThan(300);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'zoho-account-manager.png'), fullPage: true });
    await expectNoCspViolation(accountPage, probed, frame);
    await page.close();
  });

  it('speaks English when the page says ?lang=en (the user’s locale overridden)', async () => {
    const path = `${accountPage}?lang=en`;
    const probed = await open(path);
    const { page } = probed;
    const frame = await zohoWidgetFrame(page);
    const nps = page.frameLocator('[data-testid="zoho-widget-frame"]').getByRole('region', { name: npsRegion.en });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 90_000 }).toBe(expected.text);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'zoho-account-manager-en.png'), fullPage: true });
    await expectNoCspViolation(path, probed, frame);
    await page.close();
  });

  it('removes the widget when its section is closed, leaving no listener behind, and loads it again when opened', async () => {
    const probed = await open(accountPage);
    const { page } = probed;
    const frame = await zohoWidgetFrame(page);
    const value = () => page.frameLocator('[data-testid="zoho-widget-frame"]').getByRole('region', { name: npsRegion.ja }).getByTestId('nps-value').textContent();
    await expect.poll(value, { timeout: 90_000 }).toBe(expected.text);
    await expectNoCspViolation(`${accountPage} (before closing)`, probed, frame);
    const mounted = await probed.counts();
    const toggle = page.getByTestId('zoho-widget-panel').getByRole('button');
    await toggle.click();
    await expect.poll(() => page.locator('[data-testid="zoho-widget-frame"]').count()).toBe(0);
    expect(frame.isDetached()).toBe(true);
    const afterFirst = await probed.counts();
    await toggle.click();
    await expect.poll(value, { timeout: 90_000 }).toBe(expected.text);
    await toggle.click();
    await expect.poll(() => page.locator('[data-testid="zoho-widget-frame"]').count()).toBe(0);
    const afterSecond = await probed.counts();
    process.stdout.write(
      `\nZoho shell listeners on window/document: mounted ${mounted.globalListeners}, after close ${afterFirst.globalListeners}, after reopen + close ${afterSecond.globalListeners}; intervals ${mounted.intervals} → ${afterFirst.intervals} → ${afterSecond.intervals}\n`,
    );
    expect(afterFirst.globalListeners).toBeLessThan(mounted.globalListeners);
    expect(afterSecond.globalListeners).toBe(afterFirst.globalListeners);
    expect(afterSecond.intervals).toBe(afterFirst.intervals);
    await expectNoCspViolation(`${accountPage} (close, reopen, close)`, probed, undefined);
    await page.close();
  });

  it('is linked from the account list by each account’s Zoho id, with the web-tab pages', async () => {
    const probed = await open('/');
    const { page } = probed;
    const row = page.locator('tr', { has: page.getByRole('link', { name: busiest.account.name, exact: true }) });
    await expect.poll(() => row.locator('a[data-host="zoho"]').getAttribute('href'), { timeout: 60_000 }).toBe(accountPage);
    for (const role of ['bu-leader', 'cx-leader'] as const) expect(await page.locator(`a[href="/zoho/home?role=${role}"]`).count()).toBe(1);
    await expectNoCspViolation('/ (Zoho links)', probed, undefined);
    await page.close();
  });

  for (const role of ['bu-leader', 'cx-leader'] as const) {
    it(`runs the ${role} dashboard on the Zoho web tab (role from the widget URL)`, async () => {
      const path = `/zoho/home?role=${role}`;
      const probed = await open(path);
      const { page } = probed;
      const frame = await zohoWidgetFrame(page);
      expect(new URL(frame.url()).searchParams.get('role')).toBe(role);
      const root = page.frameLocator('[data-testid="zoho-widget-frame"]').locator('#kizuna-root');
      await expect.poll(() => root.locator('[role="region"]').count(), { timeout: 90_000 }).toBeGreaterThan(0);
      await expect.poll(() => root.innerText(), { timeout: 90_000 }).not.toMatch(/Loading…|読み込み中/);
      expect(await root.locator('.kz-state--error, [role="alert"]').count()).toBe(0);
      // The role's own dashboard, not the "not available" state: its widgets, none saying it is unavailable.
      expect(await root.locator('.kz-dashboard').getAttribute('data-role')).toBe(role);
      expect(await root.locator('[data-state="not-available"]').count()).toBe(0);
      expect(await root.locator('.kz-widget[role="region"]').count()).toBeGreaterThanOrEqual(3);
      expect(probed.queries.length).toBeGreaterThan(0);
      const size = await heights(probed, frame);
      expect(size.frame).toBeGreaterThan(120);
      await page.screenshot({ path: join(testOutputDir('e2e'), `zoho-${role}.png`), fullPage: true });
      await expectNoCspViolation(path, probed, frame);
      await page.close();
    });
  }
});
