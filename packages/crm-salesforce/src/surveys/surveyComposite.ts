import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { ReadOptions } from '@kizuna/model';
import { sendComposite, subrequestError, type CompositeSubrequest, type CompositeSubresponse } from '../composite/compositeRequest';
import type { SalesforceConnection } from '../connection';
import { asQueryPage, completeQueryResult, type SalesforceRecord } from '../restQuery';
import type { SurveyMapping } from './surveyMapping';
import type { NamedQuery } from './surveyQueries';

/** What every survey read needs. `mapping` defaults to `surveyDefaultMapping`. */
export interface SurveyReadContext {
  readonly transport: HttpTransport;
  readonly connection: SalesforceConnection;
  readonly mapping?: SurveyMapping;
}

/** Query subrequests for a composite request (relative URLs, as composite wants them). */
export function querySubrequests(connection: SalesforceConnection, queries: readonly NamedQuery[]): CompositeSubrequest[] {
  return queries.map((query) => ({
    method: 'GET',
    referenceId: query.referenceId,
    url: `/services/data/${connection.apiVersion}/query?q=${encodeURIComponent(query.soql)}`,
  }));
}

/** Sends named queries as one composite request (one API call). */
export async function sendQueries(context: SurveyReadContext, queries: readonly NamedQuery[], options: ReadOptions = {}): Promise<Map<string, CompositeSubresponse>> {
  const subrequests = querySubrequests(context.connection, queries);
  return sendComposite(context.transport, context.connection, subrequests, options.signal ? { signal: options.signal } : {});
}

/**
 * Every record of one query part, its later batches followed. A part Salesforce refused becomes
 * its CrmError, which names the missing object or field (`INVALID_TYPE`, `INVALID_FIELD`).
 */
export async function partRecords(
  context: SurveyReadContext,
  parts: ReadonlyMap<string, CompositeSubresponse>,
  referenceId: string,
  options: ReadOptions = {},
): Promise<SalesforceRecord[]> {
  const part = parts.get(referenceId);
  if (part === undefined) throw new CrmError('MALFORMED_RESPONSE', `The composite response has no ${referenceId} part.`);
  if (part.httpStatusCode !== 200) throw subrequestError(part);
  return completeQueryResult(context.transport, context.connection, asQueryPage(part.body, `the ${referenceId} query result`), options.signal);
}
