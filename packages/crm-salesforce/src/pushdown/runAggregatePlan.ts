import { CrmError, type HttpTransport } from '@kizuna/crm-core';
import type { AggregatePlan, AggregateQuery, Dimension, GroupTotals, PlanValue } from '@kizuna/model';
import { z } from 'zod';
import type { SalesforceConnection } from '../connection';
import type { SalesforceMapping } from '../defaultMapping';
import { sendComposite, subrequestError, COMPOSITE_MAX_QUERIES } from '../composite/compositeRequest';
import { asQueryPage, fetchQueryPage, queryUrl, type QueryPage } from '../restQuery';
import { compileAggregateSoql, NotPushable, type CompiledAggregate } from './compileAggregateSoql';
import { canonicalBreakdownValue, sourceLayouts, type SourceLayout } from './planFields';

/** Salesforce returns at most one batch of 2,000 aggregate rows and cannot page further. */
export const AGGREGATE_ROW_LIMIT = 2000;

const aggregateRowSchema = z
  .object({ attributes: z.object({ type: z.literal('AggregateResult') }) })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));

export interface PushdownContext {
  readonly transport: HttpTransport;
  readonly connection: SalesforceConnection;
  readonly mapping: SalesforceMapping;
  readonly signal?: AbortSignal;
}

/** An aggregate row as group totals, read by the compiled query's aliases. */
export function aggregateTotalsOf(row: Readonly<Record<string, unknown>>, compiled: CompiledAggregate): GroupTotals {
  const keys: Partial<Record<Dimension, string>> = {};
  for (const { alias, dimension } of compiled.groupAliases) {
    const value = row[alias];
    if (value !== null && value !== undefined) keys[dimension] = String(value);
  }
  if (compiled.periodAliases !== null) {
    const year = row[compiled.periodAliases.year];
    const quarter = row[compiled.periodAliases.quarter];
    if (typeof year === 'number' && typeof quarter === 'number') keys.period = `${year}-Q${quarter}`;
  }
  const values: Record<string, number> = {};
  for (const { alias, id } of compiled.measureAliases) {
    const value = row[alias];
    if (typeof value === 'number') values[id] = value;
  }
  if (compiled.breakdownAliases.length === 0) return { keys, values };
  const breakdown = Object.fromEntries(
    compiled.breakdownAliases.map(({ alias, canonical, breakdown: field, mapping }) => [canonical, canonicalBreakdownValue(mapping, canonical, field, row[alias])]),
  );
  return { keys, values, breakdown };
}

interface Answer {
  readonly rows: GroupTotals[];
  /** False when Salesforce's one batch of aggregate rows may not hold every group. */
  readonly complete: boolean;
}

function answerOf(page: QueryPage, compiled: CompiledAggregate): Answer {
  const rows = page.records.map((record) => {
    const parsed = aggregateRowSchema.safeParse(record);
    if (!parsed.success) throw new CrmError('MALFORMED_RESPONSE', 'Salesforce returned an aggregate row of an unexpected shape.', { cause: parsed.error });
    return aggregateTotalsOf(parsed.data, compiled);
  });
  return { rows, complete: page.done && rows.length < AGGREGATE_ROW_LIMIT };
}

async function runOnce(query: AggregateQuery, layout: SourceLayout, context: PushdownContext): Promise<Answer> {
  const compiled = compileAggregateSoql(query, layout, context.mapping.account);
  return answerOf(await fetchQueryPage(context.transport, queryUrl(context.connection, compiled.soql), { Accept: 'application/json' }, context.signal), compiled);
}

/**
 * Several plan queries in one round trip: a composite request of at most five query
 * subrequests (reference C.1), counted as one API call. A refused subrequest fails the plan as
 * a refused query would.
 */
