// CRM round trips and bytes of Kizuna's Salesforce reads, against naive per-object fetching in the
// same run, over the simulated org of @kizuna/crm-sim seeded with ~1,000,000 feedback rows
// (≈102,000 accounts, seed 1). A plain script, not a Vitest test; it never asserts figures:
//   pnpm --filter @kizuna/bench run crm-round-trips   [-- --accounts N --views N --baseline-pages N]
//
// Scenarios (issue: cold account view target 1 round trip, warm 0, business-unit view with
// pushdown ≤ 2 round trips and ≤ 64 KB):
//   1. cold account view: `getAccountContext` on a fresh data source (one composite request);
//   2. warm account view: the second view of the same account through a react-query cache
//      (@tanstack/query-core QueryClient, fetchQuery, the widgets' staleTime of 5 minutes);
//   3. business unit × segment for the eight pushable KPIs: the view as one batch (batchPlans →
//      runAggregatePlan, aggregates five to a composite → totalsOf → finishKpi), and each KPI's
//      plan pushed down on its own.
// Baselines: one REST query per object of the view, paged to the end (1, 2); every row of the
// objects the KPIs read, paged (3). Round trips and bytes are counted by the client
// (crm-core's withCallAccounting) and checked against the simulator's own count (org.calls).
// Bytes are response bodies (the wire's "down" direction) unless labelled "up".
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFactTables, type FactTables } from '@kizuna/metrics';
import type { CanonicalDataset } from '@kizuna/model';
import { measureAccountView, spreadAccounts, type AccountViewMeasurement } from './crmRoundTrips/accountViews';
import { measureBusinessUnitBaseline, type BusinessUnitBaseline } from './crmRoundTrips/businessUnitBaseline';
import { businessUnitRequest, measureBusinessUnitView, minimumComposites, pushableKpis, type BusinessUnitViewResult } from './crmRoundTrips/businessUnitView';
import { kilobytes, median, number, printTable, timesFewer } from './crmRoundTrips/format';
import { clientMatchesServer, type WireCost } from './crmRoundTrips/meter';
import { startSimulatedOrganisation, type SimulatedOrganisation } from './crmRoundTrips/simulatedOrg';

const KB = 1024;
/** The issue's targets. */
const targets = { cold: 1, warm: 0, businessUnitRoundTrips: 2, businessUnitBytes: 64 * KB } as const;

interface Options {
  readonly seed: number;
  readonly accounts: number;
  readonly views: number;
  readonly baselinePages: number;
}

function options(): Options {
  const { values } = parseArgs({
    // `pnpm run crm-round-trips -- --views 5` hands the script a literal `--`.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { seed: { type: 'string' }, accounts: { type: 'string' }, views: { type: 'string' }, 'baseline-pages': { type: 'string' } },
  });
  return {
    seed: Number(values.seed ?? 1),
    accounts: Number(values.accounts ?? 102_000),
    views: Number(values.views ?? 20),
    baselinePages: values['baseline-pages'] === undefined ? Number.POSITIVE_INFINITY : Number(values['baseline-pages']),
  };
}

/** The account with the most records in its view (the one most likely to need paging). */
function heaviestAccount(dataset: CanonicalDataset): string {
  const counts = new Map<string, number>();
  const add = (accountId: string) => counts.set(accountId, (counts.get(accountId) ?? 0) + 1);
  for (const row of dataset.feedback) add(row.accountId);
  for (const row of dataset.touchpoints) add(row.accountId);
  for (const row of dataset.supportCases) add(row.accountId);
  for (const row of dataset.opportunities) add(row.accountId);
  for (const row of dataset.contacts) add(row.accountId);
  let best = dataset.accounts[0]?.id ?? '';
  for (const [accountId, count] of counts) if (count > (counts.get(best) ?? 0)) best = accountId;
  return best;
}

interface Prepared {
  readonly tables: FactTables;
  readonly sampleAccounts: readonly string[];
  readonly heaviest: string;
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly buildTablesSeconds: number;
}

