import type { BenchRole } from './mainFigure';

/** Where the page leaves its result for the benchmark to read (`window[firstRenderResultKey]`). */
export const firstRenderResultKey = '__kizunaFirstRender';

/** What the set-up load reports once the simulator's service worker controls the origin. */
export interface SetupResult {
  readonly setup: true;
  readonly busiestAccountId: string;
  readonly accounts: number;
  readonly feedback: number;
  /** How long the worker took to generate and seed the org (not part of any measured load). */
  readonly generatedInMs: number;
  readonly bootId: string;
}

/** One CRM request as the page's Resource Timing saw it (ms since navigation start). */
export interface CrmRequest {
  readonly path: string;
  /** The SOQL of a `query` request (a composite's subrequests are in its body, not seen here). */
  readonly soql?: string | undefined;
  readonly startMs: number;
  readonly endMs: number;
}

/** What one measured load saw; every time in ms since navigation start. */
export interface FirstRenderResult {
  readonly role: BenchRole;
  /** The page's module has run its imports (the Salesforce adapter, the styles). */
  readonly pageScriptMs: number;
  /** The role's chunk is loaded and `mount` is called. */
  readonly mountMs: number;
  /** The role's main figure is in the DOM. */
  readonly figureMs: number;
  /** Every widget is out of loading. */
  readonly settledMs: number;
  /** Requests the simulator answered during the load. */
  readonly calls: number;
  readonly callsByEndpoint: Readonly<Record<string, number>>;
  readonly requests: readonly CrmRequest[];
  /** The simulator's boot: a change between set-up and a load means its worker was restarted. */
  readonly bootId: string;
}
