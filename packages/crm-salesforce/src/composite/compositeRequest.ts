import { CrmError, parseJsonBody, type HttpTransport } from '@kizuna/crm-core';
import { z } from 'zod';
import type { SalesforceConnection } from '../connection';
import { salesforceErrorFrom } from '../salesforceError';

/** Composite takes at most 25 subrequests, of which at most 5 may be queries or collections. */
export const COMPOSITE_MAX_SUBREQUESTS = 25;
export const COMPOSITE_MAX_QUERIES = 5;

export interface CompositeSubrequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the instance, e.g. `/services/data/v66.0/query?q=…`. */
  readonly url: string;
  readonly referenceId: string;
  readonly body?: unknown;
}

const compositeResponseSchema = z.object({
  compositeResponse: z.array(
    z.object({
      body: z.unknown(),
      httpHeaders: z.record(z.string(), z.string()).optional(),
      httpStatusCode: z.number().int(),
      referenceId: z.string(),
    }),
  ),
});
export type CompositeSubresponse = z.infer<typeof compositeResponseSchema>['compositeResponse'][number];

function isQuery(subrequest: CompositeSubrequest): boolean {
  return /\/(query|queryAll)(\?|\/)/.test(subrequest.url) || subrequest.url.includes('/composite/sobjects');
}

/**
 * One round trip for several subrequests (`POST /composite`); counts as one API call. Checks the
 * documented limits before sending. The top-level status is 200 even when subrequests fail: each
 * subresponse carries its own status and body.
 */
export async function sendComposite(
  transport: HttpTransport,
  connection: SalesforceConnection,
  subrequests: readonly CompositeSubrequest[],
  options: { readonly allOrNone?: boolean; readonly signal?: AbortSignal } = {},
): Promise<Map<string, CompositeSubresponse>> {
  if (subrequests.length > COMPOSITE_MAX_SUBREQUESTS || subrequests.filter(isQuery).length > COMPOSITE_MAX_QUERIES) {
    throw new CrmError('INVALID_QUERY', `A composite request takes at most ${COMPOSITE_MAX_SUBREQUESTS} subrequests and ${COMPOSITE_MAX_QUERIES} queries.`);
  }
  const response = await transport({
    method: 'POST',
    url: `${connection.instanceUrl}/services/data/${connection.apiVersion}/composite`,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ allOrNone: options.allOrNone ?? false, collateSubrequests: false, compositeRequest: subrequests }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status !== 200) throw salesforceErrorFrom(response);
  const parsed = compositeResponseSchema.safeParse(parseJsonBody(response, 'composite response'));
  if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned a composite response of an unexpected shape.', { cause: parsed.error });
  return new Map(parsed.data.compositeResponse.map((part) => [part.referenceId, part]));
}

/** The CrmError of a failed subrequest, read from its body as from a REST response. */
export function subrequestError(part: CompositeSubresponse): CrmError {
  return salesforceErrorFrom({ status: part.httpStatusCode, headers: new Headers(), text: JSON.stringify(part.body ?? null) });
}
