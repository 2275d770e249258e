import { CrmError, type CrmErrorCode } from '../crmError';
import type { HttpRequest, HttpResponse, HttpTransport } from '../httpTransport';
import type { ResponseClassifier } from './responseClassifier';

/*
 * Test doubles for the layers' tests (not exported from the package): transports that answer
 * from a script, record what they were asked, and never touch the network or a timer.
 */

export function httpResponse(status: number, text = '', headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers(headers), text };
}

export interface Scripted {
  readonly transport: HttpTransport;
  readonly requests: HttpRequest[];
}

/** A transport whose answer to each request is computed by `answer` (which may throw). */
export function scriptedTransport(answer: (request: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse>): Scripted {
  const requests: HttpRequest[] = [];
  const transport: HttpTransport = async (request) => {
    requests.push(request);
    return answer(request, requests.length - 1);
  };
  return { transport, requests };
}

/** A transport that gives the listed answers in order, then fails the test. */
export function answersInOrder(...answers: (HttpResponse | Error)[]): Scripted {
  return scriptedTransport(() => {
    const next = answers.shift();
    if (next === undefined) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  });
}

/** Classifies by status alone: enough to drive the layers in tests. */
export function classifyByStatus(codes: Readonly<Record<number, CrmErrorCode>>): ResponseClassifier {
  return (response) => {
    const code = codes[response.status];
    return code === undefined ? undefined : new CrmError(code, `HTTP ${response.status}`, { status: response.status });
  };
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (one macrotask turn; no timer, no waiting). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The token a request was sent with, from its Authorization header. */
export function tokenOf(request: HttpRequest | undefined): string | undefined {
  return request?.headers?.['Authorization']?.replace(/^\S+ /, '');
}
