import { expect } from 'vitest';
import type { LaunchedBrowser } from './chromium';
import { pinClock, type DemoData } from './demoData';
import type { DemoServer } from './demoServer';
import { probePage, type CspReport, type ProbedPage } from './pageProbe';

/** A new tab on a demo page, its clock pinned to the demo's "now" and the probe installed. */
export async function openDemoPage(browser: LaunchedBrowser, server: DemoServer, data: DemoData, path: string): Promise<ProbedPage> {
  const page = await browser.context.newPage();
  await pinClock(page, data.asOf);
  const probed = await probePage(page);
  await page.goto(`${server.url}${path}`);
  return probed;
}

/** Records the page's CSP counts in the suite's report and fails on any the demo itself causes. */
export async function expectNoCspViolation(report: CspReport, label: string, probed: ProbedPage): Promise<void> {
  const count = await report.record(label, probed);
  expect(count.details).toEqual([]);
}
