import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { chromiumExecutable } from '../tests/support/chromium';
import { buildPage, serveStatic } from '../tests/security/support/staticPage';

/**
 * The business-unit leader's dashboard in Chromium over a large organisation: a worker generates it
 * (seed 1) and answers every aggregate plan in memory, as a CRM answers pushed-down SOQL/COQL; the
 * page renders the real `Dashboard`. Reported per interaction: interaction to next paint (the
 * longest Event Timing entry of the interaction, as INP measures it) and the time until the
 * dashboard has its new figures; then JS heap (CDP) and the RSS of every Chromium process.
 * Baseline in the same run: the same dashboard over a small organisation.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const largeAccounts = option('accounts', 102_000);
const baselineAccounts = option('baseline-accounts', 1_000);

/** RSS of every process descended from this one (Chromium's browser, renderers, GPU, utility). */
function descendantRssMb(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(join('/proc', entry, 'status'), 'utf8');
      const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
      const vmRss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (ppid !== undefined) parents.set(Number(entry), Number(ppid));
      if (vmRss !== undefined) rss.set(Number(entry), Number(vmRss));
    } catch {
      // The process ended while we read it.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, kb] of rss) if (isDescendant(pid)) total += kb;
  return total / 1024;
}

const eventTimingScript = `
  window.__kzEvents = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) window.__kzEvents.push({ name: entry.name, id: entry.interactionId, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

interface Interaction {
  readonly label: string;
  act(page: Page): Promise<void>;
}

/** A filter changed from the keyboard (trusted input, so Event Timing sees it): focus, then an arrow key. */
function keyOn(label: string, key: 'ArrowDown' | 'ArrowUp'): (page: Page) => Promise<void> {
  return async (page) => {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press(key);
  };
}

const interactions: readonly Interaction[] = [
  { label: 'period ↓ (keyboard)', act: keyOn('Period', 'ArrowDown') },
  { label: 'customer type ↓ (keyboard)', act: keyOn('Customer type', 'ArrowDown') },
  { label: 'business unit ↓ (keyboard)', act: keyOn('Business unit', 'ArrowDown') },
  { label: 'period ↑ (keyboard)', act: keyOn('Period', 'ArrowUp') },
  { label: 'row details (click)', act: (page) => page.getByRole('button', { name: /^Details for / }).first().click() },
];

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.kz-widget') !== null && document.querySelectorAll('.kz-skeleton, [aria-busy="true"]').length === 0, undefined, { timeout: 600_000, polling: 50 });
}

async function heapMb(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

interface Run {
  readonly accounts: number;
  readonly feedback: number;
  readonly generateMs: number;
  readonly factTablesMs: number;
  readonly firstRenderMs: number;
  readonly rows: Array<{ label: string; inpMs: number; settledMs: number }>;
  readonly pageHeapMb: number;
  readonly rssMb: number;
}

async function measure(url: string, accounts: number): Promise<Run> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--max-old-space-size=8192'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: eventTimingScript });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${url}/?accounts=${accounts}`);
    await page.waitForFunction(() => window.__kizunaBench !== undefined, undefined, { timeout: 900_000, polling: 200 });
    await settled(page);
    const info = await page.evaluate(() => ({ ...window.__kizunaBench, now: performance.now() }));
    const rows: Run['rows'] = [];
    for (const interaction of interactions) {
      await page.evaluate(() => {
        (window as unknown as { __kzEvents: unknown[] }).__kzEvents.length = 0;
      });
      const started = Date.now();
      await interaction.act(page);
      await settled(page);
      const settledMs = Date.now() - started;
      await page.waitForTimeout(200);
      const events = await page.evaluate(() => (window as unknown as { __kzEvents: Array<{ duration: number }> }).__kzEvents);
      rows.push({ label: interaction.label, inpMs: Math.max(0, ...events.map((event) => event.duration)), settledMs });
    }
    return {
      accounts: info.accounts ?? 0,
      feedback: info.feedback ?? 0,
      generateMs: info.generateMs ?? 0,
      factTablesMs: info.factTablesMs ?? 0,
      firstRenderMs: info.now - (info.mountedAt ?? info.now),
      rows,
      pageHeapMb: await heapMb(cdp),
      rssMb: descendantRssMb(),
    };
  } finally {
    await browser.close();
  }
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const built = await buildPage(join(import.meta.dirname, '../tests/load/dashboardPage'), 'dashboard-load');
const server = await serveStatic(built.dir);
try {
  const baseline = await measure(server.url, baselineAccounts);
  const large = await measure(server.url, largeAccounts);
  console.log(`\nBusiness-unit dashboard in Chromium (plans evaluated in memory in a worker, seed 1); load average ${process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'}`);
  console.log(`| | baseline: ${fmt(baseline.accounts)} accounts, ${fmt(baseline.feedback)} feedback | large: ${fmt(large.accounts)} accounts, ${fmt(large.feedback)} feedback |`);
  console.log('|---|---|---|');
  console.log(`| worker: generate / fact tables (s) | ${fmt(baseline.generateMs / 1000, 1)} / ${fmt(baseline.factTablesMs / 1000, 1)} | ${fmt(large.generateMs / 1000, 1)} / ${fmt(large.factTablesMs / 1000, 1)} |`);
  console.log(`| first full render (ms) | ${fmt(baseline.firstRenderMs)} | ${fmt(large.firstRenderMs)} |`);
  large.rows.forEach((row, index) => {
    const base = baseline.rows[index];
    console.log(`| ${row.label}: INP / settled (ms) | ${fmt(base?.inpMs ?? 0)} / ${fmt(base?.settledMs ?? 0)} | ${fmt(row.inpMs)} / ${fmt(row.settledMs)} |`);
  });
  console.log(`| worst INP (ms) | ${fmt(Math.max(...baseline.rows.map((row) => row.inpMs)))} | ${fmt(Math.max(...large.rows.map((row) => row.inpMs)))} |`);
  console.log(`| page JS heap (MB, CDP) | ${fmt(baseline.pageHeapMb, 1)} | ${fmt(large.pageHeapMb, 1)} |`);
  console.log(`| Chromium RSS, all processes (MB) | ${fmt(baseline.rssMb)} | ${fmt(large.rssMb)} |`);
} finally {
  await server.close();
  built.remove();
}
