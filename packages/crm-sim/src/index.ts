export { createSalesforceOrg, defaultSalesforceApiVersion } from './salesforce/salesforceOrg';
export type { SalesforceOrg, SalesforceOrgOptions, SalesforceQueryResult, SoqlOptions } from './salesforce/salesforceOrg';
export { defaultLoginUrl, salesforceHandlers } from './salesforce/salesforceHandlers';
export type { SalesforceHandlerOptions } from './salesforce/salesforceHandlers';
export { createSalesforceKnobs, defaultDailyApiLimit } from './salesforce/salesforceKnobs';
export type { SalesforceFault, SalesforceKnobs } from './salesforce/salesforceKnobs';
export { ApiCallStats } from './salesforce/apiCallStats';
export type { ApiCallSnapshot, SalesforceEndpoint } from './salesforce/apiCallStats';
export { SalesforceApiError } from './salesforce/salesforceApiError';
export { DuplicateExternalIdError } from './salesforce/writes/dmlErrors';
export type { SObjectWrites, UpsertOutcome, WriteBody } from './salesforce/writes/sobjectWrites';
export { maxCollectionRecords } from './salesforce/writes/collections';
export { maxQueryOrCollectionSubrequests, maxSubrequests } from './salesforce/composite/compositeRequest';
export { RecordStore } from './salesforce/recordStore';
export { defaultSalesforceUsername, SalesforceOAuth } from './salesforce/oauth/salesforceOAuth';
export type { AuthorizationCodeOptions, JwtClientOptions, OAuthGrant, SalesforceUserProfile } from './salesforce/oauth/salesforceOAuth';
export { pkceChallenge } from './salesforce/oauth/base64url';
export type { SalesforceErrorBody } from './salesforce/salesforceApiError';
export { SalesforceSessions } from './salesforce/salesforceSessions';
export type { SessionStatus } from './salesforce/salesforceSessions';
export { QueryCursors } from './salesforce/queryCursors';
export { salesforceIdChecksum, toSalesforceId18 } from './salesforce/salesforceId';
export { formatSalesforceDateTime } from './salesforce/storedRecord';
export type { FieldValue, StoredRecord } from './salesforce/storedRecord';
export type {
  SalesforceChildRelationship,
  SalesforceFieldDescribe,
  SalesforceFieldType,
  SalesforceObjectDescribe,
  SalesforceSchema,
} from './salesforce/salesforceSchema';
export type { SeededEntity } from './salesforce/seedSalesforceRecords';
export type { SoqlResultSet } from './salesforce/soql/executeSoql';
export type { JsonQueryResult, JsonRecord } from './salesforce/soql/queryContext';
export * from './zoho/index';
