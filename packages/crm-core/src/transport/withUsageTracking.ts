import { CrmError } from '../crmError';
import type { HttpResponse, HttpTransport } from '../httpTransport';
import { fraction, nonNegativeNumber } from './validateOptions';

/** API calls used of the allocation, as the CRM last reported it. */
export interface ApiUsage {
  readonly used: number;
  readonly limit: number;
  /** When it was read, epoch milliseconds. */
  readonly at: number;
}

/** Reads usage from a response (Salesforce: `Sforce-Limit-Info`); `undefined` when absent. */
export type UsageParser = (response: HttpResponse) => { readonly used: number; readonly limit: number } | undefined;

export interface UsageTrackingOptions {
  readonly parse: UsageParser;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

/** A transport that remembers the latest usage any response reported. */
export interface UsageTrackingTransport extends HttpTransport {
  usage(): ApiUsage | undefined;
}

/**
 * Reads usage from every response that carries it — errors included, since a 403
 * REQUEST_LIMIT_EXCEEDED reports it too. A response without it leaves the last reading in place.
 */
export function withUsageTracking(transport: HttpTransport, options: UsageTrackingOptions): UsageTrackingTransport {
  const now = options.now ?? Date.now;
  let latest: ApiUsage | undefined;
  const tracked: HttpTransport = async (request) => {
    const response = await transport(request);
    const reading = options.parse(response);
    if (reading !== undefined) latest = { used: reading.used, limit: reading.limit, at: now() };
    return response;
  };
  return Object.assign(tracked, { usage: () => latest });
}

export interface BudgetGuardOptions {
  /** Where the latest usage comes from: a `UsageTrackingTransport`'s `usage`. */
  readonly usage: () => ApiUsage | undefined;
  /** The fraction of the allocation past which requests through this guard are refused. Default 0.8. */
  readonly threshold?: number;
  /**
   * A reading older than this no longer refuses (the allocation is a rolling 24 h window, and a
   * guard that refuses every request would never see a newer reading). Default 10 minutes.
   */
  readonly staleAfterMs?: number;
  /** Default `Date.now`. */
  readonly now?: () => number;
}

/** The share of the allocation used, or `undefined` when nothing has been read. */
export function usageFraction(usage: ApiUsage | undefined): number | undefined {
  return usage === undefined || usage.limit <= 0 ? undefined : usage.used / usage.limit;
}

/**
 * Keeps the rest of the allocation for people: put optional background work (scheduled widget
 * refreshes, prefetching) through this guard, interactive reads around it. Both stacks share one
 * `UsageTrackingTransport` underneath. Once usage reaches the threshold, guarded requests fail
 * before anything is sent with DAILY_LIMIT and `crmCode` `BUDGET_RESERVED`.
 */
export function withBudgetGuard(transport: HttpTransport, options: BudgetGuardOptions): HttpTransport {
  const threshold = fraction(options.threshold ?? 0.8, 'threshold');
  const staleAfterMs = nonNegativeNumber(options.staleAfterMs ?? 10 * 60_000, 'staleAfterMs');
  const now = options.now ?? Date.now;
  return (request) => {
    const usage = options.usage();
    const used = usageFraction(usage);
    if (usage !== undefined && used !== undefined && used >= threshold && now() - usage.at <= staleAfterMs) {
      return Promise.reject(
        new CrmError(
          'DAILY_LIMIT',
          `Background refresh is paused: ${usage.used} of ${usage.limit} daily API calls are used, and the last ` +
            `${Math.round((1 - threshold) * 100)}% are kept for people using the dashboard.`,
          { crmCode: 'BUDGET_RESERVED' },
        ),
      );
    }
    return transport(request);
  };
}
