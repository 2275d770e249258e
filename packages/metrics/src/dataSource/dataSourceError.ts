/**
 * Why the in-memory data source refused a request. The codes are named as the CRM adapters' error
 * codes are, so that whoever shows the error (widgets, the CLI) branches on `code` alike, whatever
 * the source: an unknown account is `NOT_FOUND` here as it is from a CRM.
 */
export const dataSourceErrorCodes = [
  /** No such record (an account id the dataset does not hold). */
  'NOT_FOUND',
  /** A value given to the source (a scope, an id) was refused before anything was read. */
  'INVALID_INPUT',
  /** An aggregate plan names a fact source, field or dimension the fact tables do not have. */
  'INVALID_QUERY',
  /** The caller aborted the request (`ReadOptions.signal`). */
  'CANCELLED',
] as const;
export type DataSourceErrorCode = (typeof dataSourceErrorCodes)[number];

export class DataSourceError extends Error {
  override readonly name = 'DataSourceError';

  constructor(
    readonly code: DataSourceErrorCode,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** Rejects an aborted request before any work is done. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new DataSourceError('CANCELLED', 'The request was cancelled.', { cause: signal.reason });
}
