export { keyDriverAnalysis } from './keyDriverAnalysis';
export type { DriverImportance, KeyDriverOptions, KeyDriverResult } from './keyDriverAnalysis';
export type { DriverRow } from './prepareDriverData';
export { driverRowsFromFeedback } from './driverRowsFromFeedback';
export { relativeWeightsFromCorrelation } from './relativeWeightsFromCorrelation';
export type { RelativeWeights } from './relativeWeightsFromCorrelation';
export { driverPerformance, importancePerformance } from './importancePerformance';
export type {
  DriverQuadrant,
  ImportancePerformanceGrid,
  ImportancePerformanceOptions,
  ImportancePerformancePoint,
  PerformanceMeasure,
} from './importancePerformance';
export type { DriverWarning, DriverWarningCode, KeyDriverWarning } from './driverWarnings';
