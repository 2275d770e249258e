import { useId } from 'react';
import { IntervalChart } from '../charts/IntervalChart';
import type { FilterState } from '../filters/filterState';
import { ScrollingTable, WidgetFrame } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import { businessColumns, type KpiFamily } from './businessColumns';
import { highlightQ, type ComparisonRow, type Panel } from './businessView';
import { cellWarnings, comparisonTable, dimensionName, rowLabel } from './businessTable';
import type { DrillTarget } from './drillDown';
import { formatMoney } from './formatKpi';
import { KpiCellView } from './KpiCellView';
import { useBusinessView } from './useBusinessView';

export interface KpiComparisonWidgetProps {
  readonly filters: FilterState;
  readonly asOf: string;
  /** Opens a row's segments and accounts (the drill-down). */
  readonly onDrill?: (target: DrillTarget) => void;
}

const families: readonly KpiFamily[] = ['cx', 'ex', 'ops'];

function PanelTable({ panel, rows, onDrill }: { panel: Panel; rows: readonly ComparisonRow[]; onDrill: ((target: DrillTarget) => void) | undefined }) {
  const translator = useTranslator();
  const { t } = translator;
  const captionId = useId();
  return (
    <ScrollingTable captionId={captionId} className="kz-panel">
      <table className="kz-table kz-table--kpis">
        <caption id={captionId}>{t(`bu.panel.${panel.dimension}`)}</caption>
        <thead>
          <tr>
            <td />
            {families.map((family) => (
              <th key={family} scope="colgroup" colSpan={businessColumns.filter((column) => column.family === family).length}>
                {t(`family.${family}`)}
              </th>
            ))}
            {onDrill !== undefined && <td />}
          </tr>
          <tr>
            <th scope="col">{t(`dimension.${panel.dimension}`)}</th>
            {businessColumns.map((column) => (
              <th key={column.id} scope="col">
                {t(`kpi.${column.id}`)}
              </th>
            ))}
            {onDrill !== undefined && (
              <th scope="col">
                <span className="kz-visually-hidden">{t('bu.detailsColumn')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.dimension}:${row.id}`} className={row.own ? 'kz-row--own' : undefined}>
              <th scope="row">
                {rowLabel(translator, row)}
                {row.own && <span className="kz-badge"> ({t('bu.own')})</span>}
              </th>
              {businessColumns.map((column) => (
                <td key={column.id}>
                  <KpiCellView cell={row.cells[column.id]} column={column} />
                </td>
              ))}
              {onDrill !== undefined && (
                <td>
                  {row.dimension !== 'company' && (
                    <button
                      type="button"
                      className="kz-button kz-button--quiet"
                      onClick={() => onDrill({ dimension: row.dimension === 'company' ? 'businessUnitId' : row.dimension, id: row.id, label: row.label })}
                    >
                      {t('bu.details', { name: row.label })}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/**
 * Business lines, product lines and customer types side by side on CX, EX and operational KPIs,
 * each with the whole company for reference; ▲/▼ only where a difference survives false-discovery
 * control. The chart shows NPS of every row against the company; the table has everything.
 */
export function KpiComparisonWidget({ filters, asOf, onDrill }: KpiComparisonWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, view, status, stale } = useBusinessView(filters, asOf);
  const rows = view === undefined ? [] : view.panels.flatMap((panel) => panel.rows);
  const top = view?.highlights[0];
  const summary =
    view === undefined
      ? ''
      : top === undefined
        ? t('bu.compare.summary.none', { rows: rows.length })
        : t('bu.compare.summary.some', {
            count: view.highlights.length,
            rows: rows.length,
            top: `${top.row.label} (${formatMoney(translator, top.row.revenue, view.currency)})`,
          });
  return (
    <WidgetFrame
      title={t('bu.compare.title')}
      description={t('bu.compare.description', { level: 95, q: highlightQ * 100 })}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={view === undefined ? [] : [...view.warnings, ...cellWarnings(translator, view)]}
      nameOf={(id) => dimensionName(translator, id)}
      asOf={asOf}
      exportName="kizuna-business-comparison"
      {...(view === undefined ? {} : { table: comparisonTable(translator, view) })}
      {...(view === undefined
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={`${t('kpi.nps')} · ${t('bu.compare.title')}`}
                  data={[view.company, ...rows].map((row) => ({
                    id: `${row.dimension}:${row.id}`,
                    label: rowLabel(translator, row),
                    value: row.cells.nps.value,
                    low: row.cells.nps.interval?.low ?? null,
                    high: row.cells.nps.interval?.high ?? null,
                    ...(row.cells.nps.highlight === undefined ? {} : { mark: row.cells.nps.highlight }),
                  }))}
                  domain={[-100, 100]}
                  {...(view.company.cells.nps.value === null ? {} : { reference: view.company.cells.nps.value })}
                  formatTick={(value) => translator.formatNumber(value, { signDisplay: 'exceptZero' })}
                />
              ),
              summary,
            },
          })}
    >
      {view !== undefined && (
        <div className="kz-panels">
          {view.panels.map((panel) => (
            <PanelTable key={panel.dimension} panel={panel} rows={[view.company, ...panel.rows]} onDrill={onDrill} />
          ))}
        </div>
      )}
    </WidgetFrame>
  );
}
