// Baseline: Arquero computing the same group totals with filter → groupby → rollup, on tables
// built from the same typed arrays (no copies). Each KPI family filters to its population first
// (cheaper in Arquero than conditional aggregates over every row), then aggregates.
import type { FactSource } from '@kizuna/metrics';
import { table, type ColumnTable } from 'arquero';
import { codeOf, type BaselineTables } from './baselineColumns';
import { collectTotals, sourceGroupBy, type AggregateRow, type SourceRows } from './baselineTotals';
import { windowMs, type EngineTotals, type Grouping } from './groupTotals';

export interface ArqueroBaseline {
  run(): Promise<EngineTotals>;
}

type ArqueroTables = Readonly<Record<FactSource, ColumnTable>>;

/** Arquero tables over the typed arrays, with the filter literals as parameters (`$.name`). */
export function loadArquero(tables: BaselineTables): ArqueroTables {
  const f = tables.feedback.facts;
  const o = tables.opportunity.facts;
  const c = tables.contact.facts;
  const params = {
    from: windowMs.from,
    to: windowMs.to,
    nps: codeOf(f, 'scale', 'nps_0_10'),
    csat: codeOf(f, 'scale', 'csat_1_5'),
    ces: codeOf(f, 'scale', 'ces2_1_7'),
    relationship: codeOf(f, 'programme', 'relationship'),
    renewal: codeOf(o, 'type', 'renewal'),
    expansion: codeOf(o, 'type', 'expansion'),
    won: codeOf(o, 'status', 'won'),
    lost: codeOf(o, 'status', 'lost'),
    decisionMaker: codeOf(c, 'role', 'decision_maker'),
    sponsor: codeOf(c, 'role', 'executive_sponsor'),
  };
  const build = (source: FactSource): ColumnTable => {
    const columns = Object.fromEntries(tables[source].columns.map((column) => [column.name, column.data]));
    const built = table(columns);
    built.params(params);
    return built;
  };
  return {
    feedback: build('feedback'),
    supportCase: build('supportCase'),
    opportunity: build('opportunity'),
    account: build('account'),
    contact: build('contact'),
    employeePulse: build('employeePulse'),
  };
}

/** Rows of a rollup: the group columns' codes and every other column's number. */
function rowsOf(result: ColumnTable, groupBy: readonly string[]): AggregateRow[] {
  const names = result.columnNames().filter((name) => !groupBy.includes(name));
  const rows: AggregateRow[] = [];
  for (let row = 0; row < result.numRows(); row += 1) {
    const values: Record<string, number | null> = {};
    for (const name of names) {
      const value = result.get(name, row);
      values[name] = typeof value === 'number' ? value : null;
    }
    rows.push({ codes: groupBy.map((name) => Number(result.get(name, row))), values });
  }
  return rows;
}

const inWindow = (field: string): string => `(d, $) => d.${field} >= $.from && d.${field} < $.to`;

interface Shared {
  readonly feedback: ColumnTable;
  readonly heardAccounts: ColumnTable;
  readonly heardContacts: ColumnTable;
  readonly supportCase: ColumnTable;
  readonly opportunity: ColumnTable;
  readonly account: ColumnTable;
  readonly during: ColumnTable;
  readonly onboarded: ColumnTable;
  readonly decisionMakers: ColumnTable;
  readonly employeePulse: ColumnTable;
}

/** Filters that do not depend on the cut, computed once per run. */
function populations(t: ArqueroTables): Shared {
  const feedback = t.feedback.filter(inWindow('respondedAt'));
  const relationship = feedback.filter('(d, $) => d.programme === $.relationship');
  return {
    feedback,
    heardAccounts: relationship.filter('d => d.accountKey >= 0').select('accountKey').dedupe('accountKey'),
    heardContacts: relationship.filter('d => d.contactKey >= 0').select('contactKey').dedupe('contactKey'),
    supportCase: t.supportCase.filter(inWindow('openedAt')),
    opportunity: t.opportunity.filter(inWindow('closeDate')),
    account: t.account,
    during: t.account.filter('(d, $) => d.customerSince < $.to && !(d.churnedOn < $.from)'),
    onboarded: t.account.filter('(d, $) => d.onboardingCompletedOn >= $.from && d.onboardingCompletedOn < $.to && op.is_finite(d.onboardingDays)'),
    decisionMakers: t.contact.filter('(d, $) => d.role === $.decisionMaker || d.role === $.sponsor'),
    employeePulse: t.employeePulse.filter(inWindow('periodStart')),
  };
}

