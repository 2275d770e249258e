/** A promise settled from outside: lets a test decide which of several answers comes first. */
export interface Deferred<TValue> {
  readonly promise: Promise<TValue>;
  readonly resolve: (value: TValue) => void;
  readonly reject: (error: Error) => void;
}

export function deferred<TValue>(): Deferred<TValue> {
  let resolve: (value: TValue) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<TValue>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}
