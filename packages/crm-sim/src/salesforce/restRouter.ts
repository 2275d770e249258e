import { batchSizeOf, runQuery, runQueryMore } from './queryResource';
import { answering, checkVersion, type RestAnswer, type RestCall } from './restAnswer';
import { notFound } from './salesforceApiError';
import type { SalesforceOrg } from './salesforceOrg';
import { collectionsResource } from './writes/collections';
import { methodNotAllowed } from './writes/dmlErrors';
import { sobjectResource } from './writes/sobjectResource';

export interface RoutedAnswer {
  readonly answer: RestAnswer;
  /** A 4xx/5xx answer, or a collection with failed records under a composite's allOrNone. */
  readonly failed: boolean;
}

export interface RouteOptions {
  /** Highest API version served (66 for v66.0). */
  readonly highestVersion: number;
  /** An enclosing composite's `allOrNone: true` (it overrides a collection's own flag). */
  readonly allOrNone?: boolean;
}

/** The decoded path segments after `/services/data/`, or null when the URL is not under it. */
export function dataSegments(url: string): string[] | null {
  const { pathname } = new URL(url, 'https://sim.invalid');
  if (!pathname.startsWith('/services/data/')) return null;
  try {
    const segments = pathname.slice('/services/data/'.length).split('/').map(decodeURIComponent);
    while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
    return segments;
  } catch {
    return null;
  }
}

function queryResource(org: SalesforceOrg, resource: 'query' | 'queryAll', rest: readonly string[], call: RestCall, version: string): RestAnswer {
  if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
  const [locator, ...more] = rest;
  if (more.length > 0) throw notFound();
  if (locator !== undefined) return { status: 200, body: runQueryMore(org, locator, version) };
  const soql = new URL(call.url, 'https://sim.invalid').searchParams.get('q');
  return {
    status: 200,
    body: runQuery(org, soql, {
      version,
      includeDeleted: resource === 'queryAll',
      batchSize: batchSizeOf(call.header('Sforce-Query-Options')),
    }),
  };
}

/**
 * Answers one REST call against `org` the way the resource it names would: query / queryAll /
 * their follow-ups, the sObject resources and sObject Collections. Composite subrequests and the
 * top-level handlers of these resources both come through here; admission, faults and
 * accounting happen around it. Never throws a `SalesforceApiError`: it becomes the answer.
 */
export function routeRestCall(org: SalesforceOrg, call: RestCall, options: RouteOptions): RoutedAnswer {
  let itemsFailed = false;
  const answer = answering(() => {
    const segments = dataSegments(call.url);
    const [version, resource, ...rest] = segments ?? [];
    if (version === undefined) throw notFound();
    checkVersion(version, options.highestVersion);
    if (resource === 'query' || resource === 'queryAll') return queryResource(org, resource, rest, call, version);
    if (resource === 'sobjects') return sobjectResource(org, rest, call, version);
    if (resource === 'composite' && rest[0] === 'sobjects') {
      const result = collectionsResource(org, rest.slice(1), call, options.allOrNone === true);
      itemsFailed = result.itemsFailed;
      return result.answer;
    }
    throw notFound();
  });
  return { answer, failed: answer.status >= 400 || (itemsFailed && options.allOrNone === true) };
}
