import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { buildPage, serveStatic, type BuiltPage, type StaticServer } from '../security/support/staticPage';

/**
 * The page `bench/dashboardLoad.bench.ts` measures, kept honest at a small size: the real
 * business-unit dashboard over the plan worker (organisation generated in the worker, every plan
 * answered there), under the strict CSP, in Chromium. The benchmark's figures mean something only
 * if this page renders the dashboard and follows its filters.
 */
let built: BuiltPage;
let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  built = await buildPage(join(import.meta.dirname, 'dashboardPage'), 'dashboard-load');
  server = await serveStatic(built.dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.remove();
});

describe('the load benchmark’s page (BU dashboard over a plan worker, Chromium)', () => {
  it('renders the comparison from the worker’s plans and follows a filter changed from the keyboard', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.goto(`${server.url}/?accounts=300`);
      await page.waitForFunction(() => window.__kizunaBench !== undefined, undefined, { timeout: 60_000 });
      const settled = () => page.waitForFunction(() => document.querySelector('table.kz-table--kpis') !== null && document.querySelectorAll('.kz-skeleton, [aria-busy="true"]').length === 0, undefined, { timeout: 60_000 });
      await settled();
      const info = await page.evaluate(() => window.__kizunaBench);
      expect(info?.accounts).toBe(300);
      expect(info?.feedback).toBeGreaterThan(1_000);
      const rows = await page.locator('table.kz-table--kpis tbody tr').count();
      expect(rows).toBeGreaterThan(5);

      const period = page.getByLabel('Period', { exact: true });
      const before = await period.inputValue();
      await period.focus();
      await page.keyboard.press('ArrowDown');
      await settled();
      expect(await period.inputValue()).not.toBe(before);
      expect(await page.locator('table.kz-table--kpis tbody tr').count()).toBeGreaterThan(5);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