/** Fact tables and the accounts to view; the dataset itself is not kept (the org has its own copy). */
function prepare(dataset: CanonicalDataset, views: number): Prepared {
  const started = performance.now();
  const tables = buildFactTables(dataset);
  const buildTablesSeconds = (performance.now() - started) / 1000;
  const heaviest = heaviestAccount(dataset);
  const spread = spreadAccounts(dataset.accounts.map((account) => account.id), Math.max(1, views - 1));
  return {
    tables,
    sampleAccounts: spread.includes(heaviest) ? spread : [...spread, heaviest],
    heaviest,
    rowCounts: {
      accounts: dataset.accounts.length,
      contacts: dataset.contacts.length,
      touchpoints: dataset.touchpoints.length,
      feedback: dataset.feedback.length,
      supportCases: dataset.supportCases.length,
      opportunities: dataset.opportunities.length,
    },
    buildTablesSeconds,
  };
}

/** Generates and seeds the org and prepares what the scenarios need; the dataset is dropped on return (the org keeps its own copy). */
function setUp(opts: Options): { readonly sim: Omit<SimulatedOrganisation, 'dataset'>; readonly prepared: Prepared } {
  const { dataset, ...sim } = startSimulatedOrganisation({ seed: opts.seed, accounts: opts.accounts });
  return { sim, prepared: prepare(dataset, opts.views) };
}

interface ScenarioRow {
  readonly scenario: string;
  readonly roundTrips: number;
  readonly bytesDown: number;
  readonly bytesUp: number;
  readonly baseline: string | null;
  /** Baseline ÷ this scenario (null factors: this scenario is 0), as text and as numbers. */
  readonly vsBaseline: {
    readonly roundTrips: string;
    readonly bytes: string;
    readonly roundTripsFactor: number | null;
    readonly bytesFactor: number | null;
  } | null;
  readonly target: string;
  readonly targetMet: boolean | null;
}

