import { CrmError } from '@kizuna/crm-core';
import { refusalError } from './apexErrors';
import type { ApexGatewayTransport } from './apexGatewayTransport';
import { GATEWAY_CONTRACT_VERSION, GATEWAY_LIMITS, type GatewayQuery, type GatewayRecordQuery } from './gatewayContract';
import type { GatewayPart, GatewayRecord } from './gatewayResults';

/** One query's outcome: its records (every page), or why the gateway refused it. */
export type QueryAnswer =
  | { readonly ok: true; readonly records: readonly GatewayRecord[] }
  | { readonly ok: false; readonly error: CrmError };

export interface ReadContext {
  readonly transport: ApexGatewayTransport;
  /** Raised after writes, so cached answers of the cacheable read method are not reused. */
  readonly revision: () => number;
  readonly signal?: AbortSignal;
}

const isSkipped = (part: GatewayPart | undefined) => part !== undefined && !part.ok && part.errorCode === 'ROW_BUDGET_EXCEEDED';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Named queries in as few gateway calls as the plan limit allows (one, for up to
 * `maxQueriesPerPlan`). A query Apex did not run because earlier ones spent the call's query-row
 * budget (`ROW_BUDGET_EXCEEDED`) goes again in the next call; if a call ran none of its queries,
 * they fail with that error instead of looping.
 */
export async function readQueries(context: ReadContext, queries: ReadonlyMap<string, GatewayQuery>): Promise<Map<string, QueryAnswer>> {
  const answers = new Map<string, QueryAnswer>();
  let pending = [...queries];
  while (pending.length > 0) {
    const again: Array<[string, GatewayQuery]> = [];
    for (const batch of chunks(pending, GATEWAY_LIMITS.maxQueriesPerPlan)) {
      const plan = { version: GATEWAY_CONTRACT_VERSION, revision: context.revision(), queries: Object.fromEntries(batch) };
      const result = await context.transport.read(plan, context.signal === undefined ? {} : { signal: context.signal });
      const skipped = new Set(batch.filter(([name]) => isSkipped(result.results[name])).map(([name]) => name));
      const ranAny = skipped.size < batch.length;
      for (const [name, query] of batch) {
        const part = result.results[name];
        if (part === undefined) throw new CrmError('MALFORMED_RESPONSE', `The Apex gateway did not answer ${name}.`);
        if (ranAny && skipped.has(name)) again.push([name, query]);
        else answers.set(name, part.ok ? { ok: true, records: part.records } : { ok: false, error: refusalError(part) });
      }
    }
    pending = again;
  }
  return answers;
}

/** A record query made pageable: ordered by Id, at most `pageSize` rows a call. */
export function pagedQuery(query: GatewayRecordQuery, pageSize: number): GatewayRecordQuery & { readonly limit: number } {
  return { ...query, orderBy: [{ field: 'Id', direction: 'ASC' }], limit: pageSize };
}

export interface PagedPart {
  /** The first page's query (from `pagedQuery`); later pages add `Id > <last Id>`. */
  readonly query: GatewayRecordQuery & { readonly limit: number };
  /** Records read so far (every page full but the last). */
  readonly records: readonly GatewayRecord[];
}

function lastIdOf(records: readonly GatewayRecord[], name: string): string {
  const id = records[records.length - 1]?.['Id'];
  if (typeof id !== 'string') throw new CrmError('MALFORMED_RESPONSE', `A record of ${name} came back without its Id.`);
  return id;
}

const needsMore = (part: PagedPart) => part.records.length > 0 && part.records.length % part.query.limit === 0;

/**
 * Reads every part to its end by keyset paging (`ORDER BY Id`, `Id > :last`): a part whose
 * pages so far were all full gets another page, all such parts together in one call per round.
 * Extra calls happen only for parts with more than one page of rows.
 */
export async function readPagesToEnd(context: ReadContext, parts: ReadonlyMap<string, PagedPart>): Promise<Map<string, QueryAnswer>> {
  const state = new Map(parts);
  const answers = new Map<string, QueryAnswer>();
  const pendingParts = () => [...state].filter(([name, part]) => !answers.has(name) && needsMore(part));
  for (let pending = pendingParts(); pending.length > 0; pending = pendingParts()) {
    const next = new Map(
      pending.map(([name, part]) => [name, { ...part.query, where: [...part.query.where, { field: 'Id', op: 'gt' as const, value: lastIdOf(part.records, name) }] }]),
    );
    for (const [name, answer] of await readQueries(context, next)) {
      const part = state.get(name);
      if (part === undefined) continue;
      if (answer.ok && answer.records.length > 0) state.set(name, { ...part, records: [...part.records, ...answer.records] });
      else if (answer.ok) answers.set(name, { ok: true, records: part.records });
      else answers.set(name, answer);
    }
  }
  for (const [name, part] of state) if (!answers.has(name)) answers.set(name, { ok: true, records: part.records });
  return answers;
}

/** Lists read to their end: the first pages together in one call, then further pages as needed. */
export async function readListsToEnd(
  context: ReadContext,
  queries: ReadonlyMap<string, GatewayRecordQuery & { readonly limit: number }>,
): Promise<Map<string, QueryAnswer>> {
  const first = await readQueries(context, queries);
  const seeds = new Map<string, PagedPart>();
  const answers = new Map<string, QueryAnswer>();
  for (const [name, query] of queries) {
    const answer = first.get(name);
    if (answer?.ok === true) seeds.set(name, { query, records: answer.records });
    else if (answer !== undefined) answers.set(name, answer);
  }
  for (const [name, answer] of await readPagesToEnd(context, seeds)) answers.set(name, answer);
  return answers;
}
