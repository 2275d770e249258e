import { IntervalChart } from '../charts/IntervalChart';
import { namedSmallSampleWarnings, WidgetFrame, type FrameWarning, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import { closedLoopView, type ClosedLoopRow } from './closedLoop';
import type { CxWidgetProps } from './DriversWidget';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';

function share(translator: Translator, value: unknown): string {
  return typeof value === 'number' ? translator.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 }) : '—';
}

function hours(translator: Translator, value: unknown): string {
  return typeof value === 'number' ? translator.t('value.hours', { value: translator.formatNumber(value, { maximumFractionDigits: 1 }) }) : '—';
}

/** A group's row with its name in words. */
type LabelledRow = ClosedLoopRow & { label: string };

function loopTable(translator: Translator, rows: readonly LabelledRow[]): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'group', label: t('loop.group'), rowHeader: true },
      { key: 'needed', label: t('loop.needed'), numeric: true },
      { key: 'withinTarget', label: t('loop.withinTarget'), numeric: true, format: (v) => share(translator, v) },
      { key: 'low', label: t('table.intervalLow'), numeric: true, format: (v) => share(translator, v) },
      { key: 'high', label: t('table.intervalHigh'), numeric: true, format: (v) => share(translator, v) },
      { key: 'overdue', label: t('loop.overdue'), numeric: true },
      { key: 'median', label: t('loop.median'), numeric: true, format: (v) => hours(translator, v) },
      { key: 'p90', label: t('loop.p90'), numeric: true, format: (v) => hours(translator, v) },
    ],
    rows: rows.map((row) => ({
      group: row.label,
      needed: row.needed,
      withinTarget: row.withinTargetShare,
      low: row.withinTargetInterval?.low ?? null,
      high: row.withinTargetInterval?.high ?? null,
      overdue: row.overdue,
      median: row.medianHoursToClose,
      p90: row.p90HoursToClose,
    })),
  };
}

/** Each group's share and time to close that rest on a small sample, named, for the frame's warnings in words. */
function loopWarnings(translator: Translator, rows: readonly LabelledRow[]): FrameWarning[] {
  const { t } = translator;
  return rows.flatMap((row) => [
    ...namedSmallSampleWarnings(row.withinTargetWarnings, `${row.label} · ${t('loop.withinTarget')}`),
    ...namedSmallSampleWarnings(row.timeToCloseWarnings, `${row.label} · ${t('loop.median')}`),
  ]);
}

/**
 * Closed-loop performance: the share of follow-ups closed within target, overdue ones, time to
 * close; a share or time resting on fewer answers than the metrics core's minimum is named in words.
 */
export function ClosedLoopWidget({ filters, asOf }: CxWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, result, status, stale } = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => {
      const loop = closedLoopView(feedbackInWindow(data), data.dataset.accounts, asOf);
      const name = (id: string) => data.dataset.businessUnits.find((unit) => unit.id === id)?.name ?? id;
      return [{ ...loop.company, label: t('bu.company') }, ...loop.units.map((row) => ({ ...row, label: name(row.id) }))];
    },
    (rows) => (rows[0]?.needed ?? 0) === 0,
    t('loop.empty'),
  );
  const company = result?.[0];
  const summary =
    company === undefined || company.withinTargetShare === null
      ? ''
      : t('loop.summary', {
          share: share(translator, company.withinTargetShare),
          n: company.needed,
          level: 95,
          low: share(translator, company.withinTargetInterval?.low),
          high: share(translator, company.withinTargetInterval?.high),
          overdue: company.overdue,
          median: hours(translator, company.medianHoursToClose),
        });
  return (
    <WidgetFrame
      title={t('loop.title')}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={result === undefined ? [] : loopWarnings(translator, result)}
      asOf={asOf}
      exportName="kizuna-closed-loop"
      {...(result === undefined ? {} : { table: loopTable(translator, result) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={`${t('loop.title')} · ${t('loop.withinTarget')}`}
                  data={result.map((row) => ({
                    id: row.id,
                    label: row.label,
                    value: row.withinTargetShare === null ? null : row.withinTargetShare * 100,
                    low: row.withinTargetInterval === null ? null : row.withinTargetInterval.low * 100,
                    high: row.withinTargetInterval === null ? null : row.withinTargetInterval.high * 100,
                  }))}
                  domain={[0, 100]}
                  formatTick={(value) => `${translator.formatNumber(value)}%`}
                />
              ),
              summary,
            },
          })}
    />
  );
}
