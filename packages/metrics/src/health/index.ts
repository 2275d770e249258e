export { accountHealth } from './accountHealth';
export type { AccountHealth, AccountHealthOptions, HealthTrend, TrendDirection } from './accountHealth';
export { healthSnapshot } from './healthSnapshot';
export type { ExcludedMeasure, HealthSnapshot, MeasureContribution } from './healthSnapshot';
export { healthBand } from './healthBand';
export type { HealthBand } from './healthBand';
export type { HealthWarning, HealthWarningCode } from './healthWarnings';
export { assertScorecardConfig, measureDefinitionSchema, parseScorecardConfig, scorecardConfigSchema } from './scorecardConfig';
export type {
  HealthBands,
  MeasureDefinition,
  MeasureId,
  ScorecardConfig,
  ScorecardConfigInput,
  ThresholdPoint,
} from './scorecardConfig';
export { defaultScorecardConfig, defaultScorecardInput } from './defaultScorecard';
export { thresholdScore } from './thresholdScore';
export { readMeasure } from './readMeasure';
export type { MeasureReading } from './measureReading';
export { nextRenewal } from './nextRenewal';
export type { NextRenewal } from './nextRenewal';
export { ConfigError, configIssuesOf, parseWithSchema } from './configIssues';
export type { ConfigIssue, ConfigParseResult } from './configIssues';
