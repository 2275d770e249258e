import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/support/chromium';
import { buildPage, serveStatic, strictPolicy } from '../tests/security/support/staticPage';
import { buildSimulatorWorker } from './ui/buildSimulatorWorker';
import { benchRoles, type BenchRole } from './ui/firstRenderPage/mainFigure';
import type { SetupResult } from './ui/firstRenderPage/pageResult';
import { simulatedInstanceUrl } from './ui/firstRenderPage/simulatorProtocol';
import { loadOnce, median, setUpSimulator, type Run } from './ui/firstRenderRuns';
import { kb, sizesOf } from './ui/sizes';

/**
 * Time to first meaningful render in Chromium: each role through `Dashboard` (the root the embeds
 * mount; the role's dashboard a chunk of its own) and the real Salesforce adapter, every CRM call answered after the simulated latency by the simulated
 * org, which lives in a service worker of its own (generated once per browser, before the runs), so
 * the measured page holds nothing but Kizuna. Measured from navigation start to the role's main
 * figure (a MutationObserver in the page). Baseline in the same run: the same page at 0 ms latency.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const runs = option('runs', 7);
const accounts = option('accounts', 200);
const latencyMs = option('latency', 150);
const latencies = [0, latencyMs];
const targets: Readonly<Record<BenchRole, number | undefined>> = { 'account-manager': 500, 'bu-leader': 800, 'cx-leader': undefined };
const roleNames: Readonly<Record<BenchRole, string>> = { 'account-manager': 'account manager', 'bu-leader': 'business-unit leader', 'cx-leader': 'CX leader' };

const built = await buildPage(join(import.meta.dirname, 'ui/firstRenderPage'), 'first-render');
await buildSimulatorWorker(built.dir);
// The host's policy, plus the simulated instance the adapter calls (answered by the service worker).
const chunks = readdirSync(join(built.dir, 'assets'))
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => ({ name, ...sizesOf(readFileSync(join(built.dir, 'assets', name))) }))
  .sort((a, b) => b.gzip - a.gzip);
const server = await serveStatic(built.dir, { policy: strictPolicy.replace("connect-src 'self'", `connect-src 'self' ${simulatedInstanceUrl}`) });

interface Measured {
  readonly setup: SetupResult;
  readonly runs: readonly Run[];
}

/** A fresh browser per role and latency: the simulator set up, one warm-up load, then the measured loads. */
async function measure(role: BenchRole, latency: number): Promise<Measured> {
  const browser = await launchChromium();
  try {
    const setupPage = await browser.context.newPage();
    const setup = await setUpSimulator(setupPage, `${server.url}/?setup&latency=${latency}&accounts=${accounts}`);
    await setupPage.close();
    const url = `${server.url}/?role=${role}&account=${setup.busiestAccountId}`;
    const results: Run[] = [];
    for (let index = 0; index <= runs; index += 1) {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => console.error(`page error (${role}): ${error.message}`));
      const run = await loadOnce(page, url);
      await page.close();
      if (run.raw.bootId !== setup.bootId) console.error(`note: the simulator's worker was restarted during a ${role} load (${latency} ms); that load includes regenerating the org`);
      if (index > 0) results.push(run);
    }
    return { setup, runs: results };
  } finally {
    await browser.close();
  }
}

const ms = (value: number) => Math.round(value).toLocaleString('en-US');

function medianRun(list: readonly Run[]): Run {
  const sorted = [...list].sort((a, b) => a.raw.figureMs - b.raw.figureMs);
  const run = sorted[Math.floor(sorted.length / 2)];
  if (run === undefined) throw new Error('No runs.');
  return run;
}

