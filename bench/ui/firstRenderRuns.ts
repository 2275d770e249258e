import type { Page } from 'playwright-core';
import { firstRenderResultKey, type CrmRequest, type FirstRenderResult, type SetupResult } from './firstRenderPage/pageResult';

/** One measured page load (every time in ms from navigation start). */
export interface Run {
  readonly raw: FirstRenderResult;
  /**
   * The page's main-thread CPU time from navigation to the result (CDP `ThreadTime`), and of it the
   * time running script (`ScriptDuration`, measured in thread time): figures that other processes on
   * the machine do not inflate, unlike wall-clock time.
   */
  readonly mainThreadCpuMs: number;
  readonly scriptMs: number;
  /** CRM calls one after another on the longest chain (a call waits for one that ended before it started). */
  readonly sequentialCalls: number;
}

/** The longest chain of requests each started only after the one before it ended. */
export function sequentialCalls(requests: readonly CrmRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((request, index) => {
    let deepest = 0;
    for (let before = 0; before < index; before += 1) {
      const earlier = sorted[before];
      if (earlier !== undefined && earlier.endMs <= request.startMs) deepest = Math.max(deepest, depth[before] ?? 0);
    }
    depth.push(deepest + 1);
  });
  return Math.max(0, ...depth);
}

function isResult(value: unknown): value is FirstRenderResult {
  return typeof value === 'object' && value !== null && 'figureMs' in value && 'requests' in value;
}

function isSetup(value: unknown): value is SetupResult {
  return typeof value === 'object' && value !== null && 'setup' in value && 'busiestAccountId' in value;
}

async function pageResult(page: Page, url: string): Promise<unknown> {
  await page.goto(url);
  const handle = await page.waitForFunction((key) => (window as unknown as Record<string, unknown>)[key], firstRenderResultKey, { timeout: 120_000, polling: 100 });
  return handle.jsonValue();
}

/** Installs the simulator's service worker for the origin (latency and size in the URL) and describes its org. */
export async function setUpSimulator(page: Page, url: string): Promise<SetupResult> {
  const value = await pageResult(page, url);
  if (!isSetup(value)) throw new Error(`The set-up failed: ${JSON.stringify(value)}`);
  return value;
}

/** Loads the page once and reads what it measured; a failed load becomes an Error with the page's words. */
export async function loadOnce(page: Page, url: string): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const value = await pageResult(page, url);
  if (!isResult(value)) throw new Error(`The page failed: ${JSON.stringify(value)}`);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  await cdp.detach();
  return {
    raw: value,
    mainThreadCpuMs: seconds('ThreadTime') * 1000,
    scriptMs: seconds('ScriptDuration') * 1000,
    sequentialCalls: sequentialCalls(value.requests),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const high = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? high : ((sorted[middle - 1] ?? high) + high) / 2;
}
