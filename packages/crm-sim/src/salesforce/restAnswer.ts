import { notFound, SalesforceApiError } from './salesforceApiError';
import { notJson } from './writes/dmlErrors';

/** One REST answer before it goes on the wire (also a composite subrequest's result). */
export interface RestAnswer {
  readonly status: number;
  /** JSON body; `null` for 204. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A REST request as the resources see it: a top-level request or a composite subrequest. */
export interface RestCall {
  readonly method: string;
  /** Path and query string, e.g. `/services/data/v66.0/sobjects/Task` (a subrequest's `url`). */
  readonly url: string;
  /** Parsed JSON body (`undefined` when there is none). */
  readonly body: unknown;
  /** A request header (case-insensitive), e.g. `Sforce-Query-Options`. */
  header(name: string): string | null;
}

export function errorAnswer(error: SalesforceApiError): RestAnswer {
  return { status: error.status, body: error.body() };
}

/** Runs `resource`, turning a thrown `SalesforceApiError` into its answer. */
export function answering(resource: () => RestAnswer): RestAnswer {
  try {
    return resource();
  } catch (error) {
    if (error instanceof SalesforceApiError) return errorAnswer(error);
    throw error;
  }
}

/** `v66.0` → 66, or null when it is not a version segment. */
export function versionNumber(version: string): number | null {
  const match = /^v(\d{2,3})\.0$/.exec(version);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Versions v31.0 up to the highest served exist; others are 404 NOT_FOUND. */
export function checkVersion(version: string, highest: number): number {
  const requested = versionNumber(version);
  if (requested === null || requested < 31 || requested > highest) throw notFound();
  return requested;
}

/** Reads a request body as JSON (`undefined` when empty), or throws JSON_PARSER_ERROR. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
