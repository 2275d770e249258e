import type { MomentOfTruthEffect } from '@kizuna/metrics';
import { IntervalChart } from '../charts/IntervalChart';
import { WidgetFrame, type TableData } from '../frame/index';
import { useTranslator } from '../i18n/i18nContext';
import type { Translator } from '../i18n/translator';
import type { CxWidgetProps } from './DriversWidget';
import { momentsView, momentWindowDays } from './journeyView';
import { feedbackInWindow } from './programmeData';
import { useProgrammeAnalysis } from './useProgramme';

function momentName(translator: Translator, moment: string): string {
  return translator.t(`mot.${moment}` as 'mot.executive_meeting');
}

function signed(translator: Translator, value: unknown): string {
  return typeof value === 'number' ? translator.formatNumber(Math.round(value), { signDisplay: 'exceptZero' }) : '—';
}

function momentsTable(translator: Translator, moments: readonly MomentOfTruthEffect[]): TableData {
  const { t } = translator;
  return {
    columns: [
      { key: 'moment', label: t('moments.moment'), rowHeader: true },
      { key: 'effect', label: t('moments.effect'), numeric: true, format: (v) => signed(translator, v) },
      { key: 'low', label: t('table.intervalLow'), numeric: true, format: (v) => signed(translator, v) },
      { key: 'high', label: t('table.intervalHigh'), numeric: true, format: (v) => signed(translator, v) },
      { key: 'exposed', label: t('moments.exposed'), numeric: true },
      { key: 'accounts', label: t('moments.accounts'), numeric: true },
      { key: 'significant', label: t('moments.significant') },
    ],
    rows: moments.map((moment) => ({
      moment: momentName(translator, moment.momentOfTruth),
      effect: moment.effect,
      low: moment.interval?.low ?? null,
      high: moment.interval?.high ?? null,
      exposed: moment.exposed.answers,
      accounts: moment.exposed.accounts,
      significant: t(moment.significant ? 'drivers.yes' : 'drivers.no'),
    })),
  };
}

/** Moments of truth ranked by the loyalty that follows them, with intervals; real ones marked. */
export function MomentsWidget({ filters, asOf }: CxWidgetProps) {
  const translator = useTranslator();
  const { t } = translator;
  const { query, result, status, stale } = useProgrammeAnalysis(
    filters,
    asOf,
    (data) => momentsView(feedbackInWindow(data), data.dataset.touchpoints, data.window.to),
    (moments) => moments.every((moment) => moment.exposed.answers === 0),
    t('moments.summary.none'),
  );
  const estimated = result?.filter((moment) => moment.effect !== null) ?? [];
  const real = estimated.filter((moment) => moment.significant);
  const top = [...real].sort((a, b) => Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0))[0];
  const summary =
    top === undefined
      ? t('moments.summary.none')
      : t('moments.summary', { moment: momentName(translator, top.momentOfTruth), effect: signed(translator, top.effect), count: real.length, total: estimated.length });
  return (
    <WidgetFrame
      title={t('moments.title')}
      description={t('moments.description', { days: momentWindowDays })}
      status={status}
      busy={query.isFetching}
      {...(stale === undefined ? {} : { stale })}
      unavailable={query.data?.unavailable ?? []}
      rejectedCount={query.data?.rejected.length ?? 0}
      warnings={(result ?? [])
        .filter((moment) => moment.exposed.answers > 0)
        .flatMap((moment) => moment.warnings.map((warning) => ({ ...warning, detail: { ...warning.detail, measure: momentName(translator, moment.momentOfTruth) } })))}
      asOf={asOf}
      exportName="kizuna-moments-of-truth"
      {...(result === undefined ? {} : { table: momentsTable(translator, result) })}
      {...(result === undefined
        ? {}
        : {
            chart: {
              content: (
                <IntervalChart
                  label={t('moments.title')}
                  data={estimated.map((moment) => ({
                    id: moment.momentOfTruth,
                    label: momentName(translator, moment.momentOfTruth),
                    value: moment.effect,
                    low: moment.interval?.low ?? null,
                    high: moment.interval?.high ?? null,
                    ...(moment.significant ? { mark: (moment.effect ?? 0) > 0 ? ('strength' as const) : ('weakness' as const) } : {}),
                  }))}
                  reference={0}
                  labelWidth={190}
                  formatTick={(value) => signed(translator, value)}
                />
              ),
              summary,
            },
          })}
    />
  );
}
