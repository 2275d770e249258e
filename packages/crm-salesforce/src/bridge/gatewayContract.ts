import { crmIdentifierSchema } from '@kizuna/crm-core';
import { z } from 'zod';

/**
 * The plans the LWC bridge sends to the Apex gateway (`KizunaGateway.read` / `.write`), as
 * zod schemas. Identifiers are API names only; values are typed JSON that Apex binds as
 * variables (`Database.queryWithBinds`), never text it pastes into SOQL. The contract is
 * documented, with the Apex side, in docs/crm/apex-gateway-contract.md.
 */
export const GATEWAY_CONTRACT_VERSION = 1 as const;

/** What one plan may ask for. Apex enforces the same numbers; the bridge never sends more. */
export const GATEWAY_LIMITS = {
  maxQueriesPerPlan: 10,
  maxFieldsPerQuery: 100,
  maxChildrenPerQuery: 5,
  maxConditionsPerQuery: 20,
  maxInValues: 1000,
  maxOrderBy: 3,
  maxGroupBy: 6,
  maxMeasures: 10,
  /** Rows (records or groups) one query may return; a larger result is refused, never cut. */
  maxRowsPerQuery: 2000,
  maxStringValueLength: 4000,
  maxUpsertRecords: 200,
  /** Fields of one window (a time coalesced over several fields, e.g. completion, else due date). */
  maxWindowFields: 3,
  /** Business units of one account scope. */
  maxScopeBusinessUnits: 100,
} as const;

const segment = '[A-Za-z][A-Za-z0-9_]{0,79}';
/** A field of the queried object, or a path through parent relationships (`Account__r.Kizuna_Segment__c`). */
export const gatewayFieldPathSchema = z
  .string()
  .regex(new RegExp(`^${segment}(?:\\.${segment}){0,4}$`), 'must be an API name or a relationship path of API names');
/** Query names and result aliases: short identifiers. */
export const gatewayNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be a short identifier');

/** A value Apex binds: JSON scalars, with dates and datetimes tagged so Apex can type the bind. */
export const gatewayScalarSchema = z.union([
  z.string().max(GATEWAY_LIMITS.maxStringValueLength),
  z.number().finite(),
  z.boolean(),
  z.strictObject({ date: z.iso.date() }),
  z.strictObject({ dateTime: z.iso.datetime() }),
]);
export const gatewayValueSchema = z.union([gatewayScalarSchema, z.null()]);
export type GatewayScalar = z.infer<typeof gatewayScalarSchema>;
export type GatewayValue = z.infer<typeof gatewayValueSchema>;

function conditionSchema<TField extends z.ZodType<string>>(field: TField) {
  return z.union([
    z.strictObject({ field, op: z.enum(['eq', 'neq']), value: gatewayValueSchema }),
    z.strictObject({ field, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: gatewayScalarSchema }),
    z.strictObject({ field, op: z.literal('in'), values: z.array(gatewayScalarSchema).min(1).max(GATEWAY_LIMITS.maxInValues) }),
    z.strictObject({ field, op: z.enum(['isNull', 'notNull']) }),
  ]);
}
/** Conditions on the queried object's own fields (record queries). */
export const gatewayConditionSchema = conditionSchema(crmIdentifierSchema);
/** Conditions that may reach parent fields (aggregate queries filter on the account's attributes). */
export const gatewayPathConditionSchema = conditionSchema(gatewayFieldPathSchema);
export type GatewayCondition = z.infer<typeof gatewayPathConditionSchema>;

const orderBySchema = z
  .array(z.strictObject({ field: crmIdentifierSchema, direction: z.enum(['ASC', 'DESC']) }))
  .min(1)
  .max(GATEWAY_LIMITS.maxOrderBy);
const limitSchema = z.number().int().min(1).max(GATEWAY_LIMITS.maxRowsPerQuery);
const fieldListSchema = z
  .array(crmIdentifierSchema)
  .min(1)
  .max(GATEWAY_LIMITS.maxFieldsPerQuery)
  .refine((fields) => new Set(fields).size === fields.length, 'must not repeat a field');
