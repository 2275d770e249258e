// CRM round trips and bytes of Kizuna's Zoho CRM reads, against naive per-object fetching in the
// same run, over the simulated Zoho org of @kizuna/crm-sim (Japan data centre) over msw/node.
// A plain script, not a Vitest test; it never asserts figures:
//   pnpm --filter @kizuna/bench run crm-round-trips-zoho   [-- --accounts N --seed N --views N --baseline-pages N]
// Default: ~1,000,000 feedback rows (102,000 accounts, seed 1), as the Salesforce bench.
//
// Scenarios (targets: cold account view ≤ 3 round trips, warm 0; business-unit view ≤ 2 round
// trips and ≤ 64 KB):
//   1. cold account view: `getAccountContext` on a fresh data source — every module's first COQL
//      page sent together (one round), further pages in further rounds;
//   2. warm account view: the second view of the same account through @tanstack/query-core's
//      QueryClient.fetchQuery with the widgets' key and 5-minute staleTime;
//   3. business unit × segment for the eight pushable KPIs, as the view sends them: compileKpi →
//      zohoBatchGroups → batchPlans per group (plan queries sharing module, WHERE and GROUP BY
//      merged; escalation and outcome conditions answered by grouping on those fields, and the
//      score where a plan needs its whole distribution — the CES mean — not NPS's three counts) → runAggregatePlan (one COQL
//      aggregate query per batch query, ≤ 5 aggregates each, all sent at once) → totalsOf →
//      finishKpi; and, for comparison, each KPI's plan pushed down on its own (all KPIs at once).
//      Values checked against evaluateKpi in memory.
// Baselines, measured in the same run: for an account view, one COQL query per module sent one
// after another (each its own round trip), and (small orgs only) the Records API listing of every
// module paged to the end and filtered in memory (what a client without COQL must do); for the
// business-unit view, every feedback, case, deal and account row with the mapped fields, 2,000 a
// COQL page — the first pages are fetched and the rest extrapolated from their bytes per row.
// "Round trips" are waves: a call's wave is one more than the latest wave of any call that had
// ended before it started, so calls sent together under the adapter's caps (COQL 10 at a time)
// are one wave, and a call that waited for a slot is the next. "Calls" are HTTP requests (each
// costs API credits).
import { parseArgs } from 'node:util';
import { createFetchTransport, mappedCrmFields, type HttpTransport } from '@kizuna/crm-core';
import { createZohoOrg, type ZohoOrg } from '@kizuna/crm-sim';
import { startZohoServer } from '@kizuna/crm-sim/node';
import {
  coqlAll,
  coqlLimits,
  coqlPages,
  createRestGateway,
  createZohoDataSource,
  parseZohoConnection,
  readAllRecords,
  zohoBatchGroups,
  touchpointConditions,
  zohoDefaultMapping,
  zohoTransport,
  type ZohoGateway,
  type ZohoMappingKey,
  type ZohoRestDataSource,
} from '@kizuna/crm-zoho';
import { batchPlans, buildFactTables, compileKpi, evaluateKpi, finishKpi, groupKeyOf, kpiCatalogue, type AggregatePlan, type FactTables, type GroupTotals, type KpiEvaluation } from '@kizuna/metrics';
import { generateOrganisation } from '@kizuna/sample-data';
import { QueryClient } from '@tanstack/query-core';
import { kilobytes, median, number, printTable, timesFewer } from './crmRoundTrips/format';

