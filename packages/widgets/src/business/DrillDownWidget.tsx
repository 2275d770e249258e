import { emptyDataset, type CanonicalDataset } from '@kizuna/model';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useCxDataSource } from '../dataSource/cxDataSourceContext';
import type { FilterState } from '../filters/filterState';
import { frameStatusOf, ScrollingTable, WidgetFrame, type FrameWarning, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { businessColumns, csatColumn, npsColumn } from './businessColumns';
import { cellSmallSampleWarnings } from './businessTable';
import { drillBreakdowns, drillColumns, type AccountRow, type Breakdown, type DrillTarget } from './drillDown';
import { formatMoney } from './formatKpi';
import { KpiCellView } from './KpiCellView';
import { cellAccountsQuery } from './queries';
import { useBusinessView } from './useBusinessView';

export interface DrillDownWidgetProps {
  readonly filters: FilterState;
  readonly asOf: string;
  readonly target: DrillTarget | undefined;
  readonly onClose?: () => void;
  /** The host opens the account's CRM record (a Salesforce or Zoho page); the widget never navigates itself. */
  readonly onOpenAccount?: (accountId: string) => void;
}

const drillable = businessColumns.filter((column) => drillColumns.includes(column.id));

function BreakdownTable({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useTranslator();
  const captionId = useId();
  return (
    <ScrollingTable captionId={captionId}>
      <table className="kz-table kz-table--kpis">
        <caption id={captionId}>{t('bu.drill.breakdown', { dimension: t(`dimension.${breakdown.dimension}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`dimension.${breakdown.dimension}`)}</th>
            {drillable.map((column) => (
              <th key={column.id} scope="col">
                {t(`kpi.${column.id}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {breakdown.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {drillable.map((column) => {
                const cell = row.cells[column.id];
                return <td key={column.id}>{cell === undefined ? '—' : <KpiCellView cell={cell} column={column} />}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function accountsTable(translator: Translator, rows: readonly AccountRow[]): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'account', label: t('dimension.accountId'), rowHeader: true },
      { key: 'arr', label: t('accounts.arr'), numeric: true },
      { key: 'currency', label: 'ISO 4217' },
      { key: 'nps', label: t('kpi.nps'), numeric: true },
      { key: 'npsN', label: `${t('kpi.nps')} · n`, numeric: true },
      { key: 'csat', label: t('kpi.csat'), numeric: true },
      { key: 'csatN', label: `${t('kpi.csat')} · n`, numeric: true },
    ],
    rows: rows.map((row) => ({
      account: row.account.name,
      arr: row.account.arr,
      currency: row.account.currency,
      nps: row.nps.value,
      npsN: row.nps.n,
      csat: row.csat.value,
      csatN: row.csat.n,
    })),
  };
}

/** Every shown figure on a small sample, named "group · KPI" or "account · KPI", for the frame's warnings in words. */
function drillWarnings(translator: Translator, breakdowns: readonly Breakdown[], rows: readonly AccountRow[]): FrameWarning[] {
  const { t } = translator;
  return [
    ...breakdowns.flatMap((breakdown) =>
      breakdown.rows.flatMap((row) =>
        drillable.flatMap((column) => {
          const cell = row.cells[column.id];
          return cell === undefined ? [] : cellSmallSampleWarnings(cell, `${row.label} · ${t(`kpi.${column.id}`)}`);
        }),
      ),
    ),
    ...rows.flatMap((row) => [
      ...cellSmallSampleWarnings(row.nps, `${row.account.name} · ${t('kpi.nps')}`),
      ...cellSmallSampleWarnings(row.csat, `${row.account.name} · ${t('kpi.csat')}`),
    ]),
  ];
}

/**
 * Inside a cell: its segments or product lines (from totals already loaded) and its accounts with
 * their NPS and CSAT (one more pushed-down plan per KPI), each linking out to the CRM record.
 * Figures on a small sample are marked in their cells and listed by name in words.
 */
export function DrillDownWidget({ filters, asOf, target, onClose, onOpenAccount }: DrillDownWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const dataSource = useCxDataSource();
  const accountsCaptionId = useId();
  const business = useBusinessView(filters, asOf);
  const data = business.query.data;
  const accounts = useQuery({
    ...cellAccountsQuery(dataSource, data?.structure ?? emptyStructure, target ?? placeholderTarget, filters, asOf),
    enabled: data !== undefined && target !== undefined,
  });
  if (target === undefined) {
    return (
      <WidgetFrame title={t('bu.drill.title', { name: '…' })} status={{ kind: 'empty', message: t('bu.drill.choose') }}>
        {null}
      </WidgetFrame>
    );
  }
  const breakdowns = data === undefined ? [] : drillBreakdowns(data.load, data.structure, target, filters.businessUnitId);
  const status = business.status.kind !== 'ready' ? business.status : frameStatusOf(accounts, (rows) => rows.length === 0, t('bu.drill.noAccounts'));
  const rows = accounts.data ?? [];
  const currency = rows[0]?.account.currency ?? 'JPY';
  const answers = rows.reduce((sum, row) => sum + row.nps.n, 0);
  const arr = rows.filter((row) => row.account.currency === currency).reduce((sum, row) => sum + row.account.arr, 0);
  return (
    <WidgetFrame
      title={t('bu.drill.title', { name: target.label })}
      description={t('bu.drill.summary', { accounts: rows.length, arr: formatMoney(translator, arr, currency), answers })}
      status={status}
      busy={accounts.isFetching || business.query.isFetching}
      {...(business.stale === undefined ? {} : { stale: business.stale })}
      unavailable={data?.unavailable ?? []}
      warnings={drillWarnings(translator, breakdowns, rows)}
      table={accountsTable(translator, rows)}
      asOf={asOf}
      exportName={`kizuna-${target.label}`}
    >
      {onClose !== undefined && (
        <button type="button" className="kz-button kz-button--quiet" onClick={onClose}>
          {t('bu.drill.close')}
        </button>
      )}
      {breakdowns.map((breakdown) => (
        <BreakdownTable key={breakdown.dimension} breakdown={breakdown} />
      ))}
      <ScrollingTable captionId={accountsCaptionId}>
        <table className="kz-table">
          <caption id={accountsCaptionId}>{t('bu.drill.accounts', { name: target.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dimension.accountId')}</th>
              <th scope="col">{t('accounts.arr')}</th>
              <th scope="col">{t('kpi.nps')}</th>
              <th scope="col">{t('kpi.csat')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.account.id}>
                <th scope="row">
                  {onOpenAccount === undefined ? (
                    row.account.name
                  ) : (
                    <button
                      type="button"
                      className="kz-link"
                      aria-label={t('bu.drill.openAccount', { name: row.account.name })}
                      onClick={() => onOpenAccount(row.account.id)}
                    >
                      {row.account.name}
                    </button>
                  )}
                </th>
                <td className="kz-num">{formatMoney(translator, row.account.arr, row.account.currency)}</td>
                <td>
                  <KpiCellView cell={row.nps} column={npsColumn} />
                </td>
                <td>
                  <KpiCellView cell={row.csat} column={csatColumn} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </WidgetFrame>
  );
}

const placeholderTarget: DrillTarget = { dimension: 'businessUnitId', id: '-', label: '-' };
const emptyStructure: CanonicalDataset = emptyDataset();
