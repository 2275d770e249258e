import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { buildPage, serveStatic, type BuiltPage, type StaticServer } from './support/staticPage';
import { xssPayloads } from './xss/xssCorpus';
import { xssOrganisation } from './xss/xssOrganisation';

/**
 * Stored XSS: the real dashboards of every role, bundled with Vite and served under
 * `script-src 'self'`, over an organisation whose account and contact names, touchpoint and case
 * subjects, feedback comments and action reasons are the payloads of `xssCorpus.ts`. Nothing may
 * run (no `__xssFired`, no dialog, no request to a marker URL), nothing may be parsed into the DOM
 * as markup (no event-handler attribute, no payload element, no CSP violation — the policy would
 * hide an executed inline handler, not its injection), and the payloads must show as plain text.
 */
const dataset = xssOrganisation();
const accountPages = dataset.accounts.slice(0, 8).map((account) => `/?role=account-manager&account=${account.id}`);
const pages = [...accountPages, '/?role=bu-leader', '/?role=cx-leader'];

interface PageFindings {
  readonly fired: readonly number[];
  readonly violations: readonly string[];
  readonly injected: readonly string[];
  readonly visible: readonly number[];
}

declare global {
  interface Window {
    __xssFired?: (n: number) => void;
    __xssLog?: number[];
    __cspViolations?: string[];
  }
}

let built: BuiltPage;
let server: StaticServer;
let browser: LaunchedBrowser;
const dialogs: string[] = [];
const markerRequests: string[] = [];
const pageErrors: string[] = [];
const visibleOverall = new Set<number>();

beforeAll(async () => {
  built = await buildPage(join(import.meta.dirname, 'xss/page'), 'xss');
  server = await serveStatic(built.dir);
  browser = await launchChromium();
  // A string, not a function: the test runner's transform must not reach into browser code.
  await browser.context.addInitScript({
    content: `
      window.__xssLog = [];
      window.__cspViolations = [];
      window.__xssFired = (n) => window.__xssLog.push(n);
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample);
      });
    `,
  });
  browser.context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  browser.context.on('request', (request) => {
    if (request.url().includes('/xss-marker/')) markerRequests.push(request.url());
  });
});

afterAll(async () => {
  console.info(
    `XSS corpus: ${xssPayloads.length} payloads in 6 kinds of field, ${pages.length} dashboard pages; ${visibleOverall.size} payloads found as visible text; ` +
      `${dialogs.length} dialogs, ${markerRequests.length} marker requests.`,
  );
  await browser?.close();
  await server?.close();
  built?.remove();
});

/** Moves over and tabs through the page, so hover-, focus- and toggle-handlers would get their event. */
async function exercise(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  for (let y = 10; y < size.height; y += 60) {
    for (let x = 10; x < size.width; x += 160) await page.mouse.move(x, y);
  }
  for (let press = 0; press < 25; press += 1) await page.keyboard.press('Tab');
}

async function inspect(page: Page): Promise<PageFindings> {
  const texts = xssPayloads.map(({ n, text }) => ({ n, text }));
  return page.evaluate((corpus) => {
    const injected: string[] = [];
    const payloadTags = new Set(['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'MARQUEE', 'XSS', 'MATH', 'NOSCRIPT', 'META', 'PICTURE', 'VIDEO', 'AUDIO', 'ANIMATE']);
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toUpperCase();
      if (payloadTags.has(tag) && !(tag === 'META' && element.parentElement === document.head && element.getAttribute('charset') !== null)) injected.push(tag);
      if (tag === 'SCRIPT' && !(element.getAttribute('src') ?? '').startsWith('/assets/')) injected.push(`SCRIPT ${element.outerHTML.slice(0, 80)}`);
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.toLowerCase().startsWith('on')) injected.push(`${tag}[${attribute.name}]`);
        if (/^\s*javascript:/i.test(attribute.value) && ['href', 'src', 'action', 'data', 'xlink:href'].includes(attribute.name)) injected.push(`${tag}[${attribute.name}=javascript:]`);
      }
    }
    const text = document.body.innerText;
    return {
      fired: [...(window.__xssLog ?? [])],
      violations: [...(window.__cspViolations ?? [])],
      injected,
      visible: corpus.filter(({ text: payload }) => text.includes(payload)).map(({ n }) => n),
    };
  }, texts);
}

async function visit(path: string): Promise<PageFindings> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    await page.goto(`${server.url}${path}`);
    await page.locator('[data-role]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('.kz-widget').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.kz-skeleton').length === 0, undefined, { timeout: 60_000 });
    // On a leader page, open the first row's details: the drill-down lists accounts by name.
    const details = page.getByRole('button', { name: /^Details for / }).first();
    if ((await details.count()) > 0) {
      await details.click();
      await page.waitForFunction(() => document.querySelectorAll('.kz-skeleton').length === 0, undefined, { timeout: 60_000 });
    }
    await exercise(page);
    await page.waitForTimeout(300);
    const findings = await inspect(page);
    pageErrors.push(...errors.map((message) => `${path}: ${message}`));
    return findings;
  } catch (error) {
    throw new Error(`${path} did not render: ${String(error)}; page errors: ${errors.join(' | ') || 'none'}; requests: ${server.requested.slice(-5).join(', ')}`);
  } finally {
    await page.close();
  }
}

/** Every source file under a directory, tests and stories included. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('stored XSS in CRM fields renders as text (real dashboards, Vite build, strict CSP, Chromium)', () => {
  it('has at least 50 payloads, each in every kind of user-typed field', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(50);
    const everywhere = [
      dataset.accounts.map((record) => record.name),
      dataset.contacts.map((record) => record.name),
      dataset.touchpoints.map((record) => record.subject),
      dataset.feedback.map((record) => record.comment ?? ''),
      dataset.supportCases.map((record) => record.subject),
      dataset.actions.flatMap((record) => record.reasons),
    ];
    for (const values of everywhere) {
      expect(new Set(values).size).toBe(xssPayloads.length);
    }
  });

  it.each(pages)('%s: no payload runs, none becomes markup, and they show as text', async (path) => {
    const findings = await visit(path);
    expect(findings.fired).toEqual([]);
    expect(findings.injected).toEqual([]);
    expect(findings.violations).toEqual([]);
    // The CX leader's programme view shows no record text (only aggregates); every other page does.
    if (!path.includes('cx-leader')) expect(findings.visible.length).toBeGreaterThan(0);
    for (const n of findings.visible) visibleOverall.add(n);
  });

  it('raised no dialog, loaded no marker URL and threw no page error across every page', () => {
    expect(dialogs).toEqual([]);
    expect(markerRequests).toEqual([]);
    expect(server.requested.filter((path) => path.startsWith('/xss-marker/'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Most of the corpus was on screen verbatim somewhere (text, not markup).
    expect(visibleOverall.size).toBeGreaterThanOrEqual(Math.floor(xssPayloads.length / 2));
  });

  it('the widgets never write HTML from strings (no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const root = join(import.meta.dirname, '../../packages/widgets/src');
    const offenders = sourceFiles(root).flatMap((path) => {
      const code = readFileSync(path, 'utf8');
      return /dangerouslySetInnerHTML|\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write/.test(code) ? [path] : [];
    });
    expect(offenders).toEqual([]);
  });
});
