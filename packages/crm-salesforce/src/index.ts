export { createSalesforceDataSource } from './salesforceDataSource';
export type {
  SalesforceDataSource,
  SalesforceDataSourceOptions,
} from './salesforceDataSource';
export { parseSalesforceConnection, salesforceConnectionSchema } from './connection';
export { bcp47FromSalesforceLocale, crmUserOf, readCurrentUser, salesforceUserInfoSchema } from './currentUser';
export type { SalesforceUserInfo } from './currentUser';
export { readDatasetOverRest } from './dataset/readDataset';
export type { RestDatasetContext } from './dataset/readDataset';
export { structureOfRecords } from './dataset/assembleDataset';
export type { DatasetStructure } from './dataset/assembleDataset';
export type { SalesforceConnection, SalesforceConnectionInput } from './connection';
export { salesforceDefaultMapping } from './defaultMapping';
export type { SalesforceMapping } from './defaultMapping';
export { queryAll, queryPages } from './restQuery';
export type { QueryOptions, SalesforceRecord } from './restQuery';
export { salesforceErrorFrom } from './salesforceError';
export { assertSalesforceId, isSalesforceId, selectQuery, soqlStringLiteral } from './soql';
export type { EqualsCondition, SelectSpec } from './soql';
export * from './pushdown/index';
export * from './auth/index';
export { ACTION_KEY_FIELD, actionTaskFields } from './writes/actionTask';
export { COLLECTION_MAX_RECORDS, upsertActionTask, upsertActionTasks } from './writes/upsertActionTasks';
export { parseSalesforceMappingFile, salesforceMappingFileSchema } from './mappingFile';
export type { SalesforceMappingFile } from './mappingFile';
export * from './query/index';
export * from './surveys/index';
export type { FeedbackSource } from './composite/readAccountContext';
export * from './bridge/index';
