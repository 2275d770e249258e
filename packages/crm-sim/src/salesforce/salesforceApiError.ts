/** The REST error body: always a JSON array; query errors carry no `fields` key, DML errors do. */
export type SalesforceErrorBody = [{ message: string; errorCode: string; fields?: string[] }];

/**
 * An error the simulated org answers with: HTTP status + `errorCode` + message (+ `fields` for
 * DML errors), exactly as the REST API puts them in its `[{"message","errorCode"}]` body.
 */
export class SalesforceApiError extends Error {
  override readonly name = 'SalesforceApiError';
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** DML and validation errors name the offending fields (possibly none); query errors have no key. */
    readonly fields?: readonly string[],
  ) {
    super(message);
  }

  body(): SalesforceErrorBody {
    return this.fields === undefined
      ? [{ message: this.message, errorCode: this.errorCode }]
      : [{ message: this.message, errorCode: this.errorCode, fields: [...this.fields] }];
  }
}

const wsdlHint = 'Please reference your WSDL or the describe call for the appropriate names.';

export function malformedQuery(message: string): SalesforceApiError {
  return new SalesforceApiError(400, 'MALFORMED_QUERY', message);
}

export function unexpectedToken(token: string | null): SalesforceApiError {
  return malformedQuery(token === null ? 'unexpected token: <EOF>' : `unexpected token: '${token}'`);
}

export function invalidField(field: string, objectName: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_FIELD',
    `No such column '${field}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${wsdlHint}`,
  );
}

export function invalidRelationship(relationship: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_FIELD',
    `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdlHint}`,
  );
}

export function invalidChildRelationship(relationship: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_TYPE',
    `Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${wsdlHint}`,
  );
}

export function invalidType(objectName: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_TYPE',
    `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${wsdlHint}`,
  );
}

/** A field used where its type does not allow it (`can not be filtered/sorted/grouped`). */
export function fieldNotAllowed(field: string, use: 'filtered' | 'sorted' | 'grouped'): SalesforceApiError {
  const where = use === 'filtered' ? 'in query call' : 'in a query call';
  return new SalesforceApiError(400, 'INVALID_FIELD', `field '${field}' can not be ${use} ${where}`);
}

export function invalidFilterValue(message: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', message);
}

export function invalidQueryLocator(): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
}

/** queryMore on an aggregate result. The message is Salesforce's; the error code is not documented (unverified). */
export function aggregateQueryMore(): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_QUERY_LOCATOR',
    'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
  );
}

export function invalidSession(): SalesforceApiError {
  return new SalesforceApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}

/** The 401 that refreshing the token cannot fix (jsforce PR #1301). */
export function sessionNotValidForRest(): SalesforceApiError {
  return new SalesforceApiError(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API');
}

export function requestLimitExceeded(): SalesforceApiError {
  return new SalesforceApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
}

export function concurrentLimitExceeded(): SalesforceApiError {
  return new SalesforceApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.');
}

export function notFound(): SalesforceApiError {
  return new SalesforceApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

/**
 * Not a Salesforce error: the query uses SOQL the simulator does not implement. Answered with
 * 501 so no client mistakes it for something the real API would say.
 */
export function simUnsupported(feature: string): SalesforceApiError {
  return new SalesforceApiError(501, 'SIM_UNSUPPORTED', `crm-sim does not implement ${feature}`);
}
