import { SalesforceApiError } from '../salesforceApiError';

/**
 * Errors of the sObject write resources. Where a message was seen verbatim (reference B.1/D.1,
 * live-org test suites) it is used as is; the others are marked unverified in the README.
 * DML errors carry a `fields` key, possibly empty.
 */

/** Observed against a live org (Salesforce Functions test suites): `fields` is empty. */
export function noSuchWriteField(field: string, objectName: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`, []);
}

/** The create doc's own example, without a `fields` key. */
export function idInBody(): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_FIELD', 'The Id field should not be specified in the sobject data.');
}

export function fieldsNotWritable(fields: readonly string[]): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fields,
  );
}

export function requiredFieldsMissing(fields: readonly string[]): SalesforceApiError {
  return new SalesforceApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields);
}

export function badRestrictedPicklistValue(label: string, field: string, value: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${label}: bad value for restricted picklist field: ${value}`, [field]);
}

export function invalidEmailAddress(label: string, field: string, value: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${value}`, [field]);
}

/** Not an id at all (unverified code; the message form is Salesforce's). */
export function malformedId(label: string, field: string, value: string): SalesforceApiError {
  return new SalesforceApiError(400, 'MALFORMED_ID', `${label}: id value of incorrect type: ${value}`, [field]);
}

/** An id of an object the lookup cannot point at (reference D.1, message illustrative). */
export function idOfWrongType(label: string, field: string, value: string): SalesforceApiError {
  return new SalesforceApiError(400, 'FIELD_INTEGRITY_EXCEPTION', `${label}: id value of incorrect type: ${value}`, [field]);
}

/** An id of the right object that no record has (unverified). */
export function invalidCrossReference(field: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field]);
}

/** Jackson's wording, without the `at [line:…, column:…]` position (unverified). */
export function cannotDeserialize(type: string, token: string, value: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${type} from ${token} value ${value} or request may be missing a required field`,
  );
}

export function notJson(): SalesforceApiError {
  return new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
}

/** Observed in client code; Salesforce shows the duplicate's 15-character id. */
export function duplicateValue(field: string, existingId: string): SalesforceApiError {
  return new SalesforceApiError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field} duplicates value on record with id: ${existingId.slice(0, 15)}`, []);
}

export function entityIsDeleted(): SalesforceApiError {
  return new SalesforceApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
}

/** A record path segment that is not an id: Salesforce reads it as an external id value. */
export function externalIdNotFound(value: string): SalesforceApiError {
  return new SalesforceApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${value}`);
}

/** Upsert by a field that exists but is not an External ID (wording seen from the Bulk API; unverified for REST). */
export function notAnExternalIdField(field: string, objectName: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_FIELD', `Field name provided, ${field} is not an External ID or indexed field for ${objectName}`, [field]);
}

/** The body repeats the external id with another value than the URL (unverified). */
export function externalIdMismatch(field: string): SalesforceApiError {
  return new SalesforceApiError(400, 'INVALID_FIELD', `${field}: the value in the request body does not match the external ID in the URL`, [field]);
}

export function methodNotAllowed(method: string, allowed: readonly string[]): SalesforceApiError {
  return new SalesforceApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);
}

/**
 * An external id that matches several records. The single-record upsert answers 300 with the
 * matching record URLs; in sObject Collections the item fails with this code (unverified wording).
 */
export class DuplicateExternalIdError extends SalesforceApiError {
  constructor(
    field: string,
    readonly matchingIds: readonly string[],
  ) {
    super(300, 'DUPLICATE_EXTERNAL_ID', `${field}: more than one record found for external id field: [${matchingIds.join(', ')}]`, [field]);
  }
}