function scenarioRows(views: readonly AccountViewMeasurement[], unit: BusinessUnitViewResult, baseline: BusinessUnitBaseline): ScenarioRow[] {
  const med = (pick: (view: AccountViewMeasurement) => number) => median(views.map(pick));
  const cold = { roundTrips: med((v) => v.cold.roundTrips), bytesDown: med((v) => v.cold.bytesDown), bytesUp: med((v) => v.cold.bytesUp) };
  const warm = { roundTrips: med((v) => v.warm.roundTrips), bytesDown: med((v) => v.warm.bytesDown), bytesUp: med((v) => v.warm.bytesUp) };
  const naive = { roundTrips: med((v) => v.naive.roundTrips), bytesDown: med((v) => v.naive.bytesDown), bytesUp: med((v) => v.naive.bytesUp) };
  const naiveAgain = { roundTrips: med((v) => v.naiveAgain.roundTrips), bytesDown: med((v) => v.naiveAgain.bytesDown), bytesUp: med((v) => v.naiveAgain.bytesUp) };
  const maxCold = Math.max(...views.map((v) => v.cold.roundTrips));
  const maxWarm = Math.max(...views.map((v) => v.warm.roundTrips));
  const vs = (base: { roundTrips: number; bytesDown: number }, own: { roundTrips: number; bytesDown: number }) => ({
    roundTrips: timesFewer(base.roundTrips, own.roundTrips),
    bytes: timesFewer(base.bytesDown, own.bytesDown),
    roundTripsFactor: own.roundTrips === 0 ? null : base.roundTrips / own.roundTrips,
    bytesFactor: own.bytesDown === 0 ? null : base.bytesDown / own.bytesDown,
  });
  const perKpiTotal = unit.perKpiTotal;
  const view = unit.view.cost;
  const unitBase = { roundTrips: baseline.roundTrips, bytesDown: baseline.bytesDown };
  const buTarget = `≤ ${targets.businessUnitRoundTrips} RT, ≤ 64 KB`;
  const buMet = (cost: WireCost) => cost.roundTrips <= targets.businessUnitRoundTrips && cost.bytesDown <= targets.businessUnitBytes;
  const baselineLabel = baseline.extrapolated ? ' (partly extrapolated)' : '';
  return [
    {
      scenario: `cold account view: getAccountContext, fresh data source (median of ${views.length})`,
      ...cold,
      baseline: 'naive per-object',
      vsBaseline: vs(naive, cold),
      target: `${targets.cold} RT (max seen ${maxCold})`,
      targetMet: views.every((v) => v.cold.roundTrips === targets.cold),
    },
    { scenario: 'baseline: naive per-object (8 REST queries, each paged to the end)', ...naive, baseline: null, vsBaseline: null, target: '—', targetMet: null },
    {
      scenario: `warm account view: 2nd view via QueryClient.fetchQuery, staleTime 5 min (median of ${views.length})`,
      ...warm,
      baseline: 'naive per-object, again',
      vsBaseline: vs(naiveAgain, warm),
      target: `${targets.warm} RT (max seen ${maxWarm})`,
      targetMet: views.every((v) => v.warm.roundTrips === targets.warm && v.warmFromCache),
    },
    { scenario: 'baseline: naive per-object again (no cache)', ...naiveAgain, baseline: null, vsBaseline: null, target: '—', targetMet: null },
    {
      scenario: `BU × segment view, ${pushableKpis.length} KPIs with pushdown: ${unit.view.plannedQueries} plan queries batched into ${unit.view.queries} aggregates, ≤ 5 per composite`,
      roundTrips: view.roundTrips,
      bytesDown: view.bytesDown,
      bytesUp: view.bytesUp,
      baseline: 'all rows paged',
      vsBaseline: vs(unitBase, view),
      target: buTarget,
      targetMet: buMet(view),
    },
    {
      scenario: `the same ${pushableKpis.length} KPIs pushed down one plan at a time (no batching across KPIs)`,
      roundTrips: perKpiTotal.roundTrips,
      bytesDown: perKpiTotal.bytesDown,
      bytesUp: perKpiTotal.bytesUp,
      baseline: 'all rows paged',
      vsBaseline: vs(unitBase, perKpiTotal),
      target: '—',
      targetMet: null,
    },
    {
      scenario: `baseline: all feedback, case, opportunity and account rows, paged${baselineLabel}`,
      roundTrips: baseline.roundTrips,
      bytesDown: baseline.bytesDown,
      bytesUp: baseline.bytesUp,
      baseline: null,
      vsBaseline: null,
      target: '—',
      targetMet: null,
    },
  ];
}

function printScenarios(rows: readonly ScenarioRow[]): void {
  printTable(
    ['scenario', 'round trips', 'KB down', 'KB up', '× fewer than baseline (RT / bytes)', 'target', 'target met'],
    rows.map((row) => [
      row.scenario,
      number(row.roundTrips, Number.isInteger(row.roundTrips) ? 0 : 1),
      kilobytes(row.bytesDown),
      kilobytes(row.bytesUp),
      row.vsBaseline === null ? '—' : `${row.vsBaseline.roundTrips} / ${row.vsBaseline.bytes}`,
      row.target,
      row.targetMet === null ? '—' : row.targetMet ? 'yes' : 'no',
    ]),
  );
}

function printPerKpi(unit: BusinessUnitViewResult): void {
  printTable(
    ['KPI (BU × segment, window 2025-10-01 → 2026-10-01)', 'plan queries', 'round trips alone', 'KB down alone', 'KB up alone', 'groups', 'vs evaluateKpi: alone / in the view'],
    unit.perKpi.map((entry) => {
      const batched = unit.view.vsInMemory[entry.kpi];
      const verdict = (mismatches: number, groups: number) => (mismatches === 0 ? `equal (${groups})` : `${mismatches} DIFFER`);
      return [
        entry.kpi,
        number(entry.planQueries),
        number(entry.cost.roundTrips),
        kilobytes(entry.cost.bytesDown),
        kilobytes(entry.cost.bytesUp),
        number(entry.vsInMemory.groups),
        `${verdict(entry.vsInMemory.mismatches, entry.vsInMemory.groups)} / ${verdict(batched.mismatches, batched.groups)}`,
      ];
    }),
  );
}

