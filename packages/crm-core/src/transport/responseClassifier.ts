import type { CrmError } from '../crmError';
import type { HttpResponse } from '../httpTransport';

/**
 * Says what went wrong with a response, or `undefined` when nothing did. Layers use it to decide
 * whether to refresh or retry; they still hand the response itself back when they give up, so an
 * adapter's own error handling (Salesforce's `salesforceErrorFrom`) keeps working unchanged.
 *
 * Salesforce: non-2xx → `salesforceErrorFrom`. Zoho (later): its own, including token errors
 * that arrive as HTTP 200 with an `error` key.
 */
export type ResponseClassifier = (response: HttpResponse) => CrmError | undefined;
