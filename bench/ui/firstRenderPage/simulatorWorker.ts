import './workerLocalStorage';
import { createSalesforceKnobs, createSalesforceOrg, salesforceHandlers } from '@kizuna/crm-sim';
import { generateOrganisation } from '@kizuna/sample-data';
// The very file crm-sim's own `msw` import resolves to (its `module`/`import` export), so the
// handlers and `getResponse` are one instance. The bench package has no copy of msw to import by name.
import { getResponse } from 'msw';
import { questionOf, simulatedAccessToken, simulatedAsOf, simulatedInstanceUrl, type SimulatorAnswer } from './simulatorProtocol';

/**
 * The simulated Salesforce org in a service worker of its own: it generates the organisation when
 * Chromium starts it and answers every request to the simulated instance through crm-sim's MSW
 * handlers (`getResponse`), after the latency of its knobs. The measured page thus carries no
 * simulator code and does no set-up: only Kizuna runs on its main thread. Settings come from the
 * worker script's URL: `?latency=150&accounts=200&seed=20261001`.
 */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends Event {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends Event {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface ServiceWorkerScopeLike {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

const scope = self as unknown as ServiceWorkerScopeLike;
const params = new URL(scope.location.href).searchParams;
const number = (name: string, fallback: number) => {
  const value = Number(params.get(name) ?? fallback);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};

const bootId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
const started = performance.now();
const dataset = generateOrganisation({ seed: number('seed', 20_261_001), accounts: number('accounts', 200), asOf: simulatedAsOf });
const org = createSalesforceOrg(dataset);
const handlers = salesforceHandlers(org, { instanceUrl: simulatedInstanceUrl, accessTokens: [simulatedAccessToken], knobs: createSalesforceKnobs({ latencyMs: number('latency', 0) }) });
const generatedInMs = performance.now() - started;

const feedbackPerAccount = new Map<string, number>();
for (const row of dataset.feedback) feedbackPerAccount.set(row.accountId, (feedbackPerAccount.get(row.accountId) ?? 0) + 1);
const busiest = [...feedbackPerAccount].sort((a, b) => b[1] - a[1])[0]?.[0] ?? dataset.accounts[0]?.id;

scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
scope.addEventListener('fetch', (event) => {
  if (!event.request.url.startsWith(`${simulatedInstanceUrl}/`)) return;
  event.respondWith(getResponse(handlers, event.request).then((response) => response ?? new Response('Not simulated.', { status: 501 })));
});
scope.addEventListener('message', (event) => {
  const question = questionOf(event.data);
  const port = event.ports[0];
  if (question === undefined || port === undefined) return;
  let answer: SimulatorAnswer;
  if (question.kind === 'org') {
    answer = { kind: 'org', busiestAccountId: busiest === undefined ? '' : org.salesforceIdOf('account', busiest), accounts: dataset.accounts.length, feedback: dataset.feedback.length, generatedInMs, bootId };
  } else {
    answer = { kind: 'takeCalls', total: org.calls.total, byEndpoint: org.calls.byEndpoint, bootId };
    org.calls.reset();
  }
  port.postMessage(answer);
});
