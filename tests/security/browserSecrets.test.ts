import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData, pinClock } from '../support/demoData';
import { startDemoServer, type DemoServer } from '../support/demoServer';

/**
 * Tokens never reach the browser's storage, URLs or logs: the demo's embeds (the custom element on
 * the web pages, the Lightning component on the Salesforce pages) are used for every role over the
 * simulated CRM — including accepting an action (a CRM write, queued in the outbox) and changing
 * filters (kept in the URL) — then everything a script, an extension or a shared screen could read
 * is dumped and searched for the simulator's access token.
 */
const data = demoData();
const busiest = busiestAccount(data);
const secrets = [demoConfig.salesforceAccessToken, encodeURIComponent(demoConfig.salesforceAccessToken), btoa(demoConfig.salesforceAccessToken)];
const visits = [
  `/web/account/${busiest.salesforceId}?role=account-manager&lang=en`,
  '/web/home?role=bu-leader&lang=en',
  '/web/home?role=cx-leader&lang=ja',
  `/salesforce/account/${busiest.salesforceId}?role=account-manager&lang=en`,
  '/salesforce/home?role=bu-leader&lang=en',
  '/salesforce/home?role=cx-leader&lang=en',
];

let server: DemoServer;
let browser: LaunchedBrowser;
const urls: string[] = [];
const consoleLines: string[] = [];
const dumps: string[] = [];
let bearerRequests = 0;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  browser.context.on('request', (request) => {
    urls.push(request.url());
    if ((request.headers()['authorization'] ?? '').includes(demoConfig.salesforceAccessToken)) bearerRequests += 1;
  });
  browser.context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
});

afterAll(async () => {
  console.info(`Browser secrets: ${visits.length} pages, ${urls.length} request URLs, ${consoleLines.length} console lines, ${dumps.length} storage dumps searched; ${bearerRequests} requests carried the token in their Authorization header only.`);
  await browser?.close();
  await server?.close();
});

/** Everything the page's origin keeps: both storages, IndexedDB names, cookies, the address bar. */
async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const entries = (storage: Storage) => Array.from({ length: storage.length }, (_, index) => {
      const key = storage.key(index) ?? '';
      return `${key}=${storage.getItem(key) ?? ''}`;
    });
    const databases = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((database) => database.name ?? '') : [];
    const caches = 'caches' in window ? await window.caches.keys() : [];
    return JSON.stringify({ local: entries(localStorage), session: entries(sessionStorage), databases, caches, cookie: document.cookie, url: location.href, title: document.title });
  });
}

async function use(path: string): Promise<void> {
  const page = await browser.context.newPage();
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  try {
    await pinClock(page, data.asOf);
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);
    const accept = page.getByRole('button', { name: /^Accept: / }).first();
    if ((await accept.count()) > 0) {
      await accept.click();
      await page.waitForTimeout(1_000);
    }
    const period = page.getByLabel('Period', { exact: true });
    if ((await period.count()) > 0) {
      await period.first().selectOption({ index: 0 });
      await page.waitForTimeout(500);
    }
    dumps.push(await dumpStorage(page));
  } finally {
    await page.close();
  }
}

describe('no token in browser storage, URLs or logs (demo embeds over the simulated CRM, Chromium)', () => {
  it.each(visits)('%s leaves no token behind', async (path) => {
    await use(path);
    const last = dumps.at(-1) ?? '';
    for (const secret of secrets) expect(last.includes(secret), `token in storage after ${path}`).toBe(false);
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
    // The token was in use: requests to the simulated CRM carried it, in their Authorization header only.
    expect(bearerRequests).toBeGreaterThan(0);
  });
});
