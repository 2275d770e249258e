export { aggregateQuery } from './aggregateQuery';
export type { AggregateRow, AggregateValue, RollupGrouping, RollupLevel } from './aggregateQuery';
export { childRecords } from './childRecords';
export { countQuery } from './countQuery';
export { polymorphicRef } from './polymorphicRef';
export type { PolymorphicRef } from './polymorphicRef';
export type { ChildPaging, SingleBatchOptions } from './readerContext';
export { readRecords } from './readRecords';
export { dateTimeValue, dateValue } from './temporalValues';
