import { join } from 'node:path';
import type { Account } from '@kizuna/model';
import { plantedEffects } from '@kizuna/sample-data';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../apps/demo/src/demoConfig';
import { axeFindings } from '../support/axeInPage';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { demoData, expectedNps, npsAnswersOf } from '../support/demoData';
import { expectNoCspViolation, openDemoPage } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport } from '../support/pageProbe';
import { testOutputDir } from '../support/testOutput';
import { probedFrame, zohoWidgetFrame } from '../support/zohoDemo';

/**
 * The business-unit leader's path from a highlighted weakness to an account, with the keyboard
 * only: the weak unit the demo data plants is listed as a real weakness, its "Details" opens the
 * drill-down (focus follows) with the unit's product lines, customer types and accounts (largest
 * ARR first), and an account there opens its record page through the host's navigation.
 * Expected accounts are computed here from the generated data.
 */
const data = demoData();
const weakUnit = plantedWeakUnit();
/** The weak unit's accounts as the drill-down promises them: largest ARR first, then by name. */
const weakUnitAccounts: readonly Account[] = data.dataset.accounts
  .filter((account) => account.businessUnitId === weakUnit.id)
  .sort((a, b) => b.arr - a.arr || a.name.localeCompare(b.name));
/** A CRM holds the canonical keys, not the names (docs/crm/salesforce-layout.md): a group is labelled by either. */
const labelsOf = (item: { readonly id: string; readonly name: string }) => [item.id, item.name];
const csp = new CspReport();

/** The business unit the demo organisation plants as weak (effect 1 of packages/sample-data). */
function plantedWeakUnit() {
  const planted = plantedEffects({ seed: demoConfig.seed, accounts: demoConfig.accounts, asOf: data.asOf }).weakBusinessUnit;
  if (planted === null) throw new Error('The demo organisation plants no weak business unit.');
  const unit = data.dataset.businessUnits.find((candidate) => candidate.id === planted.businessUnitId);
  if (unit === undefined) throw new Error(`The planted weak unit ${planted.businessUnitId} is not in the demo organisation.`);
  return unit;
}

let server: DemoServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  csp.print('drill-down');
  await browser?.close();
  await server?.close();
});

/** The deepest focused element (through shadow roots) contains `element`: focus moved there. */
function focusIsOn(element: Locator): Promise<boolean> {
  return element.evaluate((target) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active !== null && active.contains(target);
  });
}