const accessToken = '1000.bench-access-token';
const encoder = new TextEncoder();
const pushableKpis = ['nps', 'csat', 'cesAgree', 'cesMean', 'escalationRate', 'renewalRate', 'netRevenueRetention', 'churnRate'] as const;
const businessUnitRequest = { groupBy: ['businessUnitId', 'segmentId'] as const, window: { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' } };
const viewParts: readonly ZohoMappingKey[] = ['account', 'contact', 'task', 'call', 'event', 'feedback', 'supportCase', 'opportunity', 'action'];

interface Cost {
  readonly roundTrips: number;
  readonly calls: number;
  readonly bytesDown: number;
  readonly bytesUp: number;
  readonly serverCalls: number;
}

/**
 * A client that counts calls, bytes both ways and waves (a call's wave is one more than the
 * latest wave of the calls that had ended before it started); the server's own count comes from
 * `org.calls`. It sits below the adapter's concurrency caps, so a call waiting for a slot starts
 * after one ended: the next wave.
 */
function meter(keep?: (request: { readonly url: string; readonly body?: string }) => void) {
  let calls = 0;
  let down = 0;
  let up = 0;
  let endedWave = 0;
  let waves = 0;
  const fetchTransport = createFetchTransport();
  const transport: HttpTransport = async (request) => {
    const wave = endedWave + 1;
    calls += 1;
    keep?.(request);
    up += encoder.encode(request.url).byteLength + (request.body === undefined ? 0 : encoder.encode(request.body).byteLength);
    const response = await fetchTransport(request);
    down += encoder.encode(response.text).byteLength;
    endedWave = Math.max(endedWave, wave);
    waves = Math.max(waves, wave);
    return response;
  };
  return { transport, read: () => ({ calls, down, up, waves }) };
}

async function measure<T>(org: ZohoOrg, run: (transport: HttpTransport, rounds: () => number) => Promise<{ value: T; rounds: number }>): Promise<{ value: T; cost: Cost }> {
  const client = meter();
  const before = org.calls.snapshot().total;
  const { value } = await run(client.transport, () => 0);
  const counted = client.read();
  return { value, cost: { roundTrips: counted.waves, calls: counted.calls, bytesDown: counted.down, bytesUp: counted.up, serverCalls: org.calls.snapshot().total - before } };
}

function gatewayOver(transport: HttpTransport, apiDomain: string): ZohoGateway {
  return createRestGateway(zohoTransport({ tokens: { current: () => Promise.resolve(accessToken), refresh: () => Promise.resolve(accessToken) }, transport }), parseZohoConnection({ apiDomain }));
}

/** Baseline 1: one COQL query per module, each paged to its end, one after another. */
async function sequentialCoql(gateway: ZohoGateway, accountId: string): Promise<number> {
  let records = 0;
  for (const key of viewParts) {
    const mapping = zohoDefaultMapping[key];
    const lookup = key === 'account' ? 'id' : mapping.fields['accountId'];
    if (typeof lookup !== 'string') continue;
    const rows = await coqlAll(gateway, { module: mapping.object, fields: mappedCrmFields(mapping).filter((field) => field !== 'id'), where: [{ field: lookup, op: '=', value: accountId }, ...touchpointConditions(zohoDefaultMapping, key)] });
    records += rows.length;
  }
  return records;
}

/** Baseline 2: the Records API cannot filter: list every module to its end and keep the account's rows. */
async function recordsApiListing(gateway: ZohoGateway, accountId: string): Promise<number> {
  let records = 0;
  for (const key of viewParts) {
    const mapping = zohoDefaultMapping[key];
    const lookup = key === 'account' ? 'id' : mapping.fields['accountId'];
    if (typeof lookup !== 'string') continue;
    const rows = await readAllRecords(gateway, mapping.object, mappedCrmFields(mapping));
    records += rows.filter((row) => {
      const value = row[lookup];
      return value === accountId || (typeof value === 'object' && value !== null && 'id' in value && value.id === accountId);
    }).length;
  }
  return records;
}

function accountQuery(source: ZohoRestDataSource, accountId: string) {
  return { queryKey: ['kizuna', source.kind, 'accountContext', accountId] as const, queryFn: ({ signal }: { readonly signal: AbortSignal }) => source.getAccountContext(accountId, { signal }), staleTime: 5 * 60_000 };
}

interface ViewResult {
  readonly cold: Cost;
  readonly warm: Cost;
  readonly sequential: Cost;
  readonly listing: Cost | undefined;
  readonly sameRecords: boolean;
  readonly rejected: number;
}

async function measureView(org: ZohoOrg, canonicalId: string, withListing: boolean): Promise<ViewResult> {
  const accountId = org.zohoIdOf('account', canonicalId);
  const client = meter();
  const source = createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => accessToken, transport: client.transport });
  const queryClient = new QueryClient();
  const options = accountQuery(source, accountId);
  const snap = () => ({ ...client.read(), rounds: source.rounds.rounds, server: org.calls.snapshot().total });
  const cost = (from: ReturnType<typeof snap>, to: ReturnType<typeof snap>): Cost => ({
    roundTrips: to.rounds - from.rounds,
    calls: to.calls - from.calls,
    bytesDown: to.down - from.down,
    bytesUp: to.up - from.up,
    serverCalls: to.server - from.server,
  });
  const s0 = snap();
  const context = await queryClient.fetchQuery(options);
  const s1 = snap();
  await queryClient.fetchQuery(options);
  const s2 = snap();
  queryClient.clear();
  const sequential = await measure(org, async (transport) => {
    const gateway = gatewayOver(transport, org.apiDomain);
    const value = await sequentialCoql(gateway, accountId);
    return { value, rounds: 0 };
  });
  const listing = withListing
    ? await measure(org, async (transport) => ({ value: await recordsApiListing(gatewayOver(transport, org.apiDomain), accountId), rounds: 0 }))
    : undefined;
  const viewRecords = 1 + context.contacts.length + context.touchpoints.length + context.feedback.length + context.supportCases.length + context.opportunities.length + context.actions.length;
  const sequentialCost = { ...sequential.cost, roundTrips: sequential.cost.calls };
  return {
    cold: cost(s0, s1),
    warm: cost(s1, s2),
    sequential: sequentialCost,
    listing: listing === undefined ? undefined : { ...listing.cost, roundTrips: listing.cost.calls },
    sameRecords: viewRecords === sequential.value && (listing === undefined || listing.value === viewRecords),
    rejected: context.rejected.length,
  };
}

