import { isJsonObject } from '../restAnswer';
import { dataSegments } from '../restRouter';
import { SalesforceApiError } from '../salesforceApiError';

/** Documented limits of `POST /composite` (resources_composite_composite_post.htm). */
export const maxSubrequests = 25;
export const maxQueryOrCollectionSubrequests = 5;

export interface CompositeSubrequest {
  readonly method: string;
  readonly url: string;
  readonly referenceId: string;
  readonly body: unknown;
  readonly httpHeaders: Readonly<Record<string, string>>;
}

export interface CompositeRequest {
  readonly allOrNone: boolean;
  readonly subrequests: readonly CompositeSubrequest[];
}

const methods = new Set(['POST', 'PUT', 'PATCH', 'GET', 'DELETE']);
const inheritedHeaders = new Set(['accept', 'authorization', 'content-type']);
const referenceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_]*$/;

/** The whole composite request is refused with 400; the error codes are not documented (unverified). */
function invalidComposite(message: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_INPUT', message);
}

function limitExceeded(message: string): SalesforceApiError {
  return new SalesforceApiError(400, 'LIMIT_EXCEEDED', message);
}

/** Query, QueryAll (and their follow-ups) and sObject Collections count toward the limit of 5. */
export function isQueryOrCollection(url: string): boolean {
  const [, resource, next] = dataSegments(url) ?? [];
  return resource === 'query' || resource === 'queryAll' || (resource === 'composite' && next === 'sobjects');
}

function headersOf(value: unknown, referenceId: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isJsonObject(value)) throw invalidComposite(`httpHeaders of ${referenceId} must be an object`);
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value)) {
    if (inheritedHeaders.has(name.toLowerCase())) {
      throw invalidComposite(`Subrequest ${referenceId} must not set the ${name} header: subrequests inherit it from the composite request`);
    }
    headers[name] = String(header);
  }
  return headers;
}

function subrequestOf(value: unknown, seen: Set<string>): CompositeSubrequest {
  if (!isJsonObject(value)) throw invalidComposite('Each compositeRequest item must be an object');
  const { method, url, referenceId } = value;
  if (typeof referenceId !== 'string' || !referenceIdPattern.test(referenceId)) {
    throw invalidComposite(
      `Provided referenceId ('${String(referenceId)}') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').`,
    );
  }
  if (seen.has(referenceId)) throw invalidComposite(`Duplicate referenceId provided in the request: ${referenceId}`);
  seen.add(referenceId);
  if (typeof method !== 'string' || !methods.has(method)) throw invalidComposite(`Invalid method for subrequest ${referenceId}: ${String(method)}`);
  if (typeof url !== 'string' || !url.startsWith('/services/data/')) {
    throw invalidComposite(`The url of subrequest ${referenceId} must start with /services/data/vXX.X/`);
  }
  return { method, url, referenceId, body: value['body'], httpHeaders: headersOf(value['httpHeaders'], referenceId) };
}

/**
 * Reads and checks a composite request body: at most 25 subrequests, at most 5 of them query or
 * collection operations, valid methods, URLs under `/services/data/`, reference ids of letters,
 * digits and underscores (v52+: an illegal one fails the whole request), and no Accept /
 * Authorization / Content-Type subrequest headers. Any violation refuses the whole request (400).
 */
export function parseCompositeRequest(body: unknown): CompositeRequest {
  const items = isJsonObject(body) ? body['compositeRequest'] : undefined;
  if (!isJsonObject(body) || !Array.isArray(items) || items.length === 0) {
    throw invalidComposite('compositeRequest must be a non-empty array of subrequests');
  }
  if (items.length > maxSubrequests) {
    throw limitExceeded(`A composite request can have at most ${maxSubrequests} subrequests; this one has ${items.length}`);
  }
  const seen = new Set<string>();
  const subrequests = items.map((item: unknown) => subrequestOf(item, seen));
  const heavy = subrequests.filter((sub) => isQueryOrCollection(sub.url)).length;
  if (heavy > maxQueryOrCollectionSubrequests) {
    throw limitExceeded(
      `A composite request can have at most ${maxQueryOrCollectionSubrequests} query or sObject Collections subrequests; this one has ${heavy}`,
    );
  }
  return { allOrNone: body['allOrNone'] === true, subrequests };
}