const whereSchema = <T extends z.ZodType>(condition: T) => z.array(condition).max(GATEWAY_LIMITS.maxConditionsPerQuery);

/** A parent-to-child subquery (`(SELECT … FROM Contacts …)`); returned as an array on each record. */
export const gatewayChildQuerySchema = z.strictObject({
  relationship: crmIdentifierSchema,
  fields: fieldListSchema,
  where: whereSchema(gatewayConditionSchema).optional(),
  orderBy: orderBySchema.optional(),
  limit: limitSchema.optional(),
});

/**
 * A time window on a fact: a row is in it when the first of `fields` that is not null lies in
 * `[from, to)`. Apex binds each field by its type: a DATETIME field the instants, a DATE field
 * their UTC dates. `(f1 >= :from AND f1 < :to) OR (f1 = null AND f2 >= :from AND f2 < :to) …`
 */
export const gatewayWindowSchema = z
  .strictObject({
    fields: z.array(crmIdentifierSchema).min(1).max(GATEWAY_LIMITS.maxWindowFields),
    from: z.strictObject({ dateTime: z.iso.datetime() }),
    to: z.strictObject({ dateTime: z.iso.datetime() }),
  })
  .refine((window) => Date.parse(window.from.dateTime) < Date.parse(window.to.dateTime), 'from must come before to');

/**
 * Rows of Accounts only, optionally of some business units: `field IN (SELECT Id FROM Account
 * [WHERE businessUnitField IN :businessUnits])`. `field` is the object's own lookup (`AccountId`,
 * `Account__c`, or a polymorphic `WhatId`, which this restricts to Accounts).
 */
export const gatewayAccountScopeSchema = z
  .strictObject({
    field: crmIdentifierSchema,
    businessUnitField: crmIdentifierSchema.optional(),
    businessUnits: z.array(z.string().min(1).max(255)).min(1).max(GATEWAY_LIMITS.maxScopeBusinessUnits).optional(),
  })
  .refine((scope) => scope.businessUnits === undefined || scope.businessUnitField !== undefined, 'businessUnits need a businessUnitField');

/** Records of one object, optionally with child records of standard child relationships. */
export const gatewayRecordQuerySchema = z.strictObject({
  kind: z.literal('records'),
  object: crmIdentifierSchema,
  fields: fieldListSchema,
  where: whereSchema(gatewayConditionSchema),
  /** Portfolio reads: the window on the object's time field(s), ANDed with `where`. */
  window: gatewayWindowSchema.optional(),
  /** Portfolio reads: Account rows (of some business units) only, ANDed with `where`. */
  accountScope: gatewayAccountScopeSchema.optional(),
  children: z.array(gatewayChildQuerySchema).max(GATEWAY_LIMITS.maxChildrenPerQuery).optional(),
  orderBy: orderBySchema.optional(),
  /** At most this many rows; without it the gateway refuses a result past `maxRowsPerQuery`. */
  limit: limitSchema.optional(),
});

/**
 * The running user, from Apex `UserInfo`: answered as one record
 * `{ id, name, email, locale, language, timeZone }` (`locale`/`language` Salesforce keys such as
 * `ja_JP`, `timeZone` an IANA zone).
 */
export const gatewayCurrentUserQuerySchema = z.strictObject({ kind: z.literal('currentUser') });

const groupingSchema = z.union([
  z.strictObject({ field: gatewayFieldPathSchema, alias: gatewayNameSchema }),
  z.strictObject({ fn: z.enum(['CALENDAR_YEAR', 'CALENDAR_QUARTER']), field: gatewayFieldPathSchema, alias: gatewayNameSchema }),
]);
const measureSchema = z.strictObject({
  op: z.enum(['COUNT', 'SUM', 'MIN', 'MAX']),
  /** Without a field, COUNT counts rows (`COUNT(Id)`); SUM, MIN and MAX need one. */
  field: gatewayFieldPathSchema.optional(),
  alias: gatewayNameSchema,
});

