import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData, pinClock } from '../support/demoData';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { zohoAccountIdOf, zohoWidgetFrame } from '../support/zohoDemo';

/**
 * Tokens never reach the browser's storage, URLs or logs: the demo's embeds (the custom element on
 * the web pages, the Lightning component on the Salesforce pages, the Zoho widget in its iframe on
 * the Zoho pages) are used for every role over the simulated CRMs — including accepting an action
 * (a CRM write, queued in the outbox) and changing filters (kept in the URL) — then everything a
 * script, an extension or a shared screen could read, in the page and in every frame of it, is
 * dumped and searched for the simulators' access tokens (Salesforce's and Zoho's).
 */
const data = demoData();
const busiest = busiestAccount(data);
const zohoId = zohoAccountIdOf(data, busiest.account.id);
const tokens = [demoConfig.salesforceAccessToken, demoConfig.zohoAccessToken] as const;
const secrets = tokens.flatMap((token) => [token, encodeURIComponent(token), btoa(token)]);
const visits = [
  `/web/account/${busiest.salesforceId}?role=account-manager&lang=en`,
  '/web/home?role=bu-leader&lang=en',
  '/web/home?role=cx-leader&lang=ja',
  `/salesforce/account/${busiest.salesforceId}?role=account-manager&lang=en`,
  '/salesforce/home?role=bu-leader&lang=en',
  '/salesforce/home?role=cx-leader&lang=en',
  `/zoho/account/${zohoId}?lang=en`,
  '/zoho/home?role=bu-leader&lang=en',
  '/zoho/home?role=cx-leader',
];

let server: DemoServer;
let browser: LaunchedBrowser;
const urls: string[] = [];
const consoleLines: string[] = [];
const dumps: string[] = [];
/** Requests that carried each token in their Authorization header (Salesforce `Bearer`, Zoho `Zoho-oauthtoken`). */
const bearerRequests = new Map<string, number>(tokens.map((token) => [token, 0]));
let widgetFrameDumps = 0;
/** The pages on which an action was accepted (a CRM write). */
const accepted: string[] = [];

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  browser.context.on('request', (request) => {
    urls.push(request.url());
    const authorization = request.headers()['authorization'] ?? '';
    for (const token of tokens) if (authorization.includes(token)) bearerRequests.set(token, (bearerRequests.get(token) ?? 0) + 1);
  });
  browser.context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
});

afterAll(async () => {
  const carried = tokens.map((token) => `${bearerRequests.get(token) ?? 0} the ${token === demoConfig.zohoAccessToken ? 'Zoho' : 'Salesforce'} token`).join(', ');
  console.info(`Browser secrets: ${visits.length} pages, ${urls.length} request URLs, ${consoleLines.length} console lines, ${dumps.length} storage dumps searched (${widgetFrameDumps} inside the Zoho widget's frame); requests carrying a token in their Authorization header only: ${carried}; an action accepted on ${accepted.join(', ')}.`);
  await browser?.close();
  await server?.close();
});

/** Everything a frame's origin keeps: both storages, IndexedDB names, caches, cookies, the address bar. */
async function dumpStorage(frame: Frame): Promise<string> {
  return frame.evaluate(async () => {
    const entries = (storage: Storage) => Array.from({ length: storage.length }, (_, index) => {
      const key = storage.key(index) ?? '';
      return `${key}=${storage.getItem(key) ?? ''}`;
    });
    const databases = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((database) => database.name ?? '') : [];
    const caches = 'caches' in window ? await window.caches.keys() : [];
    return JSON.stringify({ local: entries(localStorage), session: entries(sessionStorage), databases, caches, cookie: document.cookie, url: location.href, title: document.title });
  });
}

/** The Zoho widget's frame once its dashboard has loaded (its own timeout: the widget reads the org through COQL). */
async function loadedZohoWidget(page: Page): Promise<Frame> {
  const frame = await zohoWidgetFrame(page);
  const root = frame.locator('#kizuna-root');
  await expect.poll(() => root.locator('[role="region"]').count(), { timeout: 90_000 }).toBeGreaterThan(0);
  await expect.poll(() => root.innerText(), { timeout: 90_000 }).not.toMatch(/Loading…|読み込み中/);
  return frame;
}

/** Uses a page (accepts an action, changes the period where there are such), then dumps the storage of each of its frames. */
async function use(path: string): Promise<string[]> {
  const page = await browser.context.newPage();
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  try {
    await pinClock(page, data.asOf);
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    // On the Zoho pages the dashboard runs in the widget's iframe: use it there.
    const scope = path.startsWith('/zoho/') ? await loadedZohoWidget(page) : page.mainFrame();
    await page.waitForTimeout(1_500);
    const accept = scope.getByRole('button', { name: /^Accept: / }).first();
    if ((await accept.count()) > 0) {
      await accept.click();
      accepted.push(path);
      await page.waitForTimeout(1_000);
    }
    const period = scope.getByLabel('Period', { exact: true });
    if ((await period.count()) > 0) {
      await period.first().selectOption({ index: 0 });
      await page.waitForTimeout(500);
    }
    const dumped: string[] = [];
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      dumped.push(await dumpStorage(frame));
      if (frame.url().includes('/zoho-widget/')) widgetFrameDumps += 1;
    }
    dumps.push(...dumped);
    return dumped;
  } finally {
    await page.close();
  }
}

describe('no token in browser storage, URLs or logs (demo embeds over the simulated CRMs, Chromium)', { timeout: 240_000 }, () => {
  it.each(visits)('%s leaves no token behind, in the page or any frame of it', async (path) => {
    const before = widgetFrameDumps;
    const dumped = await use(path);
    // The Zoho pages' dashboard is in the widget's iframe: its storage must have been searched too.
    if (path.startsWith('/zoho/')) expect(widgetFrameDumps).toBeGreaterThan(before);
    for (const dump of dumped) for (const secret of secrets) expect(dump.includes(secret), `token in storage after ${path}`).toBe(false);
  });

  it('no request URL, navigation, console line or cookie carried the token', async () => {
    const cookies = JSON.stringify(await browser.context.cookies());
    const state = JSON.stringify(await browser.context.storageState({ indexedDB: true }));
    for (const secret of secrets) {
      expect(urls.filter((url) => url.includes(secret))).toEqual([]);
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(cookies.includes(secret)).toBe(false);
      expect(state.includes(secret)).toBe(false);
    }
    // Both tokens were in use: requests to the simulated CRMs carried them, in their Authorization header only.
    for (const token of tokens) expect(bearerRequests.get(token), token).toBeGreaterThan(0);
  });
});
