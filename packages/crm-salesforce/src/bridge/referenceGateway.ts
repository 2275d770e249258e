import type { z } from 'zod';
import type { ApexGateway } from './apexGatewayTransport';
import {
  GATEWAY_CONTRACT_VERSION,
  GATEWAY_LIMITS,
  readPlanSchema,
  writePlanSchema,
  type GatewayQuery,
  type GatewayValue,
  type WritePlan,
} from './gatewayContract';
import { planViolations, type GatewayAllowlist } from './gatewayAllowlist';
import type { GatewayFieldValue, GatewayPart, GatewayRecord, UpsertOutcome } from './gatewayResults';
import { aggregateQuerySoql, recordQuerySoql, type FieldTypeOf } from './referenceGatewaySoql';

/**
 * What the reference gateway runs on: SOQL as the user (whole results) and single-record
 * upserts by external id, failing with errors that carry Salesforce's `errorCode` and `message`
 * — e.g. the simulator's `org.query` and `org.sobjects.upsert`.
 */
export interface ReferenceGatewayOptions {
  readonly query: (soql: string) => { readonly records: readonly Readonly<Record<string, unknown>>[] };
  readonly upsert?: (object: string, externalIdField: string, key: string, fields: Readonly<Record<string, unknown>>) => { readonly id: string; readonly created: boolean };
  /** What this gateway allows, as the deployed Apex would (derived from the mapping). */
  readonly allowlist: GatewayAllowlist;
  /** Rows one query may return (default `GATEWAY_LIMITS.maxRowsPerQuery`). */
  readonly maxRowsPerQuery?: number;
  /** A field's type as describe gives it (`date`, `datetime` …): how a window binds its values. */
  readonly fieldType?: FieldTypeOf;
  /** The running user, as Apex `UserInfo` reports it (the `currentUser` query). */
  readonly currentUser?: () => GatewayUser;
}

/** The running user as the `currentUser` query answers it (Apex `UserInfo`). */
export interface GatewayUser {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly locale: string;
  readonly language: string;
  readonly timeZone: string;
}

interface ApiFailure {
  readonly errorCode: string;
  readonly message: string;
  readonly fields?: readonly string[];
}

function isApiFailure(error: unknown): error is ApiFailure {
  return typeof error === 'object' && error !== null && typeof (error as { errorCode?: unknown }).errorCode === 'string' && error instanceof Error;
}

/** Salesforce's query error codes as the gateway's part codes (gatewayResults.ts). */
function partCodeOf(errorCode: string): string {
  if (errorCode === 'INVALID_TYPE' || errorCode === 'INVALID_FIELD') return errorCode;
  if (errorCode.startsWith('INSUFFICIENT_ACCESS')) return 'PERMISSION_DENIED';
  return 'INVALID_QUERY';
}

/** A REST record as Apex-built JSON: no `attributes`, child results as arrays, datetimes with `Z`. */
function apexShaped(value: unknown): GatewayFieldValue {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+\+0000$/.test(value)) return new Date(value.replace('+0000', 'Z')).toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => apexRecord(item));
  const object = value as Readonly<Record<string, unknown>>;
  if (Array.isArray(object['records']) && 'done' in object) return object['records'].map((item) => apexRecord(item));
  return apexRecord(object);
}

function apexRecord(record: unknown): GatewayRecord {
  const out: Record<string, GatewayFieldValue> = {};
  for (const [key, value] of Object.entries(record as Readonly<Record<string, unknown>>)) if (key !== 'attributes') out[key] = apexShaped(value);
  return out;
}

function refusal(errorCode: string, message: string) {
  return { version: GATEWAY_CONTRACT_VERSION, ok: false as const, errorCode, message };
}

