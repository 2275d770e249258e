import { createZohoOrg } from '@kizuna/crm-sim';
import type { Frame, Page } from 'playwright-core';
import type { DemoData } from './demoData';
import type { ProbedPage } from './pageProbe';

/** The 19-digit Zoho id the demo's simulated Zoho org gives a canonical account (the same seeding as the page's). */
export function zohoAccountIdOf(data: DemoData, canonicalId: string): string {
  return createZohoOrg(data.dataset, { dataCentre: 'US' }).zohoIdOf('account', canonicalId);
}

/** The Zoho widget's frame on a demo page, once its document is there. */
export async function zohoWidgetFrame(page: Page): Promise<Frame> {
  const element = await page.locator('[data-testid="zoho-widget-frame"]').elementHandle({ timeout: 30_000 });
  const frame = await element?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('The Zoho widget has no frame on the page.');
  return frame;
}

/**
 * The probe inside the widget's frame (the init script runs in every frame): its own CSP
 * violations and listeners. Chromium's "Refused to" messages of the frame already reach the page's
 * console, so they are counted with the page, not again here.
 */
export function probedFrame(probed: ProbedPage, frame: Frame): ProbedPage {
  return {
    page: probed.page,
    refusals: [],
    counts: async () => {
      const counts = await frame.evaluate(() => window.__kizunaProbe?.counts());
      if (counts === undefined) throw new Error('The page probe is not installed in the widget frame.');
      return counts;
    },
  };
}
