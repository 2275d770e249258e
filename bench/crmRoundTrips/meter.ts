// Counting round trips and bytes on both ends of the wire. The client side is crm-core's own
// `withCallAccounting` (what the product's `stats` report); the server side is the simulator's
// `org.calls` (every request it answered, and the UTF-8 bytes of every response body). The bench
// reports the client figures and checks that the simulator saw the same.
import {
  createFetchTransport,
  withBearerAuth,
  withCallAccounting,
  type CallStats,
  type HttpTransport,
} from '@kizuna/crm-core';
import type { ApiCallSnapshot, SalesforceEndpoint, SalesforceOrg } from '@kizuna/crm-sim';

/** What one scenario cost on the wire. */
export interface WireCost {
  /** Round trips the client made (HTTP requests). */
  readonly roundTrips: number;
  /** Response body bytes the client received. */
  readonly bytesDown: number;
  /** Request bytes the client sent: URL (with the SOQL in its query string) plus body. */
  readonly bytesUp: number;
  /** Requests the simulated org answered, by endpoint. */
  readonly byEndpoint: Readonly<Partial<Record<SalesforceEndpoint, number>>>;
  /** The simulator's own count of requests and response bytes (should equal the client's). */
  readonly serverRequests: number;
  readonly serverBytesSent: number;
  /** Requests counted against the org's daily API allocation (a composite counts once). */
  readonly apiUsage: number;
}

export interface MeteredTransport {
  readonly transport: HttpTransport;
  readonly stats: CallStats;
  /** Request bytes sent so far (URL + body, UTF-8). */
  bytesUp(): number;
}

const encoder = new TextEncoder();

/** fetch → call accounting → bearer token: a bare client for the naive and batched paths. */
export function meteredTransport(token: string): MeteredTransport {
  const stats: CallStats = { calls: 0, bytesReceived: 0 };
  let up = 0;
  const counted = withCallAccounting(createFetchTransport(), stats);
  const measuredUp: HttpTransport = (request) => {
    up += encoder.encode(request.url).byteLength + (request.body === undefined ? 0 : encoder.encode(request.body).byteLength);
    return counted(request);
  };
  return { transport: withBearerAuth(measuredUp, () => token), stats, bytesUp: () => up };
}

/** Request bytes sent through a transport, for data sources that take their own bottom transport. */
export function countingBytesUp(): { readonly transport: HttpTransport; bytesUp(): number } {
  let up = 0;
  const fetchTransport = createFetchTransport();
  return {
    transport: (request) => {
      up += encoder.encode(request.url).byteLength + (request.body === undefined ? 0 : encoder.encode(request.body).byteLength);
      return fetchTransport(request);
    },
    bytesUp: () => up,
  };
}

function endpointDelta(before: ApiCallSnapshot, after: ApiCallSnapshot): Partial<Record<SalesforceEndpoint, number>> {
  const delta: Partial<Record<SalesforceEndpoint, number>> = {};
  for (const [endpoint, count] of Object.entries(after.byEndpoint) as Array<[SalesforceEndpoint, number]>) {
    const difference = count - before.byEndpoint[endpoint];
    if (difference !== 0) delta[endpoint] = difference;
  }
  return delta;
}

/**
 * Runs `work` and returns what it cost: the client's counts (read from `client()` before and
 * after) and the org's. Scenarios run one at a time, so the org's delta is this work's alone.
 */
export async function measure<T>(
  org: SalesforceOrg,
  client: () => { readonly calls: number; readonly bytesReceived: number; readonly bytesUp: number },
  work: () => Promise<T>,
): Promise<{ readonly value: T; readonly cost: WireCost; readonly ms: number }> {
  const serverBefore = org.calls.snapshot();
  const clientBefore = client();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const clientAfter = client();
  const serverAfter = org.calls.snapshot();
  return {
    value,
    ms,
    cost: {
      roundTrips: clientAfter.calls - clientBefore.calls,
      bytesDown: clientAfter.bytesReceived - clientBefore.bytesReceived,
      bytesUp: clientAfter.bytesUp - clientBefore.bytesUp,
      byEndpoint: endpointDelta(serverBefore, serverAfter),
      serverRequests: serverAfter.total - serverBefore.total,
      serverBytesSent: serverAfter.bytesSent - serverBefore.bytesSent,
      apiUsage: serverAfter.apiUsage - serverBefore.apiUsage,
    },
  };
}

/** The sum of several costs (per-KPI costs into a view's total). */
export function addCosts(costs: readonly WireCost[]): WireCost {
  const byEndpoint: Partial<Record<SalesforceEndpoint, number>> = {};
  for (const cost of costs) {
    for (const [endpoint, count] of Object.entries(cost.byEndpoint) as Array<[SalesforceEndpoint, number]>) {
      byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + count;
    }
  }
  const sum = (pick: (cost: WireCost) => number): number => costs.reduce((total, cost) => total + pick(cost), 0);
  return {
    roundTrips: sum((cost) => cost.roundTrips),
    bytesDown: sum((cost) => cost.bytesDown),
    bytesUp: sum((cost) => cost.bytesUp),
    byEndpoint,
    serverRequests: sum((cost) => cost.serverRequests),
    serverBytesSent: sum((cost) => cost.serverBytesSent),
    apiUsage: sum((cost) => cost.apiUsage),
  };
}

/** Whether the simulator saw exactly what the client counted. */
export function clientMatchesServer(cost: WireCost): boolean {
  return cost.roundTrips === cost.serverRequests && cost.bytesDown === cost.serverBytesSent;
}
