import { createFetchTransport, type HttpRequest, type HttpResponse, type HttpTransport } from '@kizuna/crm-core';
import fc from 'fast-check';
import { mutateJson, mutation, nastyJson, type Mutation } from './fuzzTarget';

/** A real answer of the simulator, kept to be mutated. */
export interface RecordedAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Records the simulator's real answers by request kind (the first of each kind), while the adapter runs against it. */
export function recordingTransport(kindOf: (request: HttpRequest) => string) {
  const answers = new Map<string, RecordedAnswer>();
  const base = createFetchTransport();
  const transport: HttpTransport = async (request) => {
    const response = await base(request);
    const kind = kindOf(request);
    if (!answers.has(kind)) answers.set(kind, { status: response.status, headers: Object.fromEntries(response.headers.entries()), text: response.text });
    return response;
  };
  return { transport, answers };
}

/** How one generated input changes every answer the adapter gets. */
export type AnswerChange =
  | { readonly kind: 'mutate'; readonly mutation: Mutation }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'truncate'; readonly fraction: number }
  | { readonly kind: 'empty' };

export const answerChange: fc.Arbitrary<AnswerChange> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('mutate' as const), mutation }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: nastyJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

export const statuses = [200, 201, 204, 207, 300, 400, 401, 403, 404, 429, 500, 502, 503] as const;
/** Mostly the real status; sometimes another one. */
export const statusChange = fc.option(fc.constantFrom(...statuses), { freq: 3 });

function changedText(text: string, change: AnswerChange): string {
  switch (change.kind) {
    case 'mutate': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return text;
      }
      return JSON.stringify(mutateJson(parsed, change.mutation.at, change.mutation.replacement, change.mutation.mode)) ?? '';
    }
    case 'json':
      return JSON.stringify(change.value) ?? '';
    case 'text':
      return change.text;
    case 'truncate':
      return text.slice(0, Math.floor(text.length * change.fraction));
    case 'empty':
      return '';
  }
}

/** More requests than this for one input means the adapter is looping on a bad answer. */
export const MAX_REQUESTS_PER_INPUT = 60;

/**
 * A transport that answers every request from the recorded real answers, changed as the input
 * says. No network: thousands of inputs run in seconds.
 */
export function fuzzedTransport(kindOf: (request: HttpRequest) => string, answers: ReadonlyMap<string, RecordedAnswer>, change: AnswerChange, status: number | null): HttpTransport {
  let requests = 0;
  return async (request): Promise<HttpResponse> => {
    requests += 1;
    if (requests > MAX_REQUESTS_PER_INPUT) throw new Error(`The adapter sent more than ${MAX_REQUESTS_PER_INPUT} requests for one answer: it loops on ${request.method} ${request.url.slice(0, 120)}`);
    const recorded = answers.get(kindOf(request)) ?? { status: 404, headers: { 'content-type': 'application/json' }, text: '[]' };
    return { status: status ?? recorded.status, headers: new Headers(recorded.headers), text: changedText(recorded.text, change) };
  };
}
