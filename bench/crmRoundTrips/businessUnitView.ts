// The business-unit view: business unit × segment for the KPIs whose plans Salesforce can run.
// Two ways, both the product's: each KPI's plan pushed down on its own (compileKpi →
// runAggregatePlan → finishKpi), and the whole view as one batch (batchPlans → runAggregatePlan →
// totalsOf → finishKpi), which is what a view of several KPIs sends. Both are checked against
// `evaluateKpi` in memory over the same organisation.
import type { CallStats, HttpTransport } from '@kizuna/crm-core';
import { parseSalesforceConnection, runAggregatePlan, salesforceBreakdownFields, salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import type { SalesforceOrg } from '@kizuna/crm-sim';
import {
  batchPlans,
  compileKpi,
  evaluateKpi,
  finishKpi,
  groupKeyOf,
  kpiCatalogue,
  type AggregatePlan,
  type FactTables,
  type KpiEvaluation,
  type KpiRequest,
} from '@kizuna/metrics';
import { addCosts, measure, meteredTransport, type WireCost } from './meter';
import { accessToken, instanceUrl } from './simulatedOrg';

/** Queries per composite request (Salesforce: at most 5 query/queryAll subrequests, reference C.1). */
export const QUERIES_PER_COMPOSITE = 5;

export const pushableKpis = ['nps', 'csat', 'cesAgree', 'cesMean', 'escalationRate', 'renewalRate', 'netRevenueRetention', 'churnRate'] as const;
export type PushableKpi = (typeof pushableKpis)[number];

/** The comparison the view shows: every business unit × segment over the last four quarters. */
export const businessUnitRequest: KpiRequest = {
  groupBy: ['businessUnitId', 'segmentId'],
  window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' },
};

export interface Agreement {
  /** Groups in the in-memory evaluation, and in the other one. */
  readonly groups: number;
  readonly otherGroups: number;
  /** Groups whose n differs or whose value differs by more than 1e-9 (relative), or that are missing. */
  readonly mismatches: number;
  readonly maxRelativeDifference: number;
}

export interface KpiPushdown {
  readonly kpi: PushableKpi;
  readonly planQueries: number;
  readonly cost: WireCost;
  readonly ms: number;
  /** Pushed-down values against `evaluateKpi` in memory. */
  readonly vsInMemory: Agreement;
  /** The SOQL the pushdown sent (decoded from the request URLs). */
  readonly soql: readonly string[];
}

export interface BusinessUnitViewResult {
  /** Each KPI's plan pushed down on its own. */
  readonly perKpi: readonly KpiPushdown[];
  readonly perKpiTotal: WireCost;
  readonly perKpiMs: number;
  /** The whole view as one batch: what the view sends. */
  readonly view: {
    readonly cost: WireCost;
    readonly ms: number;
    /** Plan queries of the KPIs, and the aggregate queries the batch sends for them. */
    readonly plannedQueries: number;
    readonly queries: number;
    readonly soql: readonly string[];
    readonly vsInMemory: Readonly<Record<PushableKpi, Agreement>>;
  };
  readonly inMemoryMs: number;
}

function planOf(kpi: PushableKpi): AggregatePlan {
  const plan = compileKpi(kpiCatalogue[kpi], businessUnitRequest);
  if ('unsupported' in plan) throw new Error(`${kpi} was expected to compile to a plan: ${plan.unsupported}`);
  return plan;
}

/** Compares two evaluations group by group (keys: business unit × segment). */
export function agreement(kpi: PushableKpi, inMemory: KpiEvaluation, other: KpiEvaluation): Agreement {
  const usable = businessUnitRequest.groupBy.filter((dimension) => kpiCatalogue[kpi].dimensions.includes(dimension));
  const others = new Map(other.groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const));
  let mismatches = 0;
  let maxRelativeDifference = 0;
  for (const group of inMemory.groups) {
    const result = others.get(groupKeyOf(group.keys, usable));
    if (result === undefined || result.n !== group.result.n) {
      mismatches += 1;
      continue;
    }
    const expected = group.result.value;
    const actual = result.value;
    if (expected === null || actual === null) {
      if (expected !== actual) mismatches += 1;
      continue;
    }
    const relative = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
    maxRelativeDifference = Math.max(maxRelativeDifference, relative);
    if (relative > 1e-9) mismatches += 1;
  }
  mismatches += Math.max(0, others.size - inMemory.groups.length);
  return { groups: inMemory.groups.length, otherGroups: others.size, mismatches, maxRelativeDifference };
}