async function runTogether(jobs: ReadonlyArray<{ readonly query: AggregateQuery; readonly layout: SourceLayout }>, context: PushdownContext): Promise<Answer[]> {
  const [single] = jobs;
  if (jobs.length === 1 && single !== undefined) return [await runOnce(single.query, single.layout, context)];
  const compiled = jobs.map((job) => compileAggregateSoql(job.query, job.layout, context.mapping.account));
  const subrequests = compiled.map((entry, index) => ({
    method: 'GET' as const,
    referenceId: `q${index}`,
    url: `/services/data/${context.connection.apiVersion}/query?q=${encodeURIComponent(entry.soql)}`,
  }));
  const parts = await sendComposite(context.transport, context.connection, subrequests, context.signal === undefined ? {} : { signal: context.signal });
  return compiled.map((entry, index) => {
    const part = parts.get(`q${index}`);
    if (part === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The composite response lacks an aggregate query.');
    if (part.httpStatusCode !== 200) throw subrequestError(part);
    return answerOf(asQueryPage(part.body, 'an aggregate result'), entry);
  });
}

/** The distinct values of one dimension under the query's conditions (one aggregate query). */
async function distinctValues(query: AggregateQuery, dimension: Dimension, layout: SourceLayout, context: PushdownContext): Promise<string[]> {
  const { rows, complete } = await runOnce({ ...query, groupBy: [dimension], measures: [{ id: 'n', op: 'count' }] }, layout, context);
  if (!complete) {
    throw new CrmError('INVALID_QUERY', `More than ${AGGREGATE_ROW_LIMIT} values of ${dimension}: narrow the cut or the filters.`);
  }
  return rows.map((row) => row.keys[dimension]).filter((value): value is string => value !== undefined);
}

/**
 * Runs one plan query; when the answer would exceed Salesforce's 2,000-row aggregate batch it is
 * split on its first non-period dimension into value ranges that each fit, halving until they do.
 * Never returns a truncated result: a cut that cannot be split is an INVALID_QUERY error.
 */
async function runSplitting(query: AggregateQuery, layout: SourceLayout, context: PushdownContext, answered?: Answer): Promise<GroupTotals[]> {
  const first = answered ?? (await runOnce(query, layout, context));
  if (first.complete) return first.rows;
  const dimension = query.groupBy.find((candidate) => candidate !== 'period');
  if (dimension === undefined) {
    throw new CrmError('INVALID_QUERY', `More than ${AGGREGATE_ROW_LIMIT} groups and nothing to split them on: narrow the window.`);
  }
  const values = await distinctValues(query, dimension, layout, context);
  const results: GroupTotals[] = [];
  const pending: PlanValue[][] = [values];
  while (pending.length > 0) {
    const chunk = pending.pop() ?? [];
    const part = await runOnce({ ...query, where: [...query.where, { field: dimension, op: 'in', values: chunk }] }, layout, context);
    if (part.complete) results.push(...part.rows);
    else if (chunk.length > 1) pending.push(chunk.slice(0, chunk.length / 2), chunk.slice(chunk.length / 2));
    else throw new CrmError('INVALID_QUERY', `One value of ${dimension} alone has more than ${AGGREGATE_ROW_LIMIT} groups: narrow the cut.`);
  }
  return results;
}

export type PushdownResult =
  | { readonly pushed: true; readonly totals: Record<string, GroupTotals[]> }
  | { readonly pushed: false; readonly unsupported: string };

/**
 * Pushes a metrics plan down into Salesforce: every query as a SOQL aggregate over the mapped
 * objects, sent five to a composite request (one round trip each, all at once; a lone query as a
 * plain REST query). Returns the group totals per query (for `finishKpi`, or for `batchPlans`'
 * `totalsOf` when the plan is a batch), or why not when this org's mapping cannot express the plan
 * (the caller then evaluates in memory). A query whose groups overflow one aggregate batch is
 * split afterwards, never truncated.
 */
export async function runAggregatePlan(
  plan: AggregatePlan,
  context: PushdownContext,
): Promise<PushdownResult> {
  const layouts = sourceLayouts(context.mapping);
  const entries = Object.entries(plan.queries);
  try {
    for (const [, query] of entries) {
      const layout = layouts[query.source];
      if (layout === undefined) throw new NotPushable(`no Salesforce object holds ${query.source}`);
      compileAggregateSoql(query, layout, context.mapping.account);
    }
  } catch (error) {
    if (error instanceof NotPushable) return { pushed: false, unsupported: error.message };
    throw error;
  }
  const jobs = entries.map(([name, query]) => {
    const layout = layouts[query.source];
    if (layout === undefined) throw new NotPushable(`no Salesforce object holds ${query.source}`);
    return { name, query, layout };
  });
  const batches: Array<typeof jobs> = [];
  for (let start = 0; start < jobs.length; start += COMPOSITE_MAX_QUERIES) batches.push(jobs.slice(start, start + COMPOSITE_MAX_QUERIES));
  const results = await Promise.all(
    batches.map(async (batch) => {
      const answers = await runTogether(batch, context);
      return Promise.all(batch.map(async (job, index) => [job.name, await runSplitting(job.query, job.layout, context, answers[index])] as const));
    }),
  );
  return { pushed: true, totals: Object.fromEntries(results.flat()) };
}
