// Baseline: DuckDB (native, @duckdb/node-api) computing the same group totals with SQL GROUP BYs,
// one query per fact table and cut (conditional aggregates with FILTER, the idiomatic way), from
// tables appended from the same dictionary codes and numbers (missing → NULL).
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { FactSource } from '@kizuna/metrics';
import { codeOf, type BaselineTable, type BaselineTables } from './baselineColumns';
import { collectTotals, sourceGroupBy, type AggregateRow, type SourceRows } from './baselineTotals';
import { windowMs, type EngineTotals, type Grouping } from './groupTotals';

const CHUNK_ROWS = 2048;

export interface DuckDbBaseline {
  readonly version: string;
  /** Sets DuckDB's worker threads for the following runs. */
  setThreads(threads: number): Promise<void>;
  run(): Promise<EngineTotals>;
  close(): void;
}

async function loadTable(connection: DuckDBConnection, table: BaselineTable): Promise<void> {
  const columns = table.columns;
  await connection.run(
    `CREATE OR REPLACE TABLE ${table.source} (${columns.map((c) => `${c.name} ${c.kind === 'code' ? 'INTEGER' : 'DOUBLE'}`).join(', ')})`,
  );
  const appender = await connection.createAppender(table.source);
  const types = columns.map((c) => (c.kind === 'code' ? INTEGER : DOUBLE));
  for (let start = 0; start < table.length; start += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, table.length - start);
    const chunk = DuckDBDataChunk.create(types, size);
    chunk.setColumns(
      columns.map((column) => {
        const values: DuckDBValue[] = new Array<DuckDBValue>(size);
        for (let i = 0; i < size; i += 1) {
          const value = column.data[start + i] ?? Number.NaN;
          values[i] = column.kind === 'code' ? (value < 0 ? null : value) : Number.isNaN(value) ? null : value;
        }
        return values;
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

function queries(tables: BaselineTables, grouping: Grouping): Record<FactSource, string> {
  const { from, to } = windowMs;
  const f = tables.feedback.facts;
  const o = tables.opportunity.facts;
  const c = tables.contact.facts;
  const [nps, csat, ces] = ['nps_0_10', 'csat_1_5', 'ces2_1_7'].map((scale) => codeOf(f, 'scale', scale));
  const relationship = codeOf(f, 'programme', 'relationship');
  const [renewal, expansion] = ['renewal', 'expansion'].map((type) => codeOf(o, 'type', type));
  const [won, lost] = ['won', 'lost'].map((status) => codeOf(o, 'status', status));
  const [decisionMaker, sponsor] = ['decision_maker', 'executive_sponsor'].map((role) => codeOf(c, 'role', role));
  const g = (source: FactSource) => sourceGroupBy(source, grouping).join(', ');
  const heard = (key: string) =>
    `SELECT DISTINCT ${key} AS k FROM feedback WHERE programme = ${relationship} AND respondedAt >= ${from} AND respondedAt < ${to} AND ${key} IS NOT NULL`;
  const closedRenewal = `type = ${renewal} AND status IN (${won}, ${lost})`;
  return {
    feedback: `SELECT ${g('feedback')},
        count(*) FILTER (scale = ${nps})::DOUBLE AS nps_n,
        count(*) FILTER (scale = ${nps} AND score >= 9)::DOUBLE AS nps_promoters,
        count(*) FILTER (scale = ${nps} AND score <= 6)::DOUBLE AS nps_detractors,
        count(*) FILTER (scale = ${csat})::DOUBLE AS csat_n,
        count(*) FILTER (scale = ${csat} AND score >= 4)::DOUBLE AS csat_successes,
        count(*) FILTER (scale = ${ces})::DOUBLE AS ces_n,
        count(*) FILTER (scale = ${ces} AND score >= 5)::DOUBLE AS ces_successes,
        sum(score) FILTER (scale = ${ces}) AS ces_sum,
        sum(score * score) FILTER (scale = ${ces}) AS ces_sumsq
      FROM feedback
      WHERE respondedAt >= ${from} AND respondedAt < ${to} AND scale IN (${nps}, ${csat}, ${ces})
      GROUP BY ALL`,
    supportCase: `SELECT ${g('supportCase')},
        count(*)::DOUBLE AS cases_n, sum(escalated) AS escalated,
        count(withinSla)::DOUBLE AS sla_n, sum(withinSla) AS sla_successes,
        count(firstResponseHours)::DOUBLE AS frh_n,
        quantile_cont(firstResponseHours, 0.5) AS frh_p50, quantile_cont(firstResponseHours, 0.9) AS frh_p90,
        count(resolutionHours)::DOUBLE AS res_n,
        quantile_cont(resolutionHours, 0.5) AS res_p50, quantile_cont(resolutionHours, 0.9) AS res_p90
      FROM supportCase WHERE openedAt >= ${from} AND openedAt < ${to}
      GROUP BY ALL`,
    opportunity: `SELECT ${g('opportunity')},
        count(*) FILTER (${closedRenewal})::DOUBLE AS renewal_closed,
        count(*) FILTER (type = ${renewal} AND status = ${won})::DOUBLE AS renewal_won,
        count(*) FILTER (${closedRenewal} AND renewingAmount IS NOT NULL)::DOUBLE AS up_n,
        sum(renewingAmount) FILTER (${closedRenewal}) AS up_renewing,
        sum(least(amount, renewingAmount)) FILTER (type = ${renewal} AND status = ${won} AND renewingAmount IS NOT NULL) AS kept,
        sum(amount) FILTER (type = ${renewal} AND status = ${won} AND renewingAmount IS NOT NULL) AS won_renewal_amount,
        count(*) FILTER (type = ${expansion} AND status = ${won})::DOUBLE AS won_expansion_n,
        sum(amount) FILTER (type = ${expansion} AND status = ${won}) AS won_expansion_amount
      FROM opportunity WHERE closeDate >= ${from} AND closeDate < ${to}
      GROUP BY ALL`,
    account: `WITH heard AS (${heard('accountKey')}),
        a AS (SELECT *, customerSince < ${to} AND (churnedOn IS NULL OR churnedOn >= ${from}) AS during FROM account)
      SELECT ${g('account')},
        count(*) FILTER (during)::DOUBLE AS during_n,
        count(*) FILTER (during AND churnedOn >= ${from} AND churnedOn < ${to})::DOUBLE AS churned,
        sum(arr) FILTER (during) AS arr,
        sum(arr) FILTER (during AND heard.k IS NOT NULL) AS covered_arr,
        count(onboardingDays) FILTER (onboardingCompletedOn >= ${from} AND onboardingCompletedOn < ${to})::DOUBLE AS onboarded_n,
        quantile_cont(onboardingDays, 0.5) FILTER (onboardingCompletedOn >= ${from} AND onboardingCompletedOn < ${to}) AS onboarding_p50,
        count(healthScore)::DOUBLE AS health_n, sum(healthScore) AS health_sum, sum(healthScore * healthScore) AS health_sumsq
      FROM a LEFT JOIN heard ON heard.k = a.accountKey
      GROUP BY ALL`,
    contact: `WITH heard AS (${heard('contactKey')})
      SELECT ${g('contact')}, count(*)::DOUBLE AS dm_n, count(heard.k)::DOUBLE AS dm_heard
      FROM contact LEFT JOIN heard ON heard.k = contact.contactKey
      WHERE role IN (${decisionMaker}, ${sponsor})
      GROUP BY ALL`,
    employeePulse: `SELECT ${g('employeePulse')},
        sum(promoters) AS promoters, sum(passives) AS passives, sum(detractors) AS detractors,
        sum(respondents) AS respondents, sum(engagementSum) AS engagementSum
      FROM employeePulse WHERE periodStart >= ${from} AND periodStart < ${to}
      GROUP BY ALL`,
  };
}

function asNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`unexpected DuckDB value ${String(value)}`);
}

async function aggregate(connection: DuckDBConnection, tables: BaselineTables, grouping: Grouping): Promise<SourceRows> {
  const sql = queries(tables, grouping);
  const rows = {} as Record<FactSource, AggregateRow[]>;
  for (const source of Object.keys(sql) as FactSource[]) {
    const groupBy = sourceGroupBy(source, grouping);
    const reader = await connection.runAndReadAll(sql[source]);
    rows[source] = reader.getRowObjectsJS().map((row) => {
      const values: Record<string, number | null> = {};
      for (const [name, value] of Object.entries(row)) values[name] = asNumber(value);
      return { codes: groupBy.map((dimension) => values[dimension] ?? null), values };
    });
  }
  return rows;
}

/** Creates an in-memory DuckDB, loads the tables (the caller times this) and returns the runner. */
export async function loadDuckDb(tables: BaselineTables, threads: number): Promise<DuckDbBaseline> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  for (const table of Object.values(tables)) await loadTable(connection, table);
  const version = String((await connection.runAndReadAll('SELECT version()')).getRowsJS()[0]?.[0] ?? '?');
  return {
    version,
    setThreads: async (count) => void (await connection.run(`SET threads = ${count}`)),
    run: () => collectTotals(tables, (grouping) => aggregate(connection, tables, grouping)),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
