export { classifyNps, countNps, npsAdjustedWaldInterval, npsFromCounts, npsVariance } from './nps';
export type { Interval, NpsCategory, NpsCounts, NpsOptions, NpsResult } from './nps';
export { accountNps } from './accountNps';
export type { AccountNpsResult, TrailingWindow } from './accountNps';
export { criticalZ } from './normalQuantile';
export type { KpiWarning, KpiWarningCode } from './warnings';
export * from './kpi/index';
export * from './stats/index';