/** `SELECT <groupings>, <measures> FROM object WHERE … GROUP BY <groupings>`: one row per group, keyed by alias. */
export const gatewayAggregateQuerySchema = z
  .strictObject({
    kind: z.literal('aggregate'),
    object: crmIdentifierSchema,
    groupBy: z.array(groupingSchema).max(GATEWAY_LIMITS.maxGroupBy),
    measures: z.array(measureSchema).min(1).max(GATEWAY_LIMITS.maxMeasures),
    where: whereSchema(gatewayPathConditionSchema),
  })
  .refine((query) => query.measures.every((measure) => measure.op === 'COUNT' || measure.field !== undefined), 'SUM, MIN and MAX need a field')
  .refine((query) => {
    const aliases = [...query.groupBy, ...query.measures].map((item) => item.alias.toLowerCase());
    return new Set(aliases).size === aliases.length;
  }, 'aliases must be unique');

export const gatewayQuerySchema = z.union([gatewayRecordQuerySchema, gatewayAggregateQuerySchema, gatewayCurrentUserQuerySchema]);
export type GatewayRecordQuery = z.infer<typeof gatewayRecordQuerySchema>;
export type GatewayCurrentUserQuery = z.infer<typeof gatewayCurrentUserQuerySchema>;
export type GatewayWindow = z.infer<typeof gatewayWindowSchema>;
export type GatewayAccountScope = z.infer<typeof gatewayAccountScopeSchema>;
export type GatewayAggregateQuery = z.infer<typeof gatewayAggregateQuerySchema>;
export type GatewayQuery = z.infer<typeof gatewayQuerySchema>;

/** What `KizunaGateway.read` takes (as JSON text): named queries, each answered on its own. */
export const readPlanSchema = z.strictObject({
  version: z.literal(GATEWAY_CONTRACT_VERSION),
  /**
   * Ignored by Apex. The plan text is the key of the client-side cache of a cacheable Apex
   * method, so the bridge raises this after a write to read past cached answers.
   */
  revision: z.number().int().min(0).optional(),
  queries: z
    .record(gatewayNameSchema, gatewayQuerySchema)
    .refine((queries) => Object.keys(queries).length >= 1 && Object.keys(queries).length <= GATEWAY_LIMITS.maxQueriesPerPlan, {
      message: `a plan has 1 to ${GATEWAY_LIMITS.maxQueriesPerPlan} queries`,
    }),
});
export type ReadPlan = z.infer<typeof readPlanSchema>;

const upsertRecordSchema = z.strictObject({
  /** The external id value: which record this is, whether it exists yet or not. */
  key: z.string().min(1).max(255),
  fields: z.record(crmIdentifierSchema, gatewayValueSchema),
});

/** What `KizunaGateway.write` takes (as JSON text): upserts by an external id field. */
export const writePlanSchema = z
  .strictObject({
    version: z.literal(GATEWAY_CONTRACT_VERSION),
    upserts: z
      .array(
        z.strictObject({
          /** Only Task: Apex needs a concrete `List<Task>` to upsert by an external id. */
          object: z.literal('Task'),
          externalIdField: crmIdentifierSchema,
          records: z.array(upsertRecordSchema).min(1).max(GATEWAY_LIMITS.maxUpsertRecords),
        }),
      )
      .length(1),
  })
  .refine((plan) => {
    const keys = plan.upserts.flatMap((upsert) => upsert.records.map((record) => record.key));
    return new Set(keys).size === keys.length;
  }, 'keys must be unique within a plan')
  .refine(
    (plan) =>
      plan.upserts.every((upsert) =>
        upsert.records.every((record) => !Object.keys(record.fields).some((field) => ['id', upsert.externalIdField.toLowerCase()].includes(field.toLowerCase()))),
      ),
    'fields must not set Id or the external id field (the key does)',
  );
export type WritePlan = z.infer<typeof writePlanSchema>;