/** The SOQL-like text of each COQL call (`select_query` of the body). */
function coqlOf(request: { readonly url: string; readonly body?: string }): string | undefined {
  if (!request.url.endsWith('/coql') || request.body === undefined) return undefined;
  const body: unknown = JSON.parse(request.body);
  return typeof body === 'object' && body !== null && 'select_query' in body && typeof body.select_query === 'string' ? body.select_query : undefined;
}

function mismatchesOf(kpi: PushableKpi, inMemory: KpiEvaluation, pushed: KpiEvaluation): number {
  const usable = businessUnitRequest.groupBy.filter((dimension) => kpiCatalogue[kpi].dimensions.includes(dimension));
  const others = new Map(pushed.groups.map((group) => [groupKeyOf(group.keys, usable), group.result] as const));
  let mismatches = Math.max(0, others.size - inMemory.groups.length);
  for (const group of inMemory.groups) {
    const other = others.get(groupKeyOf(group.keys, usable));
    const close = other !== undefined && other.n === group.result.n && Math.abs((other.value ?? 0) - (group.result.value ?? 0)) <= 1e-9 * Math.max(1, Math.abs(group.result.value ?? 0));
    if (!close) mismatches += 1;
  }
  return mismatches;
}

type PushableKpi = (typeof pushableKpis)[number];

function planOf(kpi: PushableKpi): AggregatePlan {
  const plan = compileKpi(kpiCatalogue[kpi], businessUnitRequest);
  if ('unsupported' in plan) throw new Error(`${kpi} was expected to compile to a plan: ${plan.unsupported}`);
  return plan;
}

interface BaselineModule {
  readonly module: string;
  readonly rows: number;
  readonly fetchedRows: number;
  readonly calls: number;
  readonly bytesDown: number;
}

/**
 * Baseline: every feedback, case, deal and account row with the mapped fields, 2,000 a COQL page
 * (past COQL's OFFSET reach of 100,000 a client pages by `id >` the last id: the same pages).
 * The first `pages` pages of each module are fetched; the rest are extrapolated from their bytes
 * per row and the module's row count. Modules are read at the same time, pages one after another.
 */
async function measureBaseline(org: ZohoOrg, pages: number) {
  const modules: BaselineModule[] = [];
  await Promise.all(
    (['feedback', 'supportCase', 'opportunity', 'account'] as const).map(async (key) => {
      const mapping = zohoDefaultMapping[key];
      const rows = org.records(mapping.object).length;
      const sample = meter();
      const sampled = gatewayOver(sample.transport, org.apiDomain);
      let fetchedRows = 0;
      let fetchedPages = 0;
      for await (const page of coqlPages(sampled, { module: mapping.object, fields: mappedCrmFields(mapping).filter((field) => field !== 'id'), orderBy: [{ field: 'id', direction: 'asc' }] })) {
        fetchedRows += page.length;
        fetchedPages += 1;
        if (fetchedPages >= pages) break;
      }
      const read = sample.read();
      const perRow = fetchedRows === 0 ? 0 : read.down / fetchedRows;
      modules.push({ module: mapping.object, rows, fetchedRows, calls: Math.max(1, Math.ceil(rows / coqlLimits.rowsPerCall)), bytesDown: fetchedRows >= rows ? read.down : Math.round(perRow * rows) });
    }),
  );
  const calls = modules.reduce((sum, module) => sum + module.calls, 0);
  return {
    modules,
    extrapolated: modules.some((module) => module.fetchedRows < module.rows),
    cost: { roundTrips: Math.max(...modules.map((module) => module.calls)), calls, bytesDown: modules.reduce((sum, module) => sum + module.bytesDown, 0), bytesUp: 0, serverCalls: calls },
  };
}