/** A transport that also keeps the SOQL of every query it sends, alone or inside a composite request. */
function recordingSoql(transport: HttpTransport, into: string[]): HttpTransport {
  const keep = (url: string) => {
    const q = new URL(url, instanceUrl).searchParams.get('q');
    if (q !== null) into.push(q);
  };
  return (request) => {
    keep(request.url);
    if (request.body !== undefined && request.url.endsWith('/composite')) {
      const body = JSON.parse(request.body) as { compositeRequest?: Array<{ url?: unknown }> };
      for (const subrequest of body.compositeRequest ?? []) if (typeof subrequest.url === 'string') keep(subrequest.url);
    }
    return transport(request);
  };
}

export async function measureBusinessUnitView(org: SalesforceOrg, tables: FactTables): Promise<BusinessUnitViewResult> {
  const connection = parseSalesforceConnection({ instanceUrl });
  const mapping = salesforceDefaultMapping;

  const inMemoryStarted = performance.now();
  const inMemory = new Map(pushableKpis.map((kpi) => [kpi, evaluateKpi(kpiCatalogue[kpi], tables, businessUnitRequest)] as const));
  const inMemoryMs = performance.now() - inMemoryStarted;
  const inMemoryOf = (kpi: PushableKpi): KpiEvaluation => {
    const evaluation = inMemory.get(kpi);
    if (evaluation === undefined) throw new Error(`no in-memory evaluation of ${kpi}`);
    return evaluation;
  };

  // One KPI after another, each plan pushed down on its own (its queries five to a composite).
  const perKpi: KpiPushdown[] = [];
  for (const kpi of pushableKpis) {
    const plan = planOf(kpi);
    const client = meteredTransport(accessToken);
    const soql: string[] = [];
    const transport = recordingSoql(client.transport, soql);
    const counter = (): CallStats & { bytesUp: number } => ({ ...client.stats, bytesUp: client.bytesUp() });
    const { value: result, cost, ms } = await measure(org, counter, () => runAggregatePlan(plan, { transport, connection, mapping }));
    if (!result.pushed) throw new Error(`${kpi} could not be pushed down: ${result.unsupported}`);
    const pushed = finishKpi(kpiCatalogue[kpi], businessUnitRequest, plan, result.totals);
    perKpi.push({ kpi, planQueries: Object.keys(plan.queries).length, cost, ms, vsInMemory: agreement(kpi, inMemoryOf(kpi), pushed), soql });
  }

  // The view: every KPI's plan in one batch (queries merged where only breakdown conditions differ).
  const plans: AggregatePlan[] = pushableKpis.map(planOf);
  const client = meteredTransport(accessToken);
  const soql: string[] = [];
  const transport = recordingSoql(client.transport, soql);
  const counter = (): CallStats & { bytesUp: number } => ({ ...client.stats, bytesUp: client.bytesUp() });
  const batch = batchPlans(plans, { breakdownFields: salesforceBreakdownFields(mapping) });
  const { value: result, cost, ms } = await measure(org, counter, () => runAggregatePlan(batch.plan, { transport, connection, mapping }));
  if (!result.pushed) throw new Error(`the batched view could not be pushed down: ${result.unsupported}`);
  const perPlan = batch.totalsOf(result.totals);
  const vsInMemory = Object.fromEntries(
    pushableKpis.map((kpi, index) => {
      const plan = plans[index];
      if (plan === undefined) throw new Error(`no plan for ${kpi}`);
      return [kpi, agreement(kpi, inMemoryOf(kpi), finishKpi(kpiCatalogue[kpi], businessUnitRequest, plan, perPlan[index] ?? {}))];
    }),
  ) as Record<PushableKpi, Agreement>;

  return {
    perKpi,
    perKpiTotal: addCosts(perKpi.map((entry) => entry.cost)),
    perKpiMs: perKpi.reduce((total, entry) => total + entry.ms, 0),
    view: { cost, ms, plannedQueries: batch.plannedQueries, queries: Object.keys(batch.plan.queries).length, soql, vsInMemory },
    inMemoryMs,
  };
}

/** The fewest composites any batching can use for `queries` aggregate queries. */
export function minimumComposites(queries: number): number {
  return Math.ceil(queries / QUERIES_PER_COMPOSITE);
}
