/** Zoho's request-level error envelope (OAS `common.json` `API_Exception`): always these four keys. */
export interface ZohoErrorBody {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly status: 'error';
}

/**
 * A request-level error as Zoho CRM answers it: a top-level `{code, details, message, status}`
 * object (not wrapped in `data[]`, which is for per-record write results). Thrown by the
 * simulator's resources and put on the wire by the responder.
 */
export class ZohoApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** The `message` of the body (the Error's own message adds status and code). */
  readonly zohoMessage: string;

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(`${status} ${code}: ${message}`);
    this.name = 'ZohoApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.zohoMessage = message;
  }

  body(): ZohoErrorBody {
    return { code: this.code, details: this.details, message: this.zohoMessage, status: 'error' };
  }
}

// Codes, HTTP statuses, messages and details: the official v8 OpenAPI examples (zoho/crm-oas
// `v8.0/record/operations/*/examples`, `v8.0/coql/operations/executeCOQLQuery/examples`), the v8
// status-codes page and reference §C. Wording not found there is listed as unverified in the README.
export const authenticationFailure = (): ZohoApiError => new ZohoApiError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed');
export const invalidToken = (): ZohoApiError => new ZohoApiError(401, 'INVALID_TOKEN', 'invalid oauth token');
export const oauthScopeMismatch = (): ZohoApiError => new ZohoApiError(401, 'OAUTH_SCOPE_MISMATCH', 'Unauthorized');
export const invalidModule = (): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
export const invalidUrlPattern = (): ZohoApiError =>
  new ZohoApiError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
export const requiredParamMissing = (param: string): ZohoApiError =>
  new ZohoApiError(400, 'REQUIRED_PARAM_MISSING', 'required param is missing', { param_name: param });
export const tooManyRequests = (): ZohoApiError =>
  new ZohoApiError(429, 'TOO_MANY_REQUESTS', 'The number of API requests for the specified time interval has exceeded');
export const internalError = (): ZohoApiError => new ZohoApiError(500, 'INTERNAL_ERROR', 'Internal Server Error');
export const invalidRequestMethod = (): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
export const invalidData = (message: string, details: Readonly<Record<string, unknown>> = {}): ZohoApiError =>
  new ZohoApiError(400, 'INVALID_DATA', message, details);
export const limitExceeded = (message: string, details: Readonly<Record<string, unknown>> = {}): ZohoApiError =>
  new ZohoApiError(400, 'LIMIT_EXCEEDED', message, details);
