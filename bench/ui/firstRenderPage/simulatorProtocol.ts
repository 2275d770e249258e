/** The simulated instance the page's adapter calls; the simulator's service worker answers it. */
export const simulatedInstanceUrl = 'https://kizuna-bench.my.salesforce.com';
export const simulatedAccessToken = 'bench-access-token';
/** The organisation's "now" and the dashboards' `asOf`. */
export const simulatedAsOf = '2026-10-01T00:00:00.000Z';
/** Where the built simulator is served, and so the service worker's script URL. */
export const simulatorWorkerPath = '/simulator-worker.js';

/** What the page asks the simulator over a MessageChannel. */
export type SimulatorQuestion = { readonly kind: 'org' } | { readonly kind: 'takeCalls' };

export interface SimulatorOrgAnswer {
  readonly kind: 'org';
  /** The Salesforce id of the account with the most feedback. */
  readonly busiestAccountId: string;
  readonly accounts: number;
  readonly feedback: number;
  readonly generatedInMs: number;
  /** Changes when Chromium restarts the worker (the org is then generated again). */
  readonly bootId: string;
}

export interface SimulatorCallsAnswer {
  readonly kind: 'takeCalls';
  readonly total: number;
  readonly byEndpoint: Readonly<Record<string, number>>;
  readonly bootId: string;
}

export type SimulatorAnswer = SimulatorOrgAnswer | SimulatorCallsAnswer;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a question; anything else is `undefined`. */
export function questionOf(value: unknown): SimulatorQuestion | undefined {
  if (!isRecord(value)) return undefined;
  return value['kind'] === 'org' ? { kind: 'org' } : value['kind'] === 'takeCalls' ? { kind: 'takeCalls' } : undefined;
}

/** Reads an answer, checking the fields the page relies on. */
export function answerOf(value: unknown): SimulatorAnswer | undefined {
  if (!isRecord(value) || typeof value['bootId'] !== 'string') return undefined;
  if (value['kind'] === 'org' && typeof value['busiestAccountId'] === 'string' && typeof value['feedback'] === 'number') return value as unknown as SimulatorOrgAnswer;
  if (value['kind'] === 'takeCalls' && typeof value['total'] === 'number' && isRecord(value['byEndpoint'])) return value as unknown as SimulatorCallsAnswer;
  return undefined;
}

/** Asks the service worker that controls this page, and waits for its answer. */
export function askSimulator(question: SimulatorQuestion): Promise<SimulatorAnswer> {
  const controller = navigator.serviceWorker.controller;
  if (controller === null) return Promise.reject(new Error('The page is not controlled by the simulator’s service worker (open it with ?setup first).'));
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => {
      const answer = answerOf(event.data);
      if (answer === undefined) reject(new Error(`The simulator answered something else: ${JSON.stringify(event.data)}`));
      else resolve(answer);
    };
    controller.postMessage(question, [channel.port2]);
  });
}
