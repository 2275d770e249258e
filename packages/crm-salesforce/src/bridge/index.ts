export { createLwcBridgeDataSource } from './lwcBridgeDataSource';
export type { LwcBridgeDataSource, LwcBridgeDataSourceOptions } from './lwcBridgeDataSource';
export { createApexGatewayTransport } from './apexGatewayTransport';
export type { ApexGateway, ApexGatewayTransport, GatewayCallOptions } from './apexGatewayTransport';
export { apexErrorToCrmError, crmCodeOfDmlStatus, refusalError } from './apexErrors';
export {
  GATEWAY_CONTRACT_VERSION,
  GATEWAY_LIMITS,
  gatewayAccountScopeSchema,
  gatewayAggregateQuerySchema,
  gatewayConditionSchema,
  gatewayCurrentUserQuerySchema,
  gatewayFieldPathSchema,
  gatewayPathConditionSchema,
  gatewayQuerySchema,
  gatewayRecordQuerySchema,
  gatewayValueSchema,
  gatewayWindowSchema,
  readPlanSchema,
  writePlanSchema,
} from './gatewayContract';
export type {
  GatewayAccountScope,
  GatewayAggregateQuery,
  GatewayCondition,
  GatewayCurrentUserQuery,
  GatewayQuery,
  GatewayRecordQuery,
  GatewayScalar,
  GatewayValue,
  GatewayWindow,
  ReadPlan,
  WritePlan,
} from './gatewayContract';
export {
  gatewayAggregateRowSchema,
  gatewayErrorCodes,
  gatewayPartSchema,
  gatewayRecordSchema,
  readResultSchema,
  upsertOutcomeSchema,
  writeResultSchema,
} from './gatewayResults';
export type { GatewayPart, GatewayRecord, ReadAnswers, ReadResult, UpsertOutcome, WriteAnswers, WriteResult } from './gatewayResults';
export {
  ACCOUNT_CHILD_RELATIONSHIPS,
  ACTION_TASK_WRITE_FIELDS,
  assertPlanAllowed,
  gatewayAllowlistOf,
  planViolations,
} from './gatewayAllowlist';
export type { GatewayAllowlist, GatewayObjectAllowlist } from './gatewayAllowlist';
export { actionTaskRecord } from './actionTaskWrites';
export type { ActionTaskOutcome, ActionTaskRecord } from './actionTaskWrites';
export { compileGatewayAggregate } from './aggregateQueries';
export type { CompiledGatewayAggregate } from './aggregateQueries';
export { createReferenceGateway } from './referenceGateway';
export type { GatewayUser, ReferenceGatewayOptions } from './referenceGateway';
export { gatewayUserSchema } from './gatewayCurrentUser';
export { datasetPartQuery } from './readGatewayDataset';
