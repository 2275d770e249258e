export { createDatasetDataSource } from './createDatasetDataSource';
export type { DatasetDataSourceOptions } from './createDatasetDataSource';
export { DataSourceError, dataSourceErrorCodes } from './dataSourceError';
export type { DataSourceErrorCode } from './dataSourceError';
export { datasetInScope, MAX_SCOPE_BUSINESS_UNITS, periodStart, resolveScope } from './datasetScope';
export type { ResolvedScope } from './datasetScope';
