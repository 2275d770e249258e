export { CrmError, crmErrorCodes, isCrmError, retryableCrmErrorCodes, toCrmError } from './crmError';
export type { CrmErrorCode, CrmErrorDetails } from './crmError';
export {
  createFetchTransport,
  parseJsonBody,
  withBearerAuth,
  withCallAccounting,
} from './httpTransport';
export type { CallStats, FetchLike, HttpRequest, HttpResponse, HttpTransport } from './httpTransport';
export { crmIdentifierSchema, mappedCrmFields, objectMappingSchema } from './fieldMapping';
export type { ObjectMapping } from './fieldMapping';
export { mapRecord, normaliseDateTime } from './mapRecord';
export * from './transport/index';
