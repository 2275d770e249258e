// PROOF OF DESIGN, not product code: the plan queries of a whole view sent in composite requests
// of at most 5 queries each (Salesforce's composite limit: 25 subrequests, of which at most 5
// queries), instead of one REST query per plan query as `runAggregatePlan` does today. The SOQL
// is exactly what the pushdown sends: `compileAggregateSoql` over `sourceLayouts`, both exported
// by @kizuna/crm-salesforce. A subresult that would need the 2,000-row split (or that failed)
// falls back to `runAggregatePlan` for that one query, and the fallback is counted.
import type { HttpTransport } from '@kizuna/crm-core';
import {
  aggregateTotalsOf,
  AGGREGATE_ROW_LIMIT,
  compileAggregateSoql,
  runAggregatePlan,
  sourceLayouts,
  type CompiledAggregate,
  type SalesforceConnection,
  type SalesforceMapping,
} from '@kizuna/crm-salesforce';
import type { AggregatePlan, AggregateQuery, GroupTotals } from '@kizuna/model';

/** Queries per composite request (Salesforce: at most 5 query/queryAll subrequests). */
export const QUERIES_PER_COMPOSITE = 5;

export interface PlannedQuery {
  readonly kpi: string;
  readonly name: string;
  readonly query: AggregateQuery;
  readonly compiled: CompiledAggregate;
}

export interface BatchedResult {
  /** Per KPI, per plan query: the group totals, as `runAggregatePlan` returns them. */
  readonly totals: ReadonlyMap<string, Record<string, GroupTotals[]>>;
  readonly queries: number;
  readonly composites: number;
  /** Queries that came back incomplete or failed, and were run again through `runAggregatePlan`. */
  readonly fellBack: readonly string[];
}

/** Every plan query of the view, compiled to the SOQL the pushdown sends. */
export function plannedQueries(plans: readonly AggregatePlan[], mapping: SalesforceMapping): PlannedQuery[] {
  const layouts = sourceLayouts(mapping);
  return plans.flatMap((plan) =>
    Object.entries(plan.queries).map(([name, query]) => {
      const layout = layouts[query.source];
      if (layout === undefined) throw new Error(`${plan.kpi}.${name}: no Salesforce object holds ${query.source}`);
      return { kpi: plan.kpi, name, query, compiled: compileAggregateSoql(query, layout, mapping.account) };
    }),
  );
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Subresponse {
  readonly referenceId: string;
  readonly httpStatusCode: number;
  readonly body: unknown;
}

function subresponsesOf(text: string): Subresponse[] {
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed) || !Array.isArray(parsed['compositeResponse'])) throw new Error('composite response of an unexpected shape');
  return parsed['compositeResponse'].map((part: unknown) => {
    if (!isRecord(part) || typeof part['referenceId'] !== 'string' || typeof part['httpStatusCode'] !== 'number') {
      throw new Error('composite subresponse of an unexpected shape');
    }
    return { referenceId: part['referenceId'], httpStatusCode: part['httpStatusCode'], body: part['body'] };
  });
}

/** The rows of a complete aggregate result, or null when it needs the split (or is not a result). */
function completeRows(part: Subresponse): ReadonlyArray<Readonly<Record<string, unknown>>> | null {
  if (part.httpStatusCode !== 200 || !isRecord(part.body)) return null;
  const { done, records } = part.body;
  if (done !== true || !Array.isArray(records) || records.length >= AGGREGATE_ROW_LIMIT) return null;
  const rows = records.filter(isRecord);
  const aggregate = rows.every((row) => isRecord(row['attributes']) && row['attributes']['type'] === 'AggregateResult');
  return aggregate && rows.length === records.length ? rows : null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * Sends every plan query of the view in composite requests of at most 5 queries each, all of them
 * concurrently, and returns the totals per KPI and query.
 */
export async function runBatchedPlans(
  plans: readonly AggregatePlan[],
  context: { readonly transport: HttpTransport; readonly connection: SalesforceConnection; readonly mapping: SalesforceMapping },
): Promise<BatchedResult> {
  const { transport, connection, mapping } = context;
  const queries = plannedQueries(plans, mapping);
  const batches = chunks(queries.map((planned, index) => ({ planned, referenceId: `q${index}` })), QUERIES_PER_COMPOSITE);
  const totals = new Map<string, Record<string, GroupTotals[]>>();
  const fellBack: string[] = [];
  const store = (planned: PlannedQuery, rows: GroupTotals[]) => {
    const own = totals.get(planned.kpi) ?? {};
    own[planned.name] = rows;
    totals.set(planned.kpi, own);
  };
  await Promise.all(
    batches.map(async (batch) => {
      const response = await transport({
        method: 'POST',
        url: `${connection.instanceUrl}/services/data/${connection.apiVersion}/composite`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          allOrNone: false,
          collateSubrequests: false,
          compositeRequest: batch.map(({ planned, referenceId }) => ({
            method: 'GET',
            url: `/services/data/${connection.apiVersion}/query?q=${encodeURIComponent(planned.compiled.soql)}`,
            referenceId,
          })),
        }),
      });
      if (response.status !== 200) throw new Error(`composite request failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`);
      const parts = new Map(subresponsesOf(response.text).map((part) => [part.referenceId, part]));
      for (const { planned, referenceId } of batch) {
        const part = parts.get(referenceId);
        const rows = part === undefined ? null : completeRows(part);
        if (rows !== null) {
          store(planned, rows.map((row) => aggregateTotalsOf(row, planned.compiled)));
          continue;
        }
        // Past one batch of aggregate rows, or refused: the product's own path, with its splitting.
        fellBack.push(`${planned.kpi}.${planned.name}`);
        const single = await runAggregatePlan({ kpi: planned.kpi, queries: { [planned.name]: planned.query } }, { transport, connection, mapping });
        if (!single.pushed) throw new Error(`${planned.kpi}.${planned.name}: ${single.unsupported}`);
        store(planned, single.totals[planned.name] ?? []);
      }
    }),
  );
  return { totals, queries: queries.length, composites: batches.length, fellBack };
}
