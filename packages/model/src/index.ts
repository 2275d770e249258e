export * from './vocabulary';
export {
  currencySchema,
  dateSchema,
  dateTimeSchema,
  idSchema,
  periodSchema,
} from './primitives';
export { businessUnitSchema, productLineSchema, segmentSchema, teamSchema } from './organisation';
export type { BusinessUnit, ProductLine, Segment, Team } from './organisation';
export { accountSchema, contactSchema } from './account';
export type { Account, Contact } from './account';
export { touchpointSchema } from './touchpoint';
export type { Touchpoint } from './touchpoint';
export { feedbackSchema, feedbackScales, followUpSchema } from './feedback';
export type { Feedback, FeedbackScale, FollowUp } from './feedback';
export { supportCaseSchema } from './supportCase';
export type { SupportCase } from './supportCase';
export { opportunitySchema } from './opportunity';
export type { Opportunity } from './opportunity';
export { employeePulseSchema } from './employeePulse';
export type { EmployeePulse } from './employeePulse';
export { actionSchema } from './action';
export type { Action } from './action';
export { datasetKeys, emptyDataset, entityLabels, entityNames, entitySchemas } from './entities';
export type { CanonicalDataset, EntityName, EntityOf } from './entities';
export { assertEntity, formatIssue, ModelValidationError, parseEntity } from './validate';
export { issueMessage } from './issueMessage';
export type { ParseResult, ValidationIssue } from './validate';
export type {
  AccountContext,
  AccountSummary,
  ActionWriteResult,
  AggregatePlanResult,
  CrmUser,
  CxDataSource,
  DatasetRead,
  DatasetScope,
  ReadOptions,
  RejectedRecord,
  UnavailablePart,
} from './dataSource';
export { dimensions, groupKeyOf, joinQueryTotals } from './aggregatePlan';
export type {
  AggregatePlan,
  AggregateQuery,
  Dimension,
  FactSource,
  GroupTotals,
  PlanCondition,
  PlanMeasure,
  PlanValue,
} from './aggregatePlan';