try {
  const measured = new Map<string, Measured>();
  const loadBefore = loadavg()[0] ?? 0;
  for (const role of benchRoles) for (const latency of latencies) measured.set(`${role}@${latency}`, await measure(role, latency));
  const of = (role: BenchRole, latency: number): readonly Run[] => measured.get(`${role}@${latency}`)?.runs ?? [];
  const anySetup = measured.values().next().value?.setup;

  console.log(
    `\nFirst meaningful render in headless Chromium over the simulated Salesforce org (${accounts} accounts, ${anySetup?.feedback.toLocaleString('en-US') ?? '?'} feedback, seed 20261001), ` +
      `median of ${runs} loads after 1 warm-up, fresh browser per row; ms from navigation start; load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after, on ${cpus().length} cores`,
  );
  console.log('| role | CRM latency | main figure: median (min–max) | all widgets settled | main-thread CPU (of which script) | CRM calls | sequential calls | target | verdict | idle-machine estimate |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const role of benchRoles) {
    for (const latency of latencies) {
      const list = of(role, latency);
      const figures = list.map((run) => run.raw.figureMs);
      const target = targets[role];
      const verdict = latency === 0 ? 'baseline' : target === undefined ? '—' : median(figures) <= target ? 'PASS' : `MISS by ${ms(median(figures) - target)} ms`;
      const typical = medianRun(list);
      const cpu = median(list.map((run) => run.mainThreadCpuMs));
      const estimate = cpu + typical.sequentialCalls * latency;
      const estimateVerdict = latency === 0 || target === undefined ? '' : estimate <= target ? ' PASS' : ` MISS by ${ms(estimate - target)} ms`;
      const byEndpoint = Object.entries(typical.raw.callsByEndpoint).filter(([, count]) => count > 0).map(([name, count]) => `${name} ${count}`).join(', ');
      console.log(
        `| ${roleNames[role]} | ${latency} ms | ${ms(median(figures))} (${ms(Math.min(...figures))}–${ms(Math.max(...figures))}) | ${ms(median(list.map((run) => run.raw.settledMs)))} | ${ms(cpu)} (${ms(median(list.map((run) => run.scriptMs)))}) | ${typical.raw.calls} (${byEndpoint}) | ${typical.sequentialCalls} | ${target === undefined ? '—' : `≤ ${target} ms at ${latencyMs} ms`} | ${verdict} | ${ms(estimate)}${estimateVerdict} |`,
      );
    }
    const base = median(of(role, 0).map((run) => run.raw.figureMs));
    const slow = median(of(role, latencyMs).map((run) => run.raw.figureMs));
    console.log(`| ${roleNames[role]}: what the latency adds | | +${ms(slow - base)} ms (${((slow - base) / latencyMs).toFixed(1)} × ${latencyMs} ms) | | | | | | | |`);
  }

  console.log(`\nWhere the time goes: the median load of each role at ${latencyMs} ms (ms from navigation start)`);
  for (const role of benchRoles) {
    const run = medianRun(of(role, latencyMs));
    const { raw } = run;
    const requests = [...raw.requests].sort((a, b) => a.startMs - b.startMs);
    const answered = requests.filter((request) => request.endMs <= raw.figureMs);
    const lastAnswer = Math.max(raw.mountMs, ...answered.map((request) => request.endMs));
    const firstCall = requests[0]?.startMs ?? raw.mountMs;
    console.log(
      `\n${roleNames[role]}${role === 'account-manager' ? ` (account ${measured.get(`${role}@${latencyMs}`)?.setup.busiestAccountId ?? '?'}, the one with the most feedback)` : ''}: ` +
        `Dashboard mounted ${ms(raw.mountMs)} · first CRM call sent ${ms(firstCall)} · last answer before the figure ${ms(lastAnswer)} · main figure ${ms(raw.figureMs)} (${ms(raw.figureMs - lastAnswer)} ms of computing and rendering after the last answer) · settled ${ms(raw.settledMs)}`,
    );
    console.log(`  page module (adapter and Dashboard) run ${ms(raw.pageScriptMs)} · main-thread CPU ${ms(run.mainThreadCpuMs)} ms, of which script ${ms(run.scriptMs)} ms`);
    for (const request of requests) {
      const soql = request.soql === undefined ? '' : `  ${request.soql.length > 110 ? `${request.soql.slice(0, 110)}…` : request.soql}`;
      console.log(`  ${ms(request.startMs).padStart(6)} → ${ms(request.endMs).padStart(6)} ms  ${request.path}${soql}`);
    }
  }
  console.log(`\nWhat the page loads (its chunks; each role loads the page chunk, the shared chunks and its own): ${chunks.map((chunk) => `${chunk.name} ${kb(chunk.gzip)} KB gzip`).join(', ')}`);
  console.log(
    '\nWall-clock figures include the time other processes held the CPU (see the load average). The idle-machine estimate is the main-thread CPU time plus ' +
      'the sequential CRM calls × the latency: the time the load would take if the page had the core to itself and every wait were the simulated latency alone.',
  );
} finally {
  await server.close();
  built.remove();
}
