import { CrmError, parseJsonBody, type HttpTransport } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceConnection } from './connection';
import { salesforceErrorFrom } from './salesforceError';

/** A record as REST returns it: `attributes` plus the selected fields by API name. */
export type SalesforceRecord = Readonly<Record<string, unknown>>;

const queryPageSchema = z.object({
  totalSize: z.number().int().nonnegative(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

export interface QueryOptions {
  /** `queryAll`: include deleted and archived rows (archived Tasks and Events among them). */
  readonly includeDeleted?: boolean;
  /** Asked of Salesforce via `Sforce-Query-Options`; it may return fewer. 200–2,000. */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}

function nextUrl(connection: SalesforceConnection, nextRecordsUrl: string): string {
  // nextRecordsUrl is relative to instance_url. Refuse anything else: a body must never steer
  // the client (and its bearer token) to another host.
  if (!/^\/services\/data\/v\d+\.\d\/query(All)?\/[A-Za-z0-9-]+$/.test(nextRecordsUrl)) {
    throw new CrmError('MALFORMED_RESPONSE', `Salesforce sent an unexpected nextRecordsUrl: ${nextRecordsUrl}`);
  }
  return `${connection.instanceUrl}${nextRecordsUrl}`;
}

export type QueryPage = z.infer<typeof queryPageSchema>;

/** The URL of a query's first batch. */
export function queryUrl(connection: SalesforceConnection, soql: string, includeDeleted = false): string {
  const resource = includeDeleted ? 'queryAll' : 'query';
  return `${connection.instanceUrl}/services/data/${connection.apiVersion}/${resource}?q=${encodeURIComponent(soql)}`;
}

/** One batch of a query result, validated. */
export async function fetchQueryPage(
  transport: HttpTransport,
  url: string,
  headers: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<QueryPage> {
  const response = await transport({ method: 'GET', url, headers, ...(signal ? { signal } : {}) });
  if (response.status !== 200) throw salesforceErrorFrom(response);
  const page = queryPageSchema.safeParse(parseJsonBody(response, 'query result'));
  if (!page.success) {
    throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned a query result of an unexpected shape.', { cause: page.error });
  }
  return page.data;
}

/**
 * Runs a SOQL query and yields its records page by page until Salesforce says `done`.
 * Paging follows `nextRecordsUrl` — never counts — because a page may hold fewer rows than asked.
 */
export async function* queryPages(
  transport: HttpTransport,
  connection: SalesforceConnection,
  soql: string,
  options: QueryOptions = {},
): AsyncGenerator<readonly SalesforceRecord[], void, undefined> {
  let url = queryUrl(connection, soql, options.includeDeleted === true);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.batchSize !== undefined) headers['Sforce-Query-Options'] = `batchSize=${options.batchSize}`;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchQueryPage(transport, url, headers, options.signal);
    yield page.records;
    if (page.done) return;
    const next = page.nextRecordsUrl;
    if (next === undefined || seen.has(next)) {
      throw new CrmError('MALFORMED_RESPONSE', 'Salesforce said the query was not done but gave no new nextRecordsUrl.');
    }
    seen.add(next);
    url = nextUrl(connection, next);
  }
}

/** Every record of a SOQL query, all pages read. */
export async function queryAll(
  transport: HttpTransport,
  connection: SalesforceConnection,
  soql: string,
  options: QueryOptions = {},
): Promise<SalesforceRecord[]> {
  const records: SalesforceRecord[] = [];
  for await (const page of queryPages(transport, connection, soql, options)) records.push(...page);
  return records;
}

/**
 * All records of a query result whose first batch is already in hand (e.g. a composite
 * subrequest's body or a child subquery's result): follows `nextRecordsUrl` to the end.
 */
export async function completeQueryResult(
  transport: HttpTransport,
  connection: SalesforceConnection,
  first: QueryPage,
  signal?: AbortSignal,
): Promise<SalesforceRecord[]> {
  const records: SalesforceRecord[] = [...first.records];
  const seen = new Set<string>();
  let page = first;
  while (!page.done) {
    const next = page.nextRecordsUrl;
    if (next === undefined || seen.has(next)) {
      throw new CrmError('MALFORMED_RESPONSE', 'Salesforce said the query was not done but gave no new nextRecordsUrl.');
    }
    seen.add(next);
    page = await fetchQueryPage(transport, nextUrl(connection, next), { Accept: 'application/json' }, signal);
    records.push(...page.records);
  }
  return records;
}

/** Validates a value as a query result (e.g. a composite subrequest body or a child subquery). */
export function asQueryPage(value: unknown, what: string): QueryPage {
  const page = queryPageSchema.safeParse(value);
  if (!page.success) throw new CrmError('MALFORMED_RESPONSE', `Salesforce returned ${what} of an unexpected shape.`, { cause: page.error });
  return page.data;
}
