import { CrmError } from '@kizuna/crm-core';
import type { AggregatePlan, AggregateQuery, GroupTotals, PlanValue } from '@kizuna/model';
import type { SalesforceMapping } from '../defaultMapping';
import { NotPushable } from '../pushdown/compileAggregateSoql';
import { sourceLayouts, type SourceLayout } from '../pushdown/planFields';
import type { PushdownResult } from '../pushdown/runAggregatePlan';
import { compileGatewayAggregate, totalsOfRow, type CompiledGatewayAggregate } from './aggregateQueries';
import { GATEWAY_LIMITS } from './gatewayContract';
import { readQueries, type QueryAnswer, type ReadContext } from './readRounds';

interface Job {
  readonly query: AggregateQuery;
  readonly layout: SourceLayout;
}

export interface GatewayPushdownContext extends ReadContext {
  readonly mapping: SalesforceMapping;
}

const tooManyRows = (answer: QueryAnswer) => !answer.ok && answer.error.crmCode === 'TOO_MANY_ROWS';

function layoutOf(layouts: ReturnType<typeof sourceLayouts>, query: AggregateQuery): SourceLayout {
  const layout = layouts[query.source];
  if (layout === undefined) throw new NotPushable(`no Salesforce object holds ${query.source}`);
  return layout;
}

/** Runs aggregate queries together (one call for up to `maxQueriesPerPlan`); rows become group totals. */
async function runTogether(context: GatewayPushdownContext, jobs: readonly Job[]): Promise<Array<{ job: Job; answer: QueryAnswer; compiled: CompiledGatewayAggregate }>> {
  const compiled = jobs.map((job) => compileGatewayAggregate(job.query, job.layout, context.mapping.account));
  const answers = await readQueries(context, new Map(compiled.map((entry, index) => [`q${index}`, entry.query])));
  return jobs.map((job, index) => {
    const answer = answers.get(`q${index}`);
    const entry = compiled[index];
    if (answer === undefined || entry === undefined) throw new CrmError('MALFORMED_RESPONSE', 'The Apex gateway did not answer an aggregate query.');
    return { job, answer, compiled: entry };
  });
}

function rowsOf(answer: QueryAnswer, compiled: CompiledGatewayAggregate): GroupTotals[] {
  if (!answer.ok) throw answer.error;
  return answer.records.map((row) => totalsOfRow(row, compiled));
}

/** The distinct values of the dimension a too-large query is split on. */
async function splitValues(context: GatewayPushdownContext, job: Job, dimension: AggregateQuery['groupBy'][number]): Promise<string[]> {
  const [distinct] = await runTogether(context, [{ ...job, query: { ...job.query, groupBy: [dimension], measures: [{ id: 'n', op: 'count' }] } }]);
  if (distinct === undefined) return [];
  if (tooManyRows(distinct.answer)) {
    throw new CrmError('INVALID_QUERY', `More values of ${dimension} than one answer may hold: narrow the cut or the filters.`);
  }
  return rowsOf(distinct.answer, distinct.compiled).flatMap((row) => row.keys[dimension] ?? []);
}

/**
 * A query whose groups do not fit one answer, split on its first non-period dimension into
 * value lists that each fit (halving until they do), as the REST pushdown splits past 2,000
 * groups. Never returns a truncated result.
 */
async function runSplit(context: GatewayPushdownContext, job: Job): Promise<GroupTotals[]> {
  const dimension = job.query.groupBy.find((candidate) => candidate !== 'period');
  if (dimension === undefined) throw new CrmError('INVALID_QUERY', 'More groups than one answer may hold, and nothing to split them on: narrow the window.');
  const values = await splitValues(context, job, dimension);
  const results: GroupTotals[] = [];
  let pending: PlanValue[][] = [];
  for (let start = 0; start < values.length; start += GATEWAY_LIMITS.maxInValues) pending.push(values.slice(start, start + GATEWAY_LIMITS.maxInValues));
  while (pending.length > 0) {
    const parts = pending.map((chunk) => ({ ...job, query: { ...job.query, where: [...job.query.where, { field: dimension, op: 'in' as const, values: chunk }] } }));
    const next: PlanValue[][] = [];
    for (const [index, { answer, compiled }] of (await runTogether(context, parts)).entries()) {
      const chunk = pending[index] ?? [];
      if (!tooManyRows(answer)) results.push(...rowsOf(answer, compiled));
      else if (chunk.length > 1) next.push(chunk.slice(0, chunk.length / 2), chunk.slice(chunk.length / 2));
      else throw new CrmError('INVALID_QUERY', `One value of ${dimension} alone has more groups than one answer may hold: narrow the cut.`);
    }
    pending = next;
  }
  return results;
}

/**
 * A metrics plan pushed down through the Apex gateway: every plan query as a gateway aggregate
 * query, all in one `read` call, answered with group totals in the same shape as the REST
 * pushdown (`runAggregatePlan`) — or why this org's mapping cannot express the plan.
 */
export async function runGatewayAggregatePlan(plan: AggregatePlan, context: GatewayPushdownContext): Promise<PushdownResult> {
  const layouts = sourceLayouts(context.mapping);
  try {
    const entries = Object.entries(plan.queries);
    const jobs = entries.map(([, query]) => ({ query, layout: layoutOf(layouts, query) }));
    const answered = await runTogether(context, jobs);
    const totals: Record<string, GroupTotals[]> = {};
    for (const [index, { job, answer, compiled }] of answered.entries()) {
      const name = entries[index]?.[0] ?? '';
      totals[name] = tooManyRows(answer) ? await runSplit(context, job) : rowsOf(answer, compiled);
    }
    return { pushed: true, totals };
  } catch (error) {
    if (error instanceof NotPushable) return { pushed: false, unsupported: error.message };
    throw error;
  }
}
