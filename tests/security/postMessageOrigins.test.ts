import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { buildPage, serveStatic, strictPolicy, type BuiltPage, type StaticServer } from './support/staticPage';

/**
 * The iframe embed's postMessage bridge in Chromium, over three real origins: Kizuna's frame page
 * (127.0.0.1:A, allowing only the host), a CRM page hosting it (localhost:B), and a foreign page
 * (127.0.0.1:C) that forges every protocol message — from a sibling iframe inside the host page,
 * and as a top-level page that frames Kizuna itself. The frame's CSP lets both embed it, so only
 * the bridge's origin and window checks stand between the forgeries and the dashboard.
 */
let built: BuiltPage;
let frameServer: StaticServer;
let hostServer: StaticServer;
let attackerServer: StaticServer;
let browser: LaunchedBrowser;

const hostOrigin = () => hostServer.url.replace('127.0.0.1', 'localhost');
const withFrameSrc = (sources: () => string) => () => strictPolicy.replace("frame-ancestors 'self'", `frame-ancestors 'self'; frame-src ${sources()}`);

interface EmbedLog {
  readonly rejections: ReadonlyArray<{ readonly reason: string; readonly origin: string }>;
  readonly resizes: readonly number[];
  readonly accepted: readonly string[];
  readonly errors: readonly string[];
  readonly sent: number;
}

async function embedLog(target: Page | Frame): Promise<EmbedLog> {
  const log = await target.evaluate(() => window.__embedLog);
  if (log === undefined) throw new Error('The page kept no embed log.');
  return log;
}

/** The page's iframe from an origin, once it has navigated there. */
async function frameFrom(page: Page, origin: string): Promise<Frame> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`${origin}/`));
    if (frame !== undefined) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`No iframe from ${origin} on the page (frames: ${page.frames().map((frame) => frame.url()).join(", ")}).`);
}

beforeAll(async () => {
  built = await buildPage(join(import.meta.dirname, 'frame/page'), 'frame');
  frameServer = await serveStatic(built.dir, {
    policy: () => strictPolicy.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${hostOrigin()} ${attackerServer.url}`),
  });
  hostServer = await serveStatic(built.dir, { policy: withFrameSrc(() => `${frameServer.url} ${attackerServer.url}`) });
  // The foreign page lets anyone frame it (an advert slot in the CRM page).
  attackerServer = await serveStatic(built.dir, { policy: () => withFrameSrc(() => frameServer.url)().replace("frame-ancestors 'self'", 'frame-ancestors *') });
  writeFileSync(join(built.dir, 'frame-config.json'), JSON.stringify({ hostOrigins: [hostOrigin()] }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([frameServer?.close(), hostServer?.close(), attackerServer?.close()]);
  built?.remove();
});

describe('postMessage from a foreign origin is ignored (iframe embed, Chromium, three origins)', () => {
  it('a foreign iframe inside the host page can neither steer the frame nor fool the host', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${hostOrigin()}/?as=host&frame=${encodeURIComponent(frameServer.url)}&attacker=${encodeURIComponent(attackerServer.url)}`);
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      const frame = await frameFrom(page, frameServer.url);
      await frame.locator('[data-role="bu-leader"]').waitFor({ state: 'attached', timeout: 60_000 });
      const attacker = await frameFrom(page, attackerServer.url);
      await attacker.waitForFunction(() => (window.__embedLog?.sent ?? 0) >= 50, undefined, { timeout: 30_000 });
      await page.waitForTimeout(500);

      expect(await frame.locator('[data-role]').getAttribute('data-role')).toBe('bu-leader');
      const frameLog = await embedLog(frame);
      expect(frameLog.rejections.filter((rejection) => rejection.reason === 'foreign-origin').length).toBeGreaterThan(0);
      expect(frameLog.rejections.every((rejection) => rejection.origin === attackerServer.url)).toBe(true);

      const hostLog = await embedLog(page);
      expect(hostLog.resizes).not.toContain(7);
      expect(hostLog.accepted).toEqual([]);
      expect(hostLog.errors).toEqual([]);
      expect(hostLog.rejections.filter((rejection) => rejection.reason === 'foreign-origin').length).toBeGreaterThan(0);
      expect(hostLog.rejections.every((rejection) => rejection.origin === attackerServer.url)).toBe(true);
      // The real frame did talk to its host.
      expect(hostLog.resizes.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('a foreign page that frames Kizuna itself gets no dashboard, whatever it sends', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${attackerServer.url}/?as=attacker&frame=${encodeURIComponent(frameServer.url)}`);
      await page.waitForFunction(() => (window.__embedLog?.sent ?? 0) >= 50, undefined, { timeout: 30_000 });
      await page.waitForTimeout(500);
      const frame = await frameFrom(page, frameServer.url);
      expect(await frame.locator('[data-role]').count()).toBe(0);
      const frameLog = await embedLog(frame);
      expect(frameLog.rejections.filter((rejection) => rejection.reason === 'foreign-origin').length).toBeGreaterThanOrEqual(10);
    } finally {
      await page.close();
    }
  });
});
