export { compileAggregateSoql, NotPushable } from './compileAggregateSoql';
export type { CompiledAggregate } from './compileAggregateSoql';
export { breakdownFieldsOf, canonicalBreakdownValue, relationshipOf, salesforceBreakdownFields, soqlFieldOf, sourceLayouts } from './planFields';
export type { BreakdownField, BreakdownKind, SourceLayout } from './planFields';
export { aggregateTotalsOf, AGGREGATE_ROW_LIMIT, runAggregatePlan } from './runAggregatePlan';
export type { PushdownContext, PushdownResult } from './runAggregatePlan';
