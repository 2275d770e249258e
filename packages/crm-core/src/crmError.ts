/**
 * The one error type of the adapter layer. Codes are a closed list; the CRM's own code and the
 * original cause are kept for diagnosis. Widgets and the CLI branch on `code`, never on text.
 */
export const crmErrorCodes = [
  /** The access token expired; a refresh may fix it. */
  'AUTH_EXPIRED',
  /** Credentials are wrong or unusable for this API; refreshing will not fix it. */
  'AUTH_INVALID',
  /** The user may not read or write this object or field. */
  'PERMISSION_DENIED',
  /** The org has no such object (or it is not enabled). */
  'INVALID_TYPE',
  /** The object has no such field, or field-level security hides it. */
  'INVALID_FIELD',
  /** The query was refused as malformed. */
  'INVALID_QUERY',
  /** A value given to the adapter (an id, a filter) was refused before anything was sent. */
  'INVALID_INPUT',
  'NOT_FOUND',
  /** Too many requests right now: back off and retry. */
  'RATE_LIMITED',
  /** The daily (rolling 24 h) allocation is spent: stop until it recovers. */
  'DAILY_LIMIT',
  'TIMEOUT',
  /** The CRM or the network is unavailable (5xx, connection refused). */
  'UNAVAILABLE',
  /** The CRM answered with something other than its documented shape. */
  'MALFORMED_RESPONSE',
  /** A write was refused because the record already exists. */
  'DUPLICATE',
  /** A write was refused by validation. */
  'VALIDATION',
  'CANCELLED',
  'UNKNOWN',
] as const;
export type CrmErrorCode = (typeof crmErrorCodes)[number];

/** Codes worth retrying after a pause. Everything else needs a person or a different request. */
export const retryableCrmErrorCodes: ReadonlySet<CrmErrorCode> = new Set(['RATE_LIMITED', 'TIMEOUT', 'UNAVAILABLE']);

export interface CrmErrorDetails {
  /** The CRM's own error code, e.g. `INVALID_SESSION_ID`. */
  readonly crmCode?: string;
  readonly status?: number;
  /** Fields the CRM named as the problem. */
  readonly fields?: readonly string[];
  readonly cause?: unknown;
}

export class CrmError extends Error {
  override readonly name = 'CrmError';
  readonly crmCode: string | undefined;
  readonly status: number | undefined;
  readonly fields: readonly string[];

  constructor(
    readonly code: CrmErrorCode,
    message: string,
    details: CrmErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.crmCode = details.crmCode;
    this.status = details.status;
    this.fields = details.fields ?? [];
  }

  get retryable(): boolean {
    return retryableCrmErrorCodes.has(this.code);
  }
}

export function isCrmError(value: unknown): value is CrmError {
  return value instanceof CrmError;
}

/** Turns anything thrown into a CrmError, keeping the original as `cause`. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new CrmError('CANCELLED', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new CrmError('TIMEOUT', 'The CRM did not answer in time.', { cause: error });
  }
  if (error instanceof TypeError) {
    return new CrmError('UNAVAILABLE', `The CRM could not be reached: ${error.message}`, { cause: error });
  }
  return new CrmError('UNKNOWN', describeUnknown(error), { cause: error });
}

/** Words for anything thrown; an object whose `toString` is missing or not a function must not throw again. */
function describeUnknown(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'The CRM failed in an unexpected way.';
  }
}
