import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPath, homePath } from '../../apps/demo/src/routes';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { demoData } from '../support/demoData';
import { expectNoCspViolation, openDemoPage } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';

/** The demo's entry page: every account, linked to its page on each host, and the home pages. */
const data = demoData();
const csp = new CspReport();

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  csp.print('account list');
  await browser?.close();
  await server?.close();
});

describe('the demo accounts list (Chromium)', () => {
  it('lists every demo account with links to its Salesforce and web pages, and links the home pages', async () => {
    const probed = await openDemoPage(browser, server, data, '/');
    const { page } = probed;
    const rows = page.locator('table.demo-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(data.dataset.accounts.length);
    const first = [...data.dataset.accounts].sort((a, b) => a.name.localeCompare(b.name))[0];
    if (first === undefined) throw new Error('no demo account');
    const id = data.org.salesforceIdOf('account', first.id);
    const row = rows.filter({ hasText: first.name }).first();
    expect(await row.locator('a[data-host="salesforce"]').getAttribute('href')).toBe(accountPath('salesforce', id));
    expect(await row.locator('a[data-host="web"]').getAttribute('href')).toBe(accountPath('web', id));
    for (const host of ['salesforce', 'web'] as const) {
      for (const role of ['bu-leader', 'cx-leader'] as const) {
        expect(await page.locator(`a[href="${homePath(host, { role })}"]`).count()).toBe(1);
      }
    }
    await page.screenshot({ path: join(testOutputDir('e2e'), 'account-list.png') });
    await expectNoCspViolation(csp, '/', probed);
    await page.close();
  });
});
