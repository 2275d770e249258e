import { createFetchTransport, type HttpTransport } from '@kizuna/crm-core';

/**
 * Faults the simulators have no knob for, applied to the simulator's real answer on its way to
 * the adapter (the adapter's own bottom transport is `fetch`, intercepted by the simulator): a
 * response is rewritten, replaced, or never arrives. Each fault applies to the first request it
 * matches, then is spent, so a scenario scripts exactly which round trip goes wrong.
 */
/** Picks requests by URL and method. */
export type RequestMatcher = (url: string, method: string) => boolean;

export interface WireFault {
  /** Which request to hit: all when absent. */
  readonly when?: RequestMatcher;
  /** What to do with it. */
  readonly apply: (answer: () => Promise<Response>) => Promise<Response>;
  /** How many matching requests it hits; default 1. `Infinity`: every one. */
  readonly times?: number;
}

export interface WireFaults {
  /** The bottom transport to give the data source (`transport` option). */
  readonly transport: HttpTransport;
  inject(...faults: WireFault[]): void;
  clear(): void;
  /** Faults injected and not yet spent. */
  pending(): number;
}

export function createWireFaults(): WireFaults {
  let queue: Array<{ fault: WireFault; left: number }> = [];
  const faultyFetch = async (input: string, init: RequestInit): Promise<Response> => {
    const method = init.method ?? 'GET';
    const index = queue.findIndex(({ fault, left }) => left > 0 && (fault.when === undefined || fault.when(input, method)));
    const slot = queue[index];
    if (slot === undefined) return fetch(input, init);
    slot.left -= 1;
    if (slot.left <= 0) queue = queue.filter((_, at) => at !== index);
    return slot.fault.apply(() => fetch(input, init));
  };
  return {
    transport: createFetchTransport(faultyFetch),
    inject: (...faults) => {
      queue = [...queue, ...faults.map((fault) => ({ fault, left: fault.times ?? 1 }))];
    },
    clear: () => {
      queue = [];
    },
    pending: () => queue.length,
  };
}

/** A response with the given status and text, keeping nothing of the real one. */
export function answer(status: number, text: string | null, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Response {
  return new Response(text, { status, headers });
}

/** The real answer's JSON body transformed (a field added, removed, renamed); status and headers kept. */
export async function rewriteJson(response: Response, change: (body: unknown) => unknown): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (text === '') return new Response(null, { status: response.status, headers });
  return new Response(JSON.stringify(change(JSON.parse(text) as unknown)), { status: response.status, headers });
}

/** The real answer with its body cut to `fraction` of its length. */
export async function truncate(response: Response, fraction = 0.5): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.floor(text.length * fraction)), { status: response.status, headers });
}

/** A timeout as `fetch` reports it when `AbortSignal.timeout` fires: the request never answered. */
export function timedOut(): Promise<Response> {
  return Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
}

/** The connection drops: `fetch` rejects with a TypeError. */
export function networkDown(): Promise<Response> {
  return Promise.reject(new TypeError('fetch failed'));
}

/** Waits `ms`, then answers as the simulator does. */
export function slow(ms: number): WireFault['apply'] {
  return async (real) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return real();
  };
}

/** Walks a JSON value and changes every object for which `change` returns a replacement. */
export function mapObjects(value: unknown, change: (object: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, change));
  if (typeof value === 'object' && value !== null) {
    const mapped: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) mapped[key] = mapObjects(inner, change);
    return change(mapped);
  }
  return value;
}
