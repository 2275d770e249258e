export { createGatewayDataSource, createZohoDataSource, createZohoSdkDataSource } from './zohoDataSource';
export type { ZohoDataSource, ZohoDataSourceOptions, ZohoRestDataSource, ZohoSdkDataSourceOptions } from './zohoDataSource';
export {
  accountsServerOf,
  apiDomainOf,
  crmUrl,
  dataCentreOfApiDomain,
  globalAccountsServer,
  parseZohoConnection,
  zohoConnectionSchema,
  zohoDataCentres,
} from './dataCentres';
export type { ZohoConnection, ZohoConnectionInput, ZohoDataCentre } from './dataCentres';
export { zohoDefaultMapping } from './defaultMapping';
export type { ZohoMapping, ZohoMappingKey } from './defaultMapping';
export { parseZohoMappingFile, zohoMappingFileSchema } from './mappingFile';
export type { ZohoMappingFile } from './mappingFile';
export { classifyZohoResponse, crmErrorOfZoho, isZohoRefreshable, zohoErrorFrom, zohoScopes } from './zohoError';
export { COQL_CONCURRENCY, zohoConcurrencyByEdition, zohoTransport } from './zohoTransport';
export type { ZohoEdition, ZohoTransportOptions } from './zohoTransport';
export { createRestGateway, MAX_FIELDS_PER_CALL, PAGE_REACH, RECORDS_PER_PAGE } from './restGateway';
export type { CoqlPage, RecordPage, RecordPageRequest, WriteOutcome, WriteRequest, ZohoFieldMeta, ZohoGateway, ZohoRecord } from './gateway';
export { aggregateKey, coqlField, coqlLimits, coqlLiteral, coqlSelect, coqlString, coqlWhere } from './coql/coqlText';
export type { CoqlAggregate, CoqlCondition, CoqlLiteral, CoqlSelect } from './coql/coqlText';
export { coqlAll, coqlPages, fieldChunks, readAllRecords, recordPages } from './records/readRecords';
export { flattenRecord } from './records/flattenRecord';
export { aggregateTotalsOf, runAggregatePlan } from './pushdown/runAggregatePlan';
export type { PushdownContext } from './pushdown/runAggregatePlan';
export { compileAggregateCoql, NotPushable } from './pushdown/compileAggregateCoql';
export { breakdownFieldsOf, canonicalBreakdownValue, coqlFieldOf, FEEDBACK_PERIOD_FIELD, sourceLayouts, zohoBatchGroups, zohoBreakdownFields, zohoPeriodFields } from './pushdown/planFields';
export type { BreakdownKind } from './pushdown/planFields';
export { ACTION_KEY_FIELD, actionLedgerRecord, actionTaskRecord, LEDGER_KEY_FIELD } from './writes/actionTask';
export { WRITE_MAX_RECORDS, writeActionTasks } from './writes/writeActionTasks';
export { accountLookupOf, readAccountContext, touchpointConditions } from './view/accountView';
export { readPartsInRounds } from './view/readParts';
export type { PartRead, RoundStats } from './view/readParts';
export { exchangeZohoCode, parseAuthorizationRedirect, refreshZohoAccessToken, zohoAuthorizationUrl } from './auth/oauthFlow';
export type { AuthorizationRedirect, ZohoClient, ZohoRefreshGrant } from './auth/oauthFlow';
export { readTokenResponse } from './auth/tokenResponse';
export type { ZohoTokens } from './auth/tokenResponse';
export { createZohoTokenSource, MAX_REFRESHES_PER_WINDOW, REFRESH_WINDOW_MS } from './auth/zohoTokenSource';
export type { ZohoTokenSource, ZohoTokenSourceOptions } from './auth/zohoTokenSource';
export { createSdkGateway } from './sdk/sdkGateway';
export type { SdkGatewayOptions } from './sdk/sdkGateway';
export { parsePageLoad } from './sdk/pageLoad';
export type { PageContext } from './sdk/pageLoad';
export type { ZohoSdk, ZohoSdkCrmApi, ZohoSdkConfig, ZohoSdkEmbeddedApp } from './sdk/zohoSdkTypes';
export { assertZohoId, isZohoId } from './zohoIds';
