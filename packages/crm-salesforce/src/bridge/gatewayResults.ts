import { z } from 'zod';
import { GATEWAY_CONTRACT_VERSION, gatewayNameSchema } from './gatewayContract';

/**
 * What the Apex gateway answers, as zod schemas. Records are plain JSON built by Apex: field
 * values by API name, a parent relationship as a nested record (or null), a child relationship
 * as an array of records. `attributes` (from `JSON.serialize` of an SObject) is tolerated and
 * ignored, as is the `{ totalSize, done, records }` form of a child result.
 */
export interface GatewayRecord {
  readonly [field: string]: GatewayFieldValue;
}
export type GatewayFieldValue = string | number | boolean | null | GatewayRecord | readonly GatewayRecord[];

export const gatewayRecordSchema: z.ZodType<GatewayRecord> = z.lazy(() =>
  z.record(
    z.string().min(1),
    z.union([z.string(), z.number(), z.boolean(), z.null(), gatewayRecordSchema, z.array(gatewayRecordSchema)]),
  ),
);

/** An aggregate row: one scalar per grouping and measure alias. */
export const gatewayAggregateRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type GatewayAggregateRow = z.infer<typeof gatewayAggregateRowSchema>;

/**
 * Why a query (or a whole plan) was refused. Apex classifies; the bridge maps these onto
 * CrmError codes (see apexErrors.ts). Unknown codes are kept and become UNKNOWN.
 */
export const gatewayErrorCodes = [
  /** The object does not exist in the org or the user cannot see it. */
  'INVALID_TYPE',
  /** A field does not exist or field-level security hides it. */
  'INVALID_FIELD',
  /** The user may not read (or write) the object or field (USER_MODE). */
  'PERMISSION_DENIED',
  /** Not in the gateway's allowlist: the deployed Apex does not know this object or field. */
  'NOT_ALLOWED',
  /** The result would be larger than `maxRowsPerQuery` (or the row budget of one call): narrow or split it. */
  'TOO_MANY_ROWS',
  /** Not run: earlier queries of this call spent its query-row budget. Send it again in another call. */
  'ROW_BUDGET_EXCEEDED',
  /** Salesforce refused the query for another reason. */
  'INVALID_QUERY',
  /** The plan itself is not valid (plan-level only). */
  'INVALID_PLAN',
] as const;
const errorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,79}$/, 'must be an error code');

const refusalSchema = z.strictObject({ ok: z.literal(false), errorCode: errorCodeSchema, message: z.string().max(32_000) });
export type GatewayRefusal = z.infer<typeof refusalSchema>;

export const gatewayPartSchema = z.union([
  z.strictObject({ ok: z.literal(true), records: z.array(gatewayRecordSchema), done: z.literal(true) }),
  refusalSchema,
]);
export type GatewayPart = z.infer<typeof gatewayPartSchema>;

/** The answer of `KizunaGateway.read`: one part per query name, or the whole plan refused. */
export const readResultSchema = z.union([
  z.strictObject({ version: z.literal(GATEWAY_CONTRACT_VERSION), ok: z.literal(true), results: z.record(gatewayNameSchema, gatewayPartSchema) }),
  refusalSchema.extend({ version: z.literal(GATEWAY_CONTRACT_VERSION) }),
]);
export type ReadResult = z.infer<typeof readResultSchema>;
export type ReadAnswers = Extract<ReadResult, { ok: true }>;

/** One record of an upsert: saved (created or updated) or refused with Salesforce's status code. */
export const upsertOutcomeSchema = z.union([
  z.strictObject({ key: z.string(), ok: z.literal(true), id: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/), created: z.boolean() }),
  z.strictObject({
    key: z.string(),
    ok: z.literal(false),
    errorCode: errorCodeSchema,
    message: z.string().max(32_000),
    fields: z.array(z.string()).optional(),
  }),
]);
export type UpsertOutcome = z.infer<typeof upsertOutcomeSchema>;

/** The answer of `KizunaGateway.write`: one outcome per record (allOrNone false), or the plan refused. */
export const writeResultSchema = z.union([
  z.strictObject({ version: z.literal(GATEWAY_CONTRACT_VERSION), ok: z.literal(true), results: z.array(upsertOutcomeSchema) }),
  refusalSchema.extend({ version: z.literal(GATEWAY_CONTRACT_VERSION) }),
]);
export type WriteResult = z.infer<typeof writeResultSchema>;
export type WriteAnswers = Extract<WriteResult, { ok: true }>;
