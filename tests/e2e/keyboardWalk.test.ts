import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/chromium';
import { busiestAccount, demoData } from '../support/demoData';
import { expectNoCspViolation, openDemoPage } from '../support/demoPages';
import { startDemoServer, type DemoServer } from '../support/demoServer';
import { CspReport } from '../support/pageProbe';

/**
 * The Lightning account page with the keyboard only: Tab moves from the shell's switchers into
 * the dashboard inside the component, through its controls in order, and out again (no trap);
 * an action is accepted with Enter.
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
  csp.print('keyboard walk');
  await browser?.close();
  await server?.close();
});

interface Focused {
  readonly inDashboard: boolean;
  readonly tag: string;
  readonly name: string;
  /** The focused element draws an outline or a box shadow (a visible focus indicator). */
  readonly visible: boolean;
}

describe('keyboard-only walk through the Lightning account view (Chromium)', () => {
  it('tabs into the dashboard, through it and out, and accepts an action with Enter', async () => {
    const path = `/salesforce/account/${busiest.salesforceId}`;
    const probed = await openDemoPage(browser, server, data, path);
    const { page } = probed;
    const dashboard = page.locator('c-kizuna-dashboard');
    await dashboard.getByRole('button', { name: /^Accept: / }).first().waitFor({ timeout: 60_000 });
    const focused = (): Promise<Focused> =>
      page.evaluate(() => {
        let element = document.activeElement;
        const host = document.querySelector('c-kizuna-dashboard');
        const inDashboard = element === host;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        const style = element === null ? undefined : getComputedStyle(element);
        const visible = style !== undefined && ((style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none');
        return { inDashboard, tag: element?.tagName.toLowerCase() ?? '', name: element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 60) ?? '', visible };
      });

    const walk: Focused[] = [];
    let accepted = false;
    for (let step = 0; step < 150; step += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      walk.push(now);
      if (!accepted && now.inDashboard && now.name.startsWith('Accept: ')) {
        await page.keyboard.press('Enter');
        await expect.poll(() => dashboard.getByTestId('nba-accepted').textContent(), { timeout: 30_000 }).toContain(now.name.replace(/^Accept: /, ''));
        accepted = true;
      }
      // Out of the dashboard again after having been in it: no keyboard trap.
      if (accepted && !now.inDashboard && walk.some((stop) => stop.inDashboard)) break;
    }
    const firstIn = walk.findIndex((stop) => stop.inDashboard);
    const inside = walk.filter((stop) => stop.inDashboard);
    process.stdout.write(`\nkeyboard walk: ${walk.length} Tab stops, ${inside.length} inside the dashboard, first at stop ${firstIn + 1}\n`);
    expect(walk.slice(0, firstIn).some((stop) => stop.name === 'English' || stop.name === '日本語'), 'the shell’s switchers come before the dashboard').toBe(true);
    expect(accepted, 'an Accept button was reached and used with the keyboard').toBe(true);
    expect(walk.at(-1)?.inDashboard, 'focus leaves the dashboard (no trap)').toBe(false);
    expect(inside.filter((stop) => !stop.visible).map((stop) => `${stop.tag} ${stop.name}`), 'every stop in the dashboard shows focus').toEqual([]);
    await expectNoCspViolation(csp, `${path} (keyboard)`, probed);
    await page.close();
  });
});