/** Keyboard activation: focus the control, then Enter. */
async function pressEnterOn(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

interface Drilled {
  readonly unitLabel: string;
  readonly drill: Locator;
  readonly accounts: Locator;
  /** The account names the drill-down lists, in its order. */
  readonly listed: readonly string[];
}

/**
 * On a business-unit leader home page in English: finds the planted weak unit among the real
 * weaknesses, opens its details with Enter, and checks what the drill-down shows.
 */
async function drillIntoWeakUnit(page: Page, dashboard: Locator): Promise<Drilled> {
  const highlights = dashboard.getByRole('region', { name: 'Opportunities and weaknesses' });
  const weaknesses = highlights.getByRole('listitem').filter({ hasText: 'real weakness' });
  await expect.poll(() => weaknesses.count(), { timeout: 90_000, message: 'at least one real weakness is highlighted' }).toBeGreaterThan(0);
  const unitLabel = await (async () => {
    for (const label of labelsOf(weakUnit)) {
      if ((await weaknesses.getByRole('button', { name: `Details for ${label}`, exact: true }).count()) > 0) return label;
    }
    return undefined;
  })();
  const listed = await weaknesses.allInnerTexts();
  if (unitLabel === undefined) throw new Error(`The planted weak unit ${weakUnit.id} (${weakUnit.name}) is not among the weaknesses: ${listed.join(' | ')}`);
  // The planted effect lowers the unit's driver items, hence its NPS.
  const item = weaknesses.filter({ hasText: `NPS in ${unitLabel} (Business line)` });
  expect(await item.count(), `the weak unit's NPS is a real weakness: ${listed.join(' | ')}`).toBe(1);

  await pressEnterOn(page, item.getByRole('button', { name: `Details for ${unitLabel}`, exact: true }));
  const drill = dashboard.getByRole('region', { name: `Inside ${unitLabel}`, exact: true });
  await drill.waitFor({ timeout: 30_000 });
  await expect.poll(() => focusIsOn(drill), { message: 'focus moves to the drill-down' }).toBe(true);

  // The unit's product lines and customer types, each a row with figures (from the totals already loaded).
  const lines = data.dataset.productLines.filter((line) => line.businessUnitId === weakUnit.id).flatMap(labelsOf);
  const segments = data.dataset.segments.flatMap(labelsOf);
  const byLine = drill.getByRole('table', { name: 'By Product line', exact: true }).getByRole('rowheader');
  const bySegment = drill.getByRole('table', { name: 'By Customer type', exact: true }).getByRole('rowheader');
  await expect.poll(() => byLine.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  for (const label of await byLine.allInnerTexts()) expect(lines, `product line ${label} belongs to ${weakUnit.id}`).toContain(label.trim());
  expect(await bySegment.count()).toBeGreaterThan(0);
  for (const label of await bySegment.allInnerTexts()) expect(segments).toContain(label.trim());

  // Every account of the unit, largest ARR first (then by name), as the caption promises.
  const accounts = drill.getByRole('table', { name: `Accounts of ${unitLabel}, largest ARR first`, exact: true });
  const names = accounts.getByRole('rowheader');
  await expect.poll(() => names.count(), { timeout: 60_000 }).toBe(weakUnitAccounts.length);
  const shown = (await names.allInnerTexts()).map((name) => name.trim());
  expect(shown).toEqual(weakUnitAccounts.map((account) => account.name));
  await expect.poll(() => drill.innerText(), { timeout: 60_000 }).not.toMatch(/Loading…/);
  expect(await drill.innerText()).toContain(`${weakUnitAccounts.length} accounts with`);
  return { unitLabel, drill, accounts, listed: shown };
}

/** axe over the drilled dashboard: no violation, and it did see the drill-down's controls and tables. */
async function expectAccessible(where: Page | Frame, dashboard: Locator): Promise<void> {
  const findings = await axeFindings(where, dashboard);
  expect(findings.violations).toEqual([]);
  expect(findings.passed['button-name'] ?? 0, 'axe checked the buttons').toBeGreaterThan(2);
  expect(findings.passed['th-has-data-cells'] ?? 0, 'axe checked the drill-down tables').toBeGreaterThan(0);
}

describe('from a highlighted weakness to an account, by keyboard (Chromium)', () => {
  it('drills from the planted weak unit to its segments and accounts on the Lightning home page', async () => {
    const path = '/salesforce/home?role=bu-leader&lang=en';
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const dashboard = page.locator('c-kizuna-dashboard');
    await drillIntoWeakUnit(page, dashboard);
    await expectAccessible(page, dashboard.locator('.kizuna-embed'));
    await page.screenshot({ path: join(testOutputDir('e2e'), 'salesforce-bu-leader-drill-down.png'), fullPage: true });
    await expectNoCspViolation(csp, `${path} (drilled)`, probed);
    await page.close();
  });

  it('opens an account of the drill-down on its Lightning record page, with that account’s dashboard', async () => {
    const path = '/salesforce/home?role=bu-leader&lang=en';
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const { accounts, listed } = await drillIntoWeakUnit(page, page.locator('c-kizuna-dashboard'));
    // The first listed account with NPS answers, so its record page has a figure to compare.
    const name = listed.find((candidate) => {
      const account = weakUnitAccounts.find((entry) => entry.name === candidate);
      return account !== undefined && npsAnswersOf(data, account.id).length > 0;
    });
    const account = weakUnitAccounts.find((entry) => entry.name === name);
    if (name === undefined || account === undefined) throw new Error(`no account of ${weakUnit.id} has NPS answers`);
    const open = accounts.getByRole('button', { name: `Open ${name}`, exact: true });
    await expect
      .poll(() => open.count(), { timeout: 10_000, message: `the drill-down offers “Open ${name}” (the host's navigation to the record)` })
      .toBe(1);
    await pressEnterOn(page, open);

    const salesforceId = data.org.salesforceIdOf('account', account.id);
    await page.waitForURL((url) => url.pathname === `/salesforce/account/${salesforceId}`, { timeout: 30_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 60_000 }).toBe(name);
    const nps = page.locator('c-kizuna-dashboard').getByRole('region', { name: 'Net Promoter Score' });
    await expect.poll(() => nps.getByTestId('nps-value').textContent(), { timeout: 60_000 }).toBe(expectedNps(npsAnswersOf(data, account.id)).text);
    await page.screenshot({ path: join(testOutputDir('e2e'), 'salesforce-account-from-drill-down.png'), fullPage: true });
    await expectNoCspViolation(csp, `${path} → /salesforce/account/${salesforceId}`, probed);
    await page.close();
  });

  it('drills from the planted weak unit in the Zoho widget on the Zoho web tab', async () => {
    const path = '/zoho/home?role=bu-leader&lang=en';
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const frame = await zohoWidgetFrame(page);
    const dashboard = page.frameLocator('[data-testid="zoho-widget-frame"]').locator('#kizuna-root');
    await drillIntoWeakUnit(page, dashboard);
    await expectAccessible(frame, frame.locator('#kizuna-root'));
    await page.screenshot({ path: join(testOutputDir('e2e'), 'zoho-bu-leader-drill-down.png'), fullPage: true });
    await expectNoCspViolation(csp, `${path} (drilled)`, probed);
    await expectNoCspViolation(csp, `${path} (drilled, widget frame)`, probedFrame(probed, frame));
    await page.close();
  });

  it('switches the business-unit dashboard from Japanese to English with the keyboard', async () => {
    const path = '/salesforce/home?role=bu-leader&lang=ja';
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const dashboard = page.locator('c-kizuna-dashboard');
    const japanese = dashboard.getByRole('region', { name: '機会と弱み', exact: true });
    await expect.poll(() => japanese.getByRole('listitem').filter({ hasText: '確かな弱み' }).count(), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');

    await pressEnterOn(page, page.locator('[data-switcher="language"]').getByRole('link', { name: 'English', exact: true }));
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    const english = dashboard.getByRole('region', { name: 'Opportunities and weaknesses', exact: true });
    await expect.poll(() => english.getByRole('listitem').filter({ hasText: 'real weakness' }).count(), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(await dashboard.getByRole('region', { name: '機会と弱み', exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoCspViolation(csp, `${path} → lang=en`, probed);
    await page.close();
  });
});