function aggregate(p: Shared, grouping: Grouping): SourceRows {
  const by = (source: FactSource): string[] => [...sourceGroupBy(source, grouping)];
  const rollup = (source: FactSource, rows: ColumnTable, values: Record<string, string>): AggregateRow[] =>
    rowsOf(rows.groupby(by(source)).rollup(values), by(source));
  return {
    feedback: [
      ...rollup('feedback', p.feedback.filter('(d, $) => d.scale === $.nps'), {
        nps_n: 'op.count()',
        nps_promoters: 'd => op.sum(d.score >= 9 ? 1 : 0)',
        nps_detractors: 'd => op.sum(d.score <= 6 ? 1 : 0)',
      }),
      ...rollup('feedback', p.feedback.filter('(d, $) => d.scale === $.csat'), {
        csat_n: 'op.count()',
        csat_successes: 'd => op.sum(d.score >= 4 ? 1 : 0)',
      }),
      ...rollup('feedback', p.feedback.filter('(d, $) => d.scale === $.ces'), {
        ces_n: 'op.count()',
        ces_successes: 'd => op.sum(d.score >= 5 ? 1 : 0)',
        ces_sum: 'd => op.sum(d.score)',
        ces_sumsq: 'd => op.sum(d.score * d.score)',
      }),
    ],
    supportCase: rollup('supportCase', p.supportCase, {
      cases_n: 'op.count()',
      escalated: 'd => op.sum(d.escalated)',
      sla_n: 'd => op.valid(d.withinSla)',
      sla_successes: 'd => op.sum(d.withinSla)',
      frh_n: 'd => op.valid(d.firstResponseHours)',
      frh_p50: 'd => op.median(d.firstResponseHours)',
      frh_p90: 'd => op.quantile(d.firstResponseHours, 0.9)',
      res_n: 'd => op.valid(d.resolutionHours)',
      res_p50: 'd => op.median(d.resolutionHours)',
      res_p90: 'd => op.quantile(d.resolutionHours, 0.9)',
    }),
    opportunity: rollup('opportunity', p.opportunity, {
      renewal_closed: '(d, $) => op.sum(d.type === $.renewal && (d.status === $.won || d.status === $.lost) ? 1 : 0)',
      renewal_won: '(d, $) => op.sum(d.type === $.renewal && d.status === $.won ? 1 : 0)',
      up_n: '(d, $) => op.sum(d.type === $.renewal && (d.status === $.won || d.status === $.lost) && op.is_finite(d.renewingAmount) ? 1 : 0)',
      up_renewing: '(d, $) => op.sum(d.type === $.renewal && (d.status === $.won || d.status === $.lost) ? d.renewingAmount : 0)',
      kept: '(d, $) => op.sum(d.type === $.renewal && d.status === $.won && op.is_finite(d.renewingAmount) ? op.least(d.amount, d.renewingAmount) : 0)',
      won_renewal_amount: '(d, $) => op.sum(d.type === $.renewal && d.status === $.won && op.is_finite(d.renewingAmount) ? d.amount : 0)',
      won_expansion_n: '(d, $) => op.sum(d.type === $.expansion && d.status === $.won ? 1 : 0)',
      won_expansion_amount: '(d, $) => op.sum(d.type === $.expansion && d.status === $.won ? d.amount : 0)',
    }),
    account: [
      ...rollup('account', p.during, {
        during_n: 'op.count()',
        churned: '(d, $) => op.sum(d.churnedOn >= $.from && d.churnedOn < $.to ? 1 : 0)',
        arr: 'd => op.sum(d.arr)',
      }),
      ...rollup('account', p.during.semijoin(p.heardAccounts, 'accountKey'), { covered_arr: 'd => op.sum(d.arr)' }),
      ...rollup('account', p.onboarded, { onboarded_n: 'op.count()', onboarding_p50: 'd => op.median(d.onboardingDays)' }),
      ...rollup('account', p.account, {
        health_n: 'd => op.valid(d.healthScore)',
        health_sum: 'd => op.sum(d.healthScore)',
        health_sumsq: 'd => op.sum(d.healthScore * d.healthScore)',
      }),
    ],
    contact: [
      ...rollup('contact', p.decisionMakers, { dm_n: 'op.count()' }),
      ...rollup('contact', p.decisionMakers.semijoin(p.heardContacts, 'contactKey'), { dm_heard: 'op.count()' }),
    ],
    employeePulse: rollup('employeePulse', p.employeePulse, {
      promoters: 'd => op.sum(d.promoters)',
      passives: 'd => op.sum(d.passives)',
      detractors: 'd => op.sum(d.detractors)',
      respondents: 'd => op.sum(d.respondents)',
      engagementSum: 'd => op.sum(d.engagementSum)',
    }),
  };
}

export function arqueroBaseline(tables: BaselineTables, loaded: ArqueroTables): ArqueroBaseline {
  return {
    run: () => {
      const shared = populations(loaded);
      return collectTotals(tables, (grouping) => aggregate(shared, grouping));
    },
  };
}
