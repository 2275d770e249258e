import type { RestAnswer } from '../restAnswer';
import { routeRestCall } from '../restRouter';
import type { SalesforceOrg } from '../salesforceOrg';
import { parseCompositeRequest, type CompositeSubrequest } from './compositeRequest';
import { invalidReferenceMessage, resolveReferences } from './references';

/** One entry of `compositeResponse`, keys in the documented order. */
export interface CompositeSubresponse {
  readonly body: unknown;
  readonly httpHeaders: Readonly<Record<string, string>>;
  readonly httpStatusCode: number;
  readonly referenceId: string;
}

const rolledBackMessage = 'The transaction was rolled back since another operation in the same transaction failed.';

function halted(referenceId: string, message: string): CompositeSubresponse {
  return { body: [{ errorCode: 'PROCESSING_HALTED', message }], httpHeaders: {}, httpStatusCode: 400, referenceId };
}

function subresponse(referenceId: string, answer: RestAnswer): CompositeSubresponse {
  // No Content-Length in subresponse headers; a 204 has body null.
  return { body: answer.status === 204 ? null : answer.body, httpHeaders: { ...answer.headers }, httpStatusCode: answer.status, referenceId };
}

function headerLookup(headers: Readonly<Record<string, string>>): (name: string) => string | null {
  return (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
}

interface Step {
  readonly response: CompositeSubresponse;
  readonly failed: boolean;
}

function runSubrequest(org: SalesforceOrg, sub: CompositeSubrequest, bodies: ReadonlyMap<string, unknown>, options: { highestVersion: number; allOrNone: boolean }): Step {
  const resolved = resolveReferences(sub.url, sub.body, bodies);
  if (!resolved.ok) return { response: halted(sub.referenceId, invalidReferenceMessage(resolved.expression, resolved.referenceId)), failed: true };
  const routed = routeRestCall(
    org,
    { method: sub.method, url: resolved.value.url, body: resolved.value.body, header: headerLookup(sub.httpHeaders) },
    options,
  );
  return { response: subresponse(sub.referenceId, routed.answer), failed: routed.failed };
}

/**
 * `POST /services/data/vXX.X/composite`: runs the subrequests in order against the org (no
 * collation), resolving `@{…}` references to earlier responses. With `allOrNone: true` the first
 * failure stops the run, every write is rolled back, and every other subrequest answers 400
 * PROCESSING_HALTED; with `false` only subrequests whose references have no value are halted.
 * The answer is always 200 `{compositeResponse}` once the request itself is well formed.
 */
export function runComposite(org: SalesforceOrg, body: unknown, highestVersion: number): RestAnswer {
  const request = parseCompositeRequest(body);
  const bodies = new Map<string, unknown>();
  const steps: Step[] = [];
  org.store.begin();
  for (const sub of request.subrequests) {
    const step = runSubrequest(org, sub, bodies, { highestVersion, allOrNone: request.allOrNone });
    steps.push(step);
    bodies.set(sub.referenceId, step.response.body);
    if (request.allOrNone && step.failed) break;
  }
  const failedAt = request.allOrNone ? steps.findIndex((step) => step.failed) : -1;
  if (failedAt >= 0) org.store.rollback();
  else org.store.commit();
  const compositeResponse = request.subrequests.map((sub, index) => {
    const step = steps[index];
    if (failedAt >= 0 && index !== failedAt) return halted(sub.referenceId, rolledBackMessage);
    return step?.response ?? halted(sub.referenceId, rolledBackMessage);
  });
  return { status: 200, body: { compositeResponse } };
}
