export { compileAggregateSoql, NotPushable } from './compileAggregateSoql';
export type { CompiledAggregate } from './compileAggregateSoql';
export { relationshipOf, soqlFieldOf, sourceLayouts } from './planFields';
export type { SourceLayout } from './planFields';
export { aggregateTotalsOf, AGGREGATE_ROW_LIMIT, runAggregatePlan } from './runAggregatePlan';
export type { PushdownContext, PushdownResult } from './runAggregatePlan';
