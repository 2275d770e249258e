import { CrmError, type CallStats } from '@kizuna/crm-core';
import type { z } from 'zod';
import { apexErrorToCrmError, refusalError } from './apexErrors';
import { readPlanSchema, writePlanSchema, type ReadPlan, type WritePlan } from './gatewayContract';
import {
  gatewayAggregateRowSchema,
  readResultSchema,
  writeResultSchema,
  type ReadAnswers,
  type WriteAnswers,
} from './gatewayResults';

/**
 * The two Apex methods as the LWC hands them to the bundle: plain async functions taking the
 * plan as JSON text. In the LWC:
 * `{ read: (planJson) => read({ planJson }), write: (planJson) => write({ planJson }) }`
 * with `read` / `write` imported from `@salesforce/apex/KizunaGateway.read` / `.write`.
 */
export interface ApexGateway {
  read(planJson: string): Promise<unknown>;
  write(planJson: string): Promise<unknown>;
}

export interface GatewayCallOptions {
  /** Apex calls cannot be aborted; an aborted signal refuses to start one and discards a late answer. */
  readonly signal?: AbortSignal;
}

/** Sends validated plans, validates every answer, and turns every failure into a CrmError. */
export interface ApexGatewayTransport {
  read(plan: ReadPlan, options?: GatewayCallOptions): Promise<ReadAnswers>;
  write(plan: WritePlan, options?: GatewayCallOptions): Promise<WriteAnswers>;
  /** Gateway calls made, and characters of JSON text received, so far. */
  readonly stats: Readonly<CallStats>;
}

function checkPlan<T>(schema: z.ZodType<T>, plan: unknown, what: string): T {
  const parsed = schema.safeParse(plan);
  if (!parsed.success) throw new CrmError('INVALID_INPUT', `The ${what} plan breaks the gateway contract: ${parsed.error.message}`, { cause: parsed.error });
  return parsed.data;
}

function cancelledIf(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CrmError('CANCELLED', 'The request was cancelled.', { cause: signal.reason });
}

/** An answer arrives as JSON text (the recommended `String` return) or already as an object. */
function decode(raw: unknown, what: string): { value: unknown; size: number } {
  if (typeof raw !== 'string') return { value: raw, size: 0 };
  try {
    return { value: JSON.parse(raw) as unknown, size: raw.length };
  } catch (error) {
    throw new CrmError('MALFORMED_RESPONSE', `The Apex gateway answered the ${what} with text that is not JSON.`, { cause: error });
  }
}

function malformed(what: string, detail: string, cause?: unknown): CrmError {
  return new CrmError('MALFORMED_RESPONSE', `The Apex gateway answered the ${what} with an unexpected shape: ${detail}`, { cause });
}

/** Every query answered exactly once; aggregate rows flat and keyed by the plan's aliases only. */
function checkReadAnswers(plan: ReadPlan, answers: ReadAnswers): ReadAnswers {
  const asked = Object.keys(plan.queries).sort();
  const answered = Object.keys(answers.results).sort();
  if (asked.join() !== answered.join()) throw malformed('read', `asked for ${asked.join(', ')}, got ${answered.join(', ')}`);
  for (const [name, query] of Object.entries(plan.queries)) {
    const part = answers.results[name];
    if (query.kind !== 'aggregate' || part?.ok !== true) continue;
    const aliases = new Set([...query.groupBy, ...query.measures].map((item) => item.alias.toLowerCase()));
    for (const { attributes: _attributes, ...cells } of part.records) {
      const parsed = gatewayAggregateRowSchema.safeParse(cells);
      const unknown = Object.keys(cells).filter((key) => !aliases.has(key.toLowerCase()));
      if (!parsed.success || unknown.length > 0) throw malformed('read', `an aggregate row of ${name} is not keyed by its aliases`, parsed.error);
    }
  }
  return answers;
}

function checkWriteAnswers(plan: WritePlan, answers: WriteAnswers): WriteAnswers {
  const asked = plan.upserts.flatMap((upsert) => upsert.records.map((record) => record.key));
  const answered = answers.results.map((result) => result.key);
  if (asked.join('\u0000') !== answered.join('\u0000')) throw malformed('write', 'one result per record, in order, was expected');
  return answers;
}

/**
 * The transport of the LWC bridge: plans are checked against the contract before anything is
 * sent (INVALID_INPUT), answers after (MALFORMED_RESPONSE); a plan the gateway refused as a whole
 * and every Apex or LWC error become CrmErrors that keep the original as `cause`.
 */
export function createApexGatewayTransport(gateway: ApexGateway): ApexGatewayTransport {
  const stats: CallStats = { calls: 0, bytesReceived: 0 };

  async function call(method: 'read' | 'write', planJson: string, signal: AbortSignal | undefined): Promise<unknown> {
    cancelledIf(signal);
    stats.calls += 1;
    let raw: unknown;
    try {
      raw = await gateway[method](planJson);
    } catch (error) {
      throw apexErrorToCrmError(error);
    }
    cancelledIf(signal);
    const { value, size } = decode(raw, method);
    stats.bytesReceived += size;
    return value;
  }

  async function read(plan: ReadPlan, options: GatewayCallOptions = {}): Promise<ReadAnswers> {
    const checked = checkPlan(readPlanSchema, plan, 'read');
    const parsed = readResultSchema.safeParse(await call('read', JSON.stringify(checked), options.signal));
    if (!parsed.success) throw malformed('read', parsed.error.message, parsed.error);
    if (!parsed.data.ok) throw refusalError(parsed.data);
    return checkReadAnswers(checked, parsed.data);
  }

  async function write(plan: WritePlan, options: GatewayCallOptions = {}): Promise<WriteAnswers> {
    const checked = checkPlan(writePlanSchema, plan, 'write');
    const parsed = writeResultSchema.safeParse(await call('write', JSON.stringify(checked), options.signal));
    if (!parsed.success) throw malformed('write', parsed.error.message, parsed.error);
    if (!parsed.data.ok) throw refusalError(parsed.data);
    return checkWriteAnswers(checked, parsed.data);
  }

  return { read, write, stats };
}