function printBaselineObjects(baseline: BusinessUnitBaseline): void {
  printTable(
    ['baseline object', 'rows', 'pages (round trips)', 'MB down', 'bytes/row', 'seconds', 'measured'],
    baseline.objects.map((entry) => [
      entry.object,
      number(entry.rows),
      number(entry.pages),
      number(entry.bytesDown / 1e6, 1),
      number(entry.bytesDown / Math.max(1, entry.rows)),
      number(entry.ms / 1000, 1),
      entry.extrapolated ? `extrapolated from ${number(entry.measured.pages)} page(s)` : 'in full',
    ]),
  );
}

async function main(): Promise<void> {
  const opts = options();
  console.log(`CRM round trips — simulated Salesforce org (@kizuna/crm-sim over msw/node), seed ${opts.seed}, ${number(opts.accounts)} accounts`);
  console.log(`Node ${process.version}, ${availableParallelism()} CPU(s), load average ${loadavg().map((load) => number(load, 1)).join(' / ')} (times below are wall-clock and informative only). Bytes are response bodies ("down") unless "up" (request URL + body). 1 KB = 1,024 bytes.\n`);

  const { sim, prepared } = setUp(opts);
  console.log(
    `Organisation: ${Object.entries(prepared.rowCounts).map(([name, count]) => `${number(count)} ${name}`).join(', ')}.`,
  );
  console.log(
    `Generated in ${number(sim.generateSeconds, 1)} s, seeded into the org in ${number(sim.seedSeconds, 1)} s, fact tables (for evaluateKpi) in ${number(prepared.buildTablesSeconds, 1)} s; RSS after seeding ${number(sim.rssAfterSeeding / 1e6)} MB.\n`,
  );

  try {
    const views: AccountViewMeasurement[] = [];
    for (const accountId of prepared.sampleAccounts) views.push(await measureAccountView(sim.org, accountId));
    const unit = await measureBusinessUnitView(sim.org, prepared.tables);
    const baseline = await measureBusinessUnitBaseline(sim.org, opts.baselinePages);
    const rows = scenarioRows(views, unit, baseline);

    printScenarios(rows);
    console.log('');
    printPerKpi(unit);
    console.log('');
    printBaselineObjects(baseline);
    console.log('');

    const heaviest = views.find((view) => view.canonicalId === prepared.heaviest);
    const allCosts = [
      ...views.flatMap((view) => [view.cold, view.warm, view.naive, view.naiveAgain]),
      ...unit.perKpi.map((entry) => entry.cost),
      unit.view.cost,
      ...baseline.objects.map((entry) => entry.measured.cost),
    ];
    const queries = unit.view.queries;
    const checks = {
      clientCountsMatchSimulator: allCosts.every(clientMatchesServer),
      accountViewsReadSameRecordsAsNaive: views.every((view) => view.sameRecords),
      accountViewsRejectedOrUnavailable: views.reduce((total, view) => total + view.rejected + view.unavailable, 0),
      warmViewsServedFromCache: views.every((view) => view.warmFromCache),
      perKpiPushdownEqualsEvaluateKpi: unit.perKpi.every((entry) => entry.vsInMemory.mismatches === 0 && entry.vsInMemory.groups > 0),
      viewEqualsEvaluateKpi: Object.values(unit.view.vsInMemory).every((entry) => entry.mismatches === 0 && entry.groups > 0),
      viewSoqlCount: unit.view.soql.length === queries,
    };

    console.log(`Account views: ${views.length} accounts (${views.length - 1} spread evenly over the organisation, plus the one with the most records, ${prepared.heaviest}: `
      + `${heaviest === undefined ? '?' : `${number(heaviest.cold.roundTrips)} round trip(s) cold, ${kilobytes(heaviest.cold.bytesDown)} KB; naive ${number(heaviest.naive.roundTrips)} round trips, ${kilobytes(heaviest.naive.bytesDown)} KB`}).`);
    console.log(`  cold round trips min/median/max: ${number(Math.min(...views.map((v) => v.cold.roundTrips)))}/${number(median(views.map((v) => v.cold.roundTrips)), 1)}/${number(Math.max(...views.map((v) => v.cold.roundTrips)))}; `
      + `KB down min/median/max: ${kilobytes(Math.min(...views.map((v) => v.cold.bytesDown)))}/${kilobytes(median(views.map((v) => v.cold.bytesDown)))}/${kilobytes(Math.max(...views.map((v) => v.cold.bytesDown)))}.`);
    console.log(`  The warm view is 0 round trips because the UI's cache answers it (fresh for staleTime = 5 min); the data source itself caches nothing, so a view after staleTime (or a reload) is a cold one again.`);
    console.log(`Business-unit view: ${number(unit.view.plannedQueries)} plan queries for the ${pushableKpis.length} KPIs (${unit.perKpi.map((e) => `${e.kpi} ${e.planQueries}`).join(', ')}), batched into ${queries} aggregate queries `
      + `(the fewest composites for them: ${minimumComposites(queries)}): ${number(unit.view.cost.roundTrips)} round trip(s), ${kilobytes(unit.view.cost.bytesDown)} KB down → round-trip target ≤ ${targets.businessUnitRoundTrips} ${unit.view.cost.roundTrips <= targets.businessUnitRoundTrips ? 'met' : 'NOT met'}, bytes target ≤ 64 KB ${unit.view.cost.bytesDown <= targets.businessUnitBytes ? 'met' : 'NOT met'}.`);
    console.log('  The aggregates it sends:');
    for (const statement of unit.view.soql) console.log(`    ${statement}`);
    console.log(`  One plan at a time instead: ${number(unit.perKpiTotal.roundTrips)} round trips, ${kilobytes(unit.perKpiTotal.bytesDown)} KB down.`);
    console.log(`  Daily API allocation used: the view ${number(unit.view.cost.apiUsage)} calls, one plan at a time ${number(unit.perKpiTotal.apiUsage)} (a composite counts once, whatever its subrequests).`);
    console.log(`  In-memory evaluateKpi of the same ${pushableKpis.length} KPIs over the fact tables: ${number(unit.inMemoryMs)} ms; the view pushed down ${number(unit.view.ms)} ms, one plan at a time ${number(unit.perKpiMs)} ms (simulator in-process, no network latency).`);
    console.log(`Baseline rows: ${number(baseline.rows)} in ${number(baseline.roundTrips)} pages, ${number(baseline.bytesDown / 1e6, 1)} MB down${baseline.extrapolated ? ' (partly extrapolated: see the table above)' : ' (all measured)'}.`);
    console.log(`Checks: ${Object.entries(checks).map(([name, value]) => `${name} ${String(value)}`).join('; ')}.`);

    const out = fileURLToPath(new URL('./out/crmRoundTrips.json', import.meta.url));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(
      out,
      `${JSON.stringify(
        {
          benchmark: 'crm-round-trips',
          options: { ...opts, baselinePages: Number.isFinite(opts.baselinePages) ? opts.baselinePages : null },
          node: process.version,
          organisation: prepared.rowCounts,
          setupSeconds: { generate: sim.generateSeconds, seed: sim.seedSeconds, buildFactTables: prepared.buildTablesSeconds },
          targets,
          scenarios: rows,
          accountViews: views,
          businessUnitView: {
            request: businessUnitRequest,
            view: unit.view,
            perKpi: unit.perKpi,
            perKpiTotal: unit.perKpiTotal,
            minimumComposites: minimumComposites(queries),
            inMemoryMs: unit.inMemoryMs,
          },
          businessUnitBaseline: baseline,
          checks,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nFigures written to ${out}`);
  } finally {
    sim.server.close();
  }
}

await main();
