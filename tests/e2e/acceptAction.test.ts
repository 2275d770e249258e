import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData } from '../support/demoData';
import { expectNoCspViolation, openDemoPage } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';

/**
 * Accepting a next best action on the Lightning account page writes one Task through the Apex
 * gateway (an upsert by action key); after a reload the simulated org still has it (the demo
 * replays this tab's writes) and the dashboard shows the action as accepted, not proposed again.
 */
const data = demoData();
const busiest = busiestAccount(data);
const csp = new CspReport();

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  csp.print('accept an action');
  await browser?.close();
  await server?.close();
});

/** The account's Kizuna Tasks, read from the simulated org's REST API inside the page. */
function kizunaTasks(page: Page): Promise<{ Subject: string; Kizuna_Action_Key__c: string }[]> {
  const soql = `SELECT Subject, Kizuna_Action_Key__c FROM Task WHERE WhatId = '${busiest.salesforceId}' AND Kizuna_Action_Key__c != null`;
  return page.evaluate(
    async ({ url, token }) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { records: { Subject: string; Kizuna_Action_Key__c: string }[] };
      return body.records;
    },
    { url: `${demoConfig.salesforceInstanceUrl}/services/data/v66.0/query?q=${encodeURIComponent(soql)}`, token: demoConfig.salesforceAccessToken },
  );
}

describe('accepting an action on the Lightning account page (Chromium)', () => {
  it('creates one Task in the org that is still there, and shown as accepted, after a reload', async () => {
    const path = `/salesforce/account/${busiest.salesforceId}`;
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const dashboard = page.locator('c-kizuna-dashboard');
    const accept = dashboard.getByRole('button', { name: /^Accept: / }).first();
    await accept.waitFor({ timeout: 60_000 });
    const before = await kizunaTasks(page);
    const label = (await accept.getAttribute('aria-label')) ?? '';
    const title = label.replace(/^Accept: /, '');
    await accept.click();
    await expect.poll(() => dashboard.getByTestId('nba-accepted').textContent(), { timeout: 30_000 }).toContain(title);
    const after = await kizunaTasks(page);
    expect(after.length).toBe(before.length + 1);

    await page.reload();
    await expect.poll(() => dashboard.getByTestId('nba-accepted').textContent(), { timeout: 60_000 }).toContain(title);
    expect(await dashboard.getByRole('button', { name: label }).count()).toBe(0);
    expect((await kizunaTasks(page)).map((task) => task.Kizuna_Action_Key__c).sort()).toEqual(after.map((task) => task.Kizuna_Action_Key__c).sort());
    await page.screenshot({ path: join(testOutputDir('e2e'), 'salesforce-action-accepted.png'), fullPage: true });
    await expectNoCspViolation(csp, `${path} (accept, reload)`, probed);
    await page.close();
  });
});
