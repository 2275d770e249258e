// The business-unit view: business unit × segment for the KPIs whose plans Salesforce can run,
// pushed down (compileKpi → runAggregatePlan → finishKpi), per KPI and in total; the same plans
// batched into composite requests (proof of design, see compositeBatch.ts); and checks that both
// give the values `evaluateKpi` computes in memory from the same organisation.
import type { CallStats, HttpTransport } from '@kizuna/crm-core';
import { parseSalesforceConnection, runAggregatePlan, salesforceDefaultMapping } from '@kizuna/crm-salesforce';
import type { SalesforceOrg } from '@kizuna/crm-sim';
import {
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
import { plannedQueries, QUERIES_PER_COMPOSITE, runBatchedPlans } from './compositeBatch';
import { addCosts, measure, meteredTransport, type WireCost } from './meter';
import { accessToken, instanceUrl } from './simulatedOrg';

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
  readonly perKpi: readonly KpiPushdown[];
  readonly pushdownTotal: WireCost;
  readonly pushdownMs: number;
  readonly batched: {
    readonly cost: WireCost;
    readonly ms: number;
    readonly queries: number;
    readonly composites: number;
    readonly fellBack: readonly string[];
    /** Whether the batched SOQL is exactly the set of statements the pushdown sent. */
    readonly sameSoqlAsPushdown: boolean;
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

/** A transport that also keeps the SOQL of every query it sends. */
function recordingSoql(transport: HttpTransport, into: string[]): HttpTransport {
  return (request) => {
    const q = new URL(request.url).searchParams.get('q');
    if (q !== null) into.push(q);
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

  // Today's pushdown: one KPI after another, each plan query its own REST query.
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

  // Proof of design: the same plan queries in composites of at most five.
  const plans = pushableKpis.map(planOf);
  const client = meteredTransport(accessToken);
  const counter = (): CallStats & { bytesUp: number } => ({ ...client.stats, bytesUp: client.bytesUp() });
  const { value: batched, cost, ms } = await measure(org, counter, () => runBatchedPlans(plans, { transport: client.transport, connection, mapping }));
  const batchedAgreement = Object.fromEntries(
    pushableKpis.map((kpi, index) => {
      const plan = plans[index];
      if (plan === undefined) throw new Error(`no plan for ${kpi}`);
      const finished = finishKpi(kpiCatalogue[kpi], businessUnitRequest, plan, batched.totals.get(kpi) ?? {});
      return [kpi, agreement(kpi, inMemoryOf(kpi), finished)];
    }),
  ) as Record<PushableKpi, Agreement>;
  const batchedSoql = plannedQueries(plans, mapping).map((planned) => planned.compiled.soql).sort();
  const pushedSoql = perKpi.flatMap((entry) => entry.soql).sort();

  return {
    perKpi,
    pushdownTotal: addCosts(perKpi.map((entry) => entry.cost)),
    pushdownMs: perKpi.reduce((total, entry) => total + entry.ms, 0),
    batched: {
      cost,
      ms,
      queries: batched.queries,
      composites: batched.composites,
      fellBack: batched.fellBack,
      sameSoqlAsPushdown: JSON.stringify(batchedSoql) === JSON.stringify(pushedSoql),
      vsInMemory: batchedAgreement,
    },
    inMemoryMs,
  };
}

/** The fewest composites any batching can use for `queries` plan queries. */
export function minimumComposites(queries: number): number {
  return Math.ceil(queries / QUERIES_PER_COMPOSITE);
}
