import { IntervalChart } from '../charts/IntervalChart';
import type { FilterState } from '../filters/filterState';
import { WidgetFrame, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { businessColumns } from './businessColumns';
import { highlightQ, type BusinessView, type HighlightItem } from './businessView';
import type { DrillTarget } from './drillDown';
import { formatDifference, formatKpiValue, formatMoney } from './formatKpi';
import { useBusinessView } from './useBusinessView';

export interface HighlightsWidgetProps {
  readonly filters: FilterState;
  readonly asOf: string;
  readonly onDrill?: (target: DrillTarget) => void;
}

function unitOf(item: HighlightItem) {
  return businessColumns.find((column) => column.id === item.column)?.unit ?? 'points';
}

function highlightsTable(translator: Translator, view: BusinessView): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'group', label: t('loop.group'), rowHeader: true },
      { key: 'dimension', label: t('bu.table.dimension') },
      { key: 'kpi', label: t('drivers.item') },
      { key: 'reading', label: t('bu.highlights.direction') },
      { key: 'value', label: t('table.value'), numeric: true },
      { key: 'difference', label: t('bu.highlights.difference'), numeric: true },
      { key: 'adjustedP', label: t('bu.highlights.adjustedP'), numeric: true },
      { key: 'revenue', label: t('accounts.arr'), numeric: true, format: (value) => (typeof value === 'number' ? formatMoney(translator, value, view.currency) : '—') },
    ],
    rows: view.highlights.map((item) => ({
      group: item.row.label,
      dimension: t(`dimension.${item.row.dimension}`),
      kpi: t(`kpi.${item.column}`),
      reading: t(item.highlight === 'strength' ? 'bu.strength' : 'bu.weakness'),
      value: item.cell.value,
      difference: item.cell.difference ?? null,
      adjustedP: item.cell.adjustedP ?? null,
      revenue: item.row.revenue,
    })),
  };
}

/**
 * Opportunities and weaknesses: only differences that hold at the false discovery rate, each with
 * the revenue at stake behind it, largest first; each opens its drill-down.
 */
export function HighlightsWidget({ filters, asOf, onDrill }: HighlightsWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, view, status, stale } = useBusinessView(filters, asOf);
  const items = view?.highlights ?? [];
  const top = items[0];
  const frameStatus = status.kind === 'ready' && items.length === 0 ? { kind: 'empty' as const, message: t('bu.highlights.none') } : status;
  return (
    <WidgetFrame
      title={t('bu.highlights.title')}
      description={t('bu.highlights.description', { q: highlightQ * 100, deff: translator.formatNumber(view?.designEffect ?? 1, { maximumFractionDigits: 2 }) })}
      status={frameStatus}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      asOf={asOf}
      exportName="kizuna-highlights"
      {...(view === undefined ? {} : { table: highlightsTable(translator, view) })}
      {...(view === undefined || items.length === 0
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={t('bu.highlights.title')}
                  data={items.map((item, index) => ({
                    id: `${index}`,
                    label: `${item.row.label} · ${t(`kpi.${item.column}`)}`,
                    value: item.row.revenue,
                    low: null,
                    high: null,
                    mark: item.highlight,
                  }))}
                  labelWidth={220}
                  formatTick={(value) => formatMoney(translator, value, view.currency)}
                />
              ),
              summary: t('bu.highlights.summary', {
                weaknesses: items.filter((item) => item.highlight === 'weakness').length,
                strengths: items.filter((item) => item.highlight === 'strength').length,
                top: top === undefined ? '' : `${top.row.label} · ${t(`kpi.${top.column}`)} (${formatMoney(translator, top.row.revenue, view.currency)})`,
              }),
            },
          })}
    >
      {view !== undefined && (
        <ol className="kz-highlights">
          {items.map((item, index) => (
            <li key={index} className={`kz-highlight kz-highlight--${item.highlight}`} data-highlight={item.highlight}>
              <span className="kz-highlight__mark" aria-hidden="true">
                {item.highlight === 'strength' ? '▲' : '▼'}
              </span>{' '}
              <strong>{t(item.highlight === 'strength' ? 'bu.strength' : 'bu.weakness')}</strong>:{' '}
              {t('bu.highlights.item', {
                kpi: t(`kpi.${item.column}`),
                group: item.row.label,
                dimension: t(`dimension.${item.row.dimension}`),
                value: formatKpiValue(translator, unitOf(item), item.cell.value),
                difference: item.cell.difference === undefined ? '—' : formatDifference(translator, unitOf(item), item.cell.difference),
              })}{' '}
              · {t('bu.highlights.revenue', { revenue: formatMoney(translator, item.row.revenue, view.currency) })}{' '}
              {onDrill !== undefined && item.row.dimension !== 'company' && (
                <button
                  type="button"
                  className="kz-button kz-button--quiet"
                  onClick={() => onDrill({ dimension: item.row.dimension === 'company' ? 'businessUnitId' : item.row.dimension, id: item.row.id, label: item.row.label })}
                >
                  {t('bu.details', { name: item.row.label })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </WidgetFrame>
  );
}