function parsePlan<T>(schema: z.ZodType<T>, planJson: string): { plan: T } | { error: string } {
  try {
    const parsed = schema.safeParse(JSON.parse(planJson) as unknown);
    return parsed.success ? { plan: parsed.data } : { error: parsed.error.message };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function runQuery(options: ReferenceGatewayOptions, query: GatewayQuery): GatewayPart {
  const maxRows = options.maxRowsPerQuery ?? GATEWAY_LIMITS.maxRowsPerQuery;
  const problems = planViolations({ version: GATEWAY_CONTRACT_VERSION, queries: { q: query } }, options.allowlist);
  if (problems.length > 0) return { ok: false, errorCode: 'NOT_ALLOWED', message: problems.join('; ') };
  if (query.kind === 'currentUser') {
    const user = options.currentUser?.();
    return user === undefined ? { ok: false, errorCode: 'INVALID_QUERY', message: 'This gateway knows no user.' } : { ok: true, records: [{ ...user }], done: true };
  }
  const notTimes = query.kind === 'records' ? (query.window?.fields ?? []).filter((field) => !['date', 'datetime', undefined].includes(options.fieldType?.(query.object, field))) : [];
  if (notTimes.length > 0) return { ok: false, errorCode: 'INVALID_FIELD', message: `${notTimes.join(', ')} of ${query.object} is not a date or datetime field` };
  try {
    const soql = query.kind === 'records' ? recordQuerySoql(query, maxRows + 1, options.fieldType) : aggregateQuerySoql(query);
    const { records } = options.query(soql);
    const limited = query.kind === 'records' && query.limit !== undefined;
    if (!limited && records.length > maxRows) return { ok: false, errorCode: 'TOO_MANY_ROWS', message: `More than ${maxRows} rows: narrow the query or split it.` };
    const children = query.kind === 'records' ? (query.children ?? []).map((child) => child.relationship) : [];
    const withChildLists = (record: GatewayRecord): GatewayRecord => Object.assign({}, record, ...children.map((name) => ({ [name]: record[name] ?? [] })));
    return { ok: true, records: records.map((record) => withChildLists(apexRecord(record))), done: true };
  } catch (error) {
    if (!isApiFailure(error)) throw error;
    return { ok: false, errorCode: partCodeOf(error.errorCode), message: error.message };
  }
}

/** Typed plan values as the plain JSON a REST-like write takes (dates as `YYYY-MM-DD`, datetimes ISO). */
function plainValue(value: GatewayValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  return 'date' in value ? value.date : value.dateTime;
}

function upsertAll(options: ReferenceGatewayOptions, plan: WritePlan): UpsertOutcome[] {
  const upsert = options.upsert;
  if (upsert === undefined) throw new Error('This reference gateway has no upsert.');
  return plan.upserts.flatMap(({ object, externalIdField, records }) =>
    records.map((record): UpsertOutcome => {
      const fields = Object.fromEntries(Object.entries(record.fields).map(([field, value]) => [field, plainValue(value)]));
      try {
        return { key: record.key, ok: true, ...upsert(object, externalIdField, record.key, fields) };
      } catch (error) {
        if (!isApiFailure(error)) throw error;
        return { key: record.key, ok: false, errorCode: error.errorCode, message: error.message, ...(error.fields === undefined ? {} : { fields: [...error.fields] }) };
      }
    }),
  );
}

/**
 * The gateway contract implemented in TypeScript over a SOQL runner: what the Apex gateway does,
 * for tests and for running the bridge against the simulator. It answers as the Apex should —
 * JSON text; refused plans and queries as values, never as exceptions; each query on its own.
 */
export function createReferenceGateway(options: ReferenceGatewayOptions): ApexGateway {
  return {
    read: (planJson) => {
      const parsed = parsePlan(readPlanSchema, planJson);
      if ('error' in parsed) return Promise.resolve(JSON.stringify(refusal('INVALID_PLAN', parsed.error)));
      const results = Object.fromEntries(Object.entries(parsed.plan.queries).map(([name, query]) => [name, runQuery(options, query)]));
      return Promise.resolve(JSON.stringify({ version: GATEWAY_CONTRACT_VERSION, ok: true, results }));
    },
    write: (planJson) => {
      const parsed = parsePlan(writePlanSchema, planJson);
      if ('error' in parsed) return Promise.resolve(JSON.stringify(refusal('INVALID_PLAN', parsed.error)));
      const problems = planViolations(parsed.plan, options.allowlist);
      if (problems.length > 0) return Promise.resolve(JSON.stringify(refusal('NOT_ALLOWED', problems.join('; '))));
      return Promise.resolve(JSON.stringify({ version: GATEWAY_CONTRACT_VERSION, ok: true, results: upsertAll(options, parsed.plan) }));
    },
  };
}
