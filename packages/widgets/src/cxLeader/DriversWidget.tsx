import { QuadrantChart } from '../charts/QuadrantChart';
import type { FilterState } from '../filters/filterState';
import { WidgetFrame, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { driversView, type DriversView } from './driversView';
import { driverName, DriverWarnings } from './words';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';

export interface CxWidgetProps {
  readonly filters: FilterState;
  readonly asOf: string;
}

function driversTable(translator: Translator, view: DriversView): TableData {
  const { t } = translator;
  const percent = (value: number | null) => (value === null ? '—' : translator.formatNumber(value, { maximumFractionDigits: 1 }));
  return {
    columns: [
      { key: 'driver', label: t('drivers.item'), rowHeader: true },
      { key: 'importance', label: t('drivers.importance'), numeric: true, format: (v) => percent(typeof v === 'number' ? v : null) },
      { key: 'low', label: t('table.intervalLow'), numeric: true, format: (v) => percent(typeof v === 'number' ? v : null) },
      { key: 'high', label: t('table.intervalHigh'), numeric: true, format: (v) => percent(typeof v === 'number' ? v : null) },
      { key: 'performance', label: t('drivers.performance'), numeric: true, format: (v) => (typeof v === 'number' ? translator.formatNumber(v, { maximumFractionDigits: 1 }) : '—') },
      { key: 'quadrant', label: t('drivers.quadrant') },
      { key: 'reliable', label: t('drivers.reliable') },
    ],
    rows: view.points.map((point) => ({
      driver: driverName(translator, point.driver.item),
      importance: point.driver.rescaledWeight,
      low: point.driver.rescaledWeightInterval?.low ?? null,
      high: point.driver.rescaledWeightInterval?.high ?? null,
      performance: point.performance,
      quadrant: t(`quadrant.${point.quadrant}`),
      reliable: t(point.driver.reliable ? 'drivers.yes' : 'drivers.no'),
    })),
  };
}

/** Key drivers of NPS as importance against performance, with the quadrant to act on. */
export function DriversWidget({ filters, asOf }: CxWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, result, status, stale } = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => driversView(feedbackInWindow(data)),
    (view) => view.points.length === 0,
    t('drivers.empty'),
  );
  const top = result?.points[0];
  const fix = result?.points.filter((point) => point.quadrant === 'fix').map((point) => driverName(translator, point.driver.item)) ?? [];
  const summary =
    result === undefined || top === undefined
      ? ''
      : t('drivers.summary', {
          top: driverName(translator, top.driver.item),
          importance: translator.formatNumber(top.driver.rescaledWeight, { maximumFractionDigits: 0 }),
          fix: fix.length > 0 ? fix.join(', ') : t('drivers.summary.noFix'),
          r2: translator.formatNumber((result.analysis.rSquared ?? 0) * 100, { maximumFractionDigits: 0 }),
          n: result.analysis.n,
        });
  return (
    <WidgetFrame
      title={t('drivers.title')}
      description={t('drivers.description', { level: 95 })}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      asOf={asOf}
      exportName="kizuna-key-drivers"
      {...(result === undefined ? {} : { table: driversTable(translator, result) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <QuadrantChart
                  label={t('drivers.title')}
                  points={result.points.map((point) => ({
                    id: point.driver.item,
                    label: driverName(translator, point.driver.item),
                    importance: point.importance,
                    performance: point.performance,
                    quadrant: point.quadrant,
                  }))}
                  cuts={{ importance: result.grid.importanceCut, performance: result.grid.performanceCut }}
                  axis={{ importance: t('drivers.importance'), performance: t('drivers.performance') }}
                  quadrantNames={{ fix: t('quadrant.fix'), maintain: t('quadrant.maintain'), monitor: t('quadrant.monitor'), over_invested: t('quadrant.over_invested') }}
                  formatImportance={(value) => translator.formatNumber(value, { maximumFractionDigits: 0 })}
                  formatPerformance={(value) => translator.formatNumber(value, { maximumFractionDigits: 1 })}
                />
              ),
              summary,
            },
          })}
    >
      {result !== undefined && <DriverWarnings warnings={result.analysis.warnings} />}
    </WidgetFrame>
  );
}