async function measureBusinessUnits(org: ZohoOrg, tables: FactTables, baselinePages: number) {
  const inMemory = new Map(pushableKpis.map((kpi) => [kpi, evaluateKpi(kpiCatalogue[kpi], tables, businessUnitRequest)] as const));
  const inMemoryOf = (kpi: PushableKpi): KpiEvaluation => {
    const evaluation = inMemory.get(kpi);
    if (evaluation === undefined) throw new Error(`no in-memory evaluation of ${kpi}`);
    return evaluation;
  };
  const plans = pushableKpis.map(planOf);

  // Each KPI's plan on its own, all KPIs at once (what a view without batching sends).
  let perKpiMismatches = 0;
  const perKpi = await measure(org, async (transport) => {
    const source = createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => accessToken, transport });
    await Promise.all(
      pushableKpis.map(async (kpi, index) => {
        const plan = plans[index];
        if (plan === undefined) return;
        const result = await source.runAggregatePlan(plan);
        if (!result.pushed) throw new Error(`${kpi} could not be pushed down: ${result.unsupported}`);
        perKpiMismatches += mismatchesOf(kpi, inMemoryOf(kpi), finishKpi(kpiCatalogue[kpi], businessUnitRequest, plan, result.totals));
      }),
    );
    return { value: undefined, rounds: 0 };
  });

  // The view: the KPIs' plans batched (plans that want the same breakdowns together), every batch sent at once.
  const batches = zohoBatchGroups(plans, zohoDefaultMapping).map((group) => ({ indexes: group.indexes, batch: batchPlans(group.indexes.flatMap((index) => plans[index] ?? []), { breakdownFields: group.breakdownFields }) }));
  const coql: string[] = [];
  const client = meter((request) => {
    const query = coqlOf(request);
    if (query !== undefined) coql.push(query);
  });
  const before = org.calls.snapshot().total;
  const started = performance.now();
  const source = createZohoDataSource({ connection: { apiDomain: org.apiDomain }, tokens: () => accessToken, transport: client.transport });
  const results = await Promise.all(batches.map(({ batch }) => source.runAggregatePlan(batch.plan)));
  const ms = performance.now() - started;
  let viewMismatches = 0;
  batches.forEach(({ indexes, batch }, position) => {
    const result = results[position];
    if (result === undefined || !result.pushed) throw new Error(`the batched view could not be pushed down: ${result?.pushed === false ? result.unsupported : 'no result'}`);
    const perPlan: Array<Record<string, GroupTotals[]>> = batch.totalsOf(result.totals);
    indexes.forEach((index, member) => {
      const kpi = pushableKpis[index];
      const plan = plans[index];
      if (kpi !== undefined && plan !== undefined) viewMismatches += mismatchesOf(kpi, inMemoryOf(kpi), finishKpi(kpiCatalogue[kpi], businessUnitRequest, plan, perPlan[member] ?? {}));
    });
  });
  const counted = client.read();
  const view: Cost = { roundTrips: counted.waves, calls: counted.calls, bytesDown: counted.down, bytesUp: counted.up, serverCalls: org.calls.snapshot().total - before };

  const baseline = await measureBaseline(org, baselinePages);
  return { view, perKpi: perKpi.cost, baseline, plannedQueries: batches.reduce((sum, { batch }) => sum + batch.plannedQueries, 0), queries: batches.reduce((sum, { batch }) => sum + Object.keys(batch.plan.queries).length, 0), coql, ms, viewMismatches, perKpiMismatches };
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { seed: { type: 'string' }, accounts: { type: 'string' }, views: { type: 'string' }, 'baseline-pages': { type: 'string' } },
  });
  const seed = Number(values.seed ?? 1);
  const accounts = Number(values.accounts ?? 102_000);
  const views = Number(values.views ?? 10);
  const baselinePages = Number(values['baseline-pages'] ?? 5);
  const started = performance.now();
  const dataset = generateOrganisation({ seed, accounts });
  const generated = performance.now();
  const org = createZohoOrg(dataset, { dataCentre: 'JP' });
  const seeded = performance.now();
  const tables = buildFactTables(dataset);
  const server = startZohoServer(org, { accessTokens: [accessToken] });
  const withListing = accounts <= 5_000;
  console.log(
    `Zoho CRM round trips — simulated org, JP data centre: ${number(accounts)} accounts (seed ${seed}), ${number(dataset.feedback.length)} feedback rows; ` +
      `generated in ${number((generated - started) / 1000, 1)} s, seeded in ${number((seeded - generated) / 1000, 1)} s, RSS ${number(process.memoryUsage.rss() / 2 ** 30, 1)} GB`,
  );
  try {
    const step = Math.max(1, Math.floor(dataset.accounts.length / views));
    const sample = dataset.accounts.filter((_, index) => index % step === 0).slice(0, views).map((account) => account.id);
    const results: ViewResult[] = [];
    for (const [index, id] of sample.entries()) results.push(await measureView(org, id, withListing && index === 0));
    const med = (pick: (view: ViewResult) => Cost | undefined) => {
      const costs = results.map(pick).filter((cost): cost is Cost => cost !== undefined);
      return {
        roundTrips: median(costs.map((c) => c.roundTrips)),
        calls: median(costs.map((c) => c.calls)),
        bytesDown: median(costs.map((c) => c.bytesDown)),
        bytesUp: median(costs.map((c) => c.bytesUp)),
        serverCalls: median(costs.map((c) => c.serverCalls)),
      };
    };
    const cold = med((v) => v.cold);
    const warm = med((v) => v.warm);
    const sequential = med((v) => v.sequential);
    const unit = await measureBusinessUnits(org, tables, baselinePages);
    const row = (name: string, cost: Cost, base: Cost | undefined, target: string, met: string) => [
      name,
      number(cost.roundTrips),
      number(cost.calls),
      kilobytes(cost.bytesDown),
      kilobytes(cost.bytesUp),
      base === undefined ? '—' : `${timesFewer(base.roundTrips, cost.roundTrips)} / ${timesFewer(base.calls, cost.calls)} / ${timesFewer(base.bytesDown, cost.bytesDown)}`,
      target,
      met,
    ];
    const maxCold = Math.max(...results.map((v) => v.cold.roundTrips));
    const buMet = (cost: Cost) => String(cost.roundTrips <= 2 && cost.bytesDown <= 64 * 1024);
    const listingRows = withListing
      ? [row('baseline: Records API, every module listed to the end (1st account only)', med((v) => v.listing), undefined, '—', '—')]
      : [];
    const extrapolated = unit.baseline.extrapolated ? `, first ${baselinePages} pages per module fetched, the rest extrapolated` : '';
    printTable(
      ['scenario', 'round trips (waves)', 'calls', 'KB down', 'KB up', '× fewer than baseline (RT / calls / bytes)', 'target', 'target met'],
      [
        row(`cold account view (median of ${results.length})`, cold, sequential, `≤ 3 RT (max seen ${maxCold})`, String(results.every((v) => v.cold.roundTrips <= 3))),
        row('baseline: one COQL query per module, one after another', sequential, undefined, '—', '—'),
        ...listingRows,
        row(`warm account view, QueryClient staleTime 5 min (median of ${results.length})`, warm, sequential, '0 RT', String(results.every((v) => v.warm.calls === 0))),
        row(`BU × segment, ${pushableKpis.length} KPIs batched: ${unit.plannedQueries} plan queries → ${unit.queries} COQL aggregates`, unit.view, unit.baseline.cost, '≤ 2 RT, ≤ 64 KB', buMet(unit.view)),
        row(`BU × segment, each KPI's plan on its own (all KPIs at once)`, unit.perKpi, unit.baseline.cost, '≤ 2 RT, ≤ 64 KB', buMet(unit.perKpi)),
        row(`baseline: all feedback, case, deal and account rows, 2,000 a COQL page, modules at once${extrapolated}`, unit.baseline.cost, undefined, '—', '—'),
      ],
    );
    console.log(`\nbaseline by module: ${unit.baseline.modules.map((m) => `${m.module} ${number(m.rows)} rows, ${number(m.calls)} calls, ${kilobytes(m.bytesDown)} KB (${number(m.fetchedRows)} rows fetched)`).join('; ')}`);
    console.log(`batched view: ${number(unit.ms / 1000, 1)} s against the simulator; COQL sent:\n${unit.coql.map((query) => `  ${query}`).join('\n')}`);
    const sameAsServer = results.every((v) => v.cold.calls === v.cold.serverCalls && v.sequential.calls === v.sequential.serverCalls) && unit.view.calls === unit.view.serverCalls && unit.perKpi.calls === unit.perKpi.serverCalls;
    console.log(`\nchecks: same records in the view and the baselines: ${String(results.every((v) => v.sameRecords))}; rejected records: ${results.reduce((sum, v) => sum + v.rejected, 0)}; ` +
      `client call counts equal the simulator's: ${String(sameAsServer)}; KPI groups differing from evaluateKpi in memory: batched ${unit.viewMismatches}, per KPI ${unit.perKpiMismatches}`);
  } finally {
    server.close();
  }
}

await run();
