import '../../../packages/widgets/src/styles.css';
import { createSalesforceDataSource } from '@kizuna/crm-salesforce';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../../packages/widgets/src/dashboard/Dashboard';
import { benchRoles, watchFirstRender, type BenchRole } from './mainFigure';
import { firstRenderResultKey, type FirstRenderResult, type SetupResult } from './pageResult';
import { askSimulator, simulatedAccessToken, simulatedAsOf, simulatedInstanceUrl, simulatorWorkerPath } from './simulatorProtocol';

/**
 * The page's own module has loaded: the adapter and `Dashboard`, the root every embed mounts; the
 * role's dashboard and its words arrive as chunks of their own once `Dashboard` asks for them.
 */
const pageScriptMs = performance.mark('kz-page-script').startTime;

function isRole(value: string | null): value is BenchRole {
  return benchRoles.some((role) => role === value);
}

/** `?setup&latency=…&accounts=…`: installs the simulator's service worker and says which account to open. */
async function setUp(params: URLSearchParams): Promise<SetupResult> {
  const settings = new URLSearchParams();
  for (const name of ['latency', 'accounts', 'seed']) {
    const value = params.get(name);
    if (value !== null) settings.set(name, value);
  }
  await navigator.serviceWorker.register(`${simulatorWorkerPath}?${settings.toString()}`, { scope: '/' });
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller === null) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const org = await askSimulator({ kind: 'org' });
  if (org.kind !== 'org') throw new Error('The simulator did not describe its org.');
  await askSimulator({ kind: 'takeCalls' });
  return { setup: true, busiestAccountId: org.busiestAccountId, accounts: org.accounts, feedback: org.feedback, generatedInMs: org.generatedInMs, bootId: org.bootId };
}

/** `?role=…&account=…`: the measured load, with nothing but Kizuna on the page. */
async function measure(root: HTMLElement, params: URLSearchParams): Promise<FirstRenderResult> {
  const role = params.get('role');
  if (!isRole(role)) throw new Error(`?role must be one of ${benchRoles.join(', ')}, got "${role ?? ''}".`);
  const accountId = params.get('account') ?? undefined;
  const dataSource = createSalesforceDataSource({ connection: { instanceUrl: simulatedInstanceUrl }, tokens: () => simulatedAccessToken });
  const mountMs = performance.mark('kz-mount').startTime;
  const rendered = watchFirstRender(root, role);
  createRoot(root).render(
    createElement(Dashboard, { role, locale: 'en', theme: 'neutral', colourScheme: 'light', asOf: simulatedAsOf, dataSource, ...(accountId === undefined ? {} : { accountId }) }),
  );
  const { figureMs, settledMs } = await rendered;
  // Read after the render is measured, so asking the worker costs the measurement nothing.
  const calls = await askSimulator({ kind: 'takeCalls' });
  if (calls.kind !== 'takeCalls') throw new Error('The simulator did not count its calls.');
  const requests = performance
    .getEntriesByType('resource')
    .filter((item): item is PerformanceResourceTiming => item instanceof PerformanceResourceTiming && item.name.startsWith(simulatedInstanceUrl))
    .map((item) => ({ path: new URL(item.name).pathname, soql: new URL(item.name).searchParams.get('q') ?? undefined, startMs: item.startTime, endMs: item.responseEnd }));
  return { role, pageScriptMs, mountMs, figureMs, settledMs, calls: calls.total, callsByEndpoint: calls.byEndpoint, requests, bootId: calls.bootId };
}

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root.');
const params = new URLSearchParams(window.location.search);
(params.has('setup') ? setUp(params) : measure(root, params)).then(
  (result) => Object.assign(window, { [firstRenderResultKey]: result }),
  (error: unknown) => Object.assign(window, { [firstRenderResultKey]: { error: error instanceof Error ? error.message : String(error) } }),
);
